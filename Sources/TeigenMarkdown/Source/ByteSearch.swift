#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding bytes in a text with `memchr`, which skips the bytes in between many at a time.
extension UnsafeBufferPointer<UInt8> {
    /// Calls `body` with the offset of every `byte`, in order, until `body` returns `false`.
    func forEachOffset(of byte: UInt8, _ body: (Int) -> Bool) {
        guard let base = baseAddress else { return }
        var start = 0
        while start < count, let found = memchr(base + start, Int32(byte), count - start) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard body(index) else { return }
            start = index + 1
        }
    }

    /// Whether `first` is directly followed by `second` somewhere.
    func contains(_ first: UInt8, followedBy second: UInt8) -> Bool {
        var found = false
        forEachOffset(of: first) { index in
            found = index + 1 < count && self[index + 1] == second
            return !found
        }
        return found
    }

    /// Whether the bytes contain `[^`.
    var containsFootnoteMarker: Bool { contains(0x5B, followedBy: 0x5E) }
}
