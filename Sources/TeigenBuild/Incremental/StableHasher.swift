import CXXHash
import Foundation
import TeigenCore

/// Feeds values into XXH3-128 (xxHash) in an unambiguous encoding (fixed-width integers, strings and lists after
/// their length, a tag before each kind of value), so that different inputs never give the same bytes and the same
/// inputs give the same ``CacheKey`` in every process: unlike Swift's `Hasher`, which is seeded afresh in each,
/// a key made here can be kept on disk (the render cache in `.teigen-cache/render/`).
///
/// XXH3 is not a cryptographic hash: a key guards against change, not against someone who sets out to make two
/// inputs collide (who could as well edit the cache files). Its 128 bits make an accidental collision among a
/// site's keys as unlikely as SHA-256's first 128 bits, at many times the speed.
///
/// The encoding is gathered in one buffer and hashed whole by ``finalize()``.
///
/// ```swift
/// var hasher = StableHasher()
/// hasher.combine("proposals/1.md")
/// hasher.combine(42)
/// let key = hasher.finalize()
/// ```
struct StableHasher {
    /// The encoding so far: the first ``used`` bytes, written in place; grows by doubling.
    private var buffer: [UInt8]
    private var used = 0
    private static let initialSize = 4 * 1024
    /// Keys of maps and lists hashed once for many pages (each page's summary, which lists show; `page.subsections`),
    /// by the address of their storage: such a value is fed as its key instead of its content (``TemplateValue``'s
    /// `stableHash`). The values must stay alive while the hasher is used (no other storage can then have their address).
    var knownValues: [UInt: CacheKey] = [:]

    init() {
        buffer = [UInt8](unsafeUninitializedCapacity: Self.initialSize) { _, count in count = Self.initialSize }
    }

    /// Makes room for `count` more bytes.
    private mutating func reserve(_ count: Int) {
        guard used + count > buffer.count else { return }
        var size = buffer.count * 2
        while size < used + count { size *= 2 }
        let kept = used
        let old = buffer
        buffer = [UInt8](unsafeUninitializedCapacity: size) { storage, initialized in
            old.withUnsafeBufferPointer { storage.baseAddress!.initialize(from: $0.baseAddress!, count: kept) }
            initialized = size
        }
    }

    /// Feeds `bytes` as they are (the caller makes them unambiguous: a length first, or a fixed size).
    mutating func combine(raw bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        reserve(bytes.count)
        let offset = used
        buffer.withUnsafeMutableBytes { $0.baseAddress!.advanced(by: offset).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        used += bytes.count
    }

    mutating func combine(_ value: UInt64) {
        reserve(8)
        let offset = used
        buffer.withUnsafeMutableBytes { $0.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt64.self) }
        used += 8
    }

    mutating func combine(_ value: Int) {
        combine(UInt64(bitPattern: Int64(value)))
    }

    mutating func combine(_ value: Bool) {
        combine(value ? 1 : 0)
    }

    /// Feeds a double by its bits (`0.0` and `-0.0` differ, as their text in a page would).
    mutating func combine(_ value: Double) {
        combine(value.bitPattern)
    }

    /// Feeds the UTF-8 bytes of `text` after their count (no Unicode normalisation: pages hold bytes).
    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            combine(utf8.count)
            combine(raw: UnsafeRawBufferPointer(utf8))
        }
    }

    /// Feeds `text` or, for nil, a marker no text gives.
    mutating func combine(_ text: String?) {
        if let text {
            combine(true)
            combine(text)
        } else {
            combine(false)
        }
    }

    mutating func combine(_ data: Data) {
        combine(data.count)
        data.withUnsafeBytes { combine(raw: $0) }
    }

    mutating func combine(_ key: CacheKey) {
        combine(key.high)
        combine(key.low)
    }

    /// Feeds a value that knows how (``StableHashable``).
    mutating func combine(_ value: some StableHashable) {
        value.stableHash(into: &self)
    }

    /// The key of everything fed: XXH3-128 of the encoding.
    consuming func finalize() -> CacheKey {
        let count = used
        let hash = buffer.withUnsafeBytes { XXH3_128bits($0.baseAddress, count) }
        return CacheKey(high: hash.high64, low: hash.low64)
    }
}

/// A value that feeds itself into a ``StableHasher``: what a cache key is made of.
protocol StableHashable {
    func stableHash(into hasher: inout StableHasher)
}
