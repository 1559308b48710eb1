/// One kind of result kept from one build for the next (``RenderCache``): values by name, each with the
/// key of the inputs it was made from. A step asks for a value with the key of its current inputs and
/// gets it only when they are the same.
///
/// When caching is off (`teigen build`), ``key(_:)`` computes nothing, ``value(named:key:)`` finds
/// nothing and ``keep(_:)`` keeps nothing, so the steps read the same either way.
struct Memo<Value: Sendable>: Sendable {
    let isEnabled: Bool
    private var entries: [String: (key: Int, value: Value)] = [:]

    init(enabled: Bool) {
        isEnabled = enabled
    }

    /// The key of the inputs that `combine` feeds to a hasher (0, without calling it, when caching is off).
    func key(_ combine: (inout Hasher) -> Void) -> Int {
        guard isEnabled else { return 0 }
        var hasher = Hasher()
        combine(&hasher)
        return hasher.finalize()
    }

    /// The value kept under `name`, when it was made from inputs with this key.
    func value(named name: String, key: Int) -> Value? {
        guard isEnabled, let entry = entries[name], entry.key == key else { return nil }
        return entry.value
    }

    /// Keeps `entries` (name, key, value) for the next build, in place of the last build's: values no
    /// longer made are forgotten. `entries` is not read when caching is off.
    mutating func keep<Entries: Sequence>(_ entries: Entries) where Entries.Element == (name: String, key: Int, value: Value) {
        guard isEnabled else { return }
        var kept: [String: (key: Int, value: Value)] = [:]
        for entry in entries { kept[entry.name] = (entry.key, entry.value) }
        self.entries = kept
    }
}
