/// One kind of result kept from one build for the next (``RenderCache``): values by name, each with the
/// key of the inputs it was made from. A step asks for a value with the key of its current inputs and
/// gets it only when they are the same.
///
/// Keys are SHA-256 digests (``StableHasher``), the same in every process, so that a memo can be kept on
/// disk between `teigen build`s (``RenderCacheFiles``) as well as in memory by the preview server.
/// When caching is off (`teigen build --no-cache`), ``key(_:)`` computes nothing, ``value(named:key:)`` finds
/// nothing and ``keep(_:)`` keeps nothing, so the steps read the same either way.
struct Memo<Value: Sendable>: Sendable {
    let isEnabled: Bool
    /// The values kept, by name.
    private(set) var entries: [String: (key: CacheKey, value: Value)] = [:]
    /// Whether the last ``keep(_:)`` kept exactly the names and keys it replaced (nothing new was made: a memo
    /// read from disk need not be written again).
    private(set) var keptTheSame = false

    init(enabled: Bool) {
        isEnabled = enabled
    }

    /// A memo holding `entries` (read from disk).
    init(entries: [String: (key: CacheKey, value: Value)]) {
        isEnabled = true
        self.entries = entries
    }

    /// The key of the inputs that `combine` feeds to a hasher (``CacheKey/none``, without calling it, when caching is off).
    func key(_ combine: (inout StableHasher) -> Void) -> CacheKey {
        guard isEnabled else { return .none }
        var hasher = StableHasher()
        combine(&hasher)
        return hasher.finalize()
    }

    /// The value kept under `name`, when it was made from inputs with this key.
    func value(named name: String, key: CacheKey) -> Value? {
        guard isEnabled, let entry = entries[name], entry.key == key else { return nil }
        return entry.value
    }

    /// Keeps `entries` (name, key, value) for the next build, in place of the last build's: values no
    /// longer made are forgotten. `entries` is not read when caching is off.
    mutating func keep<Entries: Sequence>(_ entries: Entries) where Entries.Element == (name: String, key: CacheKey, value: Value) {
        guard isEnabled else { return }
        let previous = self.entries
        self.entries = [:]
        var kept: [String: (key: CacheKey, value: Value)] = [:]
        kept.reserveCapacity(previous.count)
        var same = true
        for entry in entries {
            kept[entry.name] = (entry.key, entry.value)
            if same, previous[entry.name]?.key != entry.key { same = false }
        }
        keptTheSame = same && kept.count == previous.count
        self.entries = kept
    }
}
