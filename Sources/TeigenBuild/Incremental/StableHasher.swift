import Crypto
import Foundation
import TeigenCore

/// Feeds values into SHA-256 in an unambiguous encoding (fixed-width integers, strings and lists after their
/// length, a tag before each kind of value), so that different inputs never give the same bytes and the same
/// inputs give the same ``CacheKey`` in every process: unlike Swift's `Hasher`, which is seeded afresh in each,
/// a key made here can be kept on disk (the render cache in `.teigen-cache/render/`).
///
/// Small values are gathered in a buffer and handed to SHA-256 in large pieces.
///
/// ```swift
/// var hasher = StableHasher()
/// hasher.combine("proposals/1.md")
/// hasher.combine(42)
/// let key = hasher.finalize()
/// ```
struct StableHasher {
    private var sha = SHA256()
    /// The bytes not yet handed to SHA-256: the first ``used`` of a fixed-size buffer, written in place.
    private var buffer: [UInt8]
    private var used = 0
    private static let bufferSize = 8 * 1024
    /// Keys of maps hashed once for many pages (each page's summary, which lists show), by the address of the
    /// map's storage: such a map is fed as its key instead of its content (``TemplateValue``'s `stableHash`).
    /// The maps must stay alive while the hasher is used (no other storage can then have their address).
    var knownMaps: [UInt: CacheKey] = [:]

    init() {
        buffer = [UInt8](unsafeUninitializedCapacity: Self.bufferSize) { _, count in count = Self.bufferSize }
    }

    /// Feeds `bytes` as they are (the caller makes them unambiguous: a length first, or a fixed size).
    mutating func combine(raw bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        if used + bytes.count > Self.bufferSize { flush() }
        if bytes.count >= Self.bufferSize {
            sha.update(bufferPointer: bytes)
            return
        }
        let offset = used
        buffer.withUnsafeMutableBytes { $0.baseAddress!.advanced(by: offset).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        used += bytes.count
    }

    mutating func combine(_ value: UInt64) {
        if used + 8 > Self.bufferSize { flush() }
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

    /// The key of everything fed.
    consuming func finalize() -> CacheKey {
        flush()
        let digest = sha.finalize()
        return digest.withUnsafeBytes { bytes in
            var high: UInt64 = 0
            var low: UInt64 = 0
            withUnsafeMutableBytes(of: &high) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<8])) }
            withUnsafeMutableBytes(of: &low) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[8..<16])) }
            return CacheKey(high: UInt64(bigEndian: high), low: UInt64(bigEndian: low))
        }
    }

    private mutating func flush() {
        guard used > 0 else { return }
        let count = used
        buffer.withUnsafeBytes { sha.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        used = 0
    }
}

/// A value that feeds itself into a ``StableHasher``: what a cache key is made of.
protocol StableHashable {
    func stableHash(into hasher: inout StableHasher)
}
