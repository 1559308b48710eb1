import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// ``StableHasher``: the same inputs give the same key in every process (a known digest), different inputs
/// different keys, however the bytes fall in its buffer.
@Suite struct StableHasherTests {
    func key(_ feed: (inout StableHasher) -> Void) -> CacheKey {
        var hasher = StableHasher()
        feed(&hasher)
        return hasher.finalize()
    }

    /// The key of nothing is XXH3-128 of no bytes (xxHash's own test value): nothing seeds it per process.
    @Test func aKeyIsXXH3OfTheEncoding() {
        #expect(key { _ in }.hex == "99aa06d3014798d86001c324468d497f")
        #expect(key { $0.combine("abc") }.hex == "45bcdc88efffd44520b986a5e7fe1438")
        // "abc" is its length (3, 8 bytes little-endian), then its bytes.
        var bytes = Data([3, 0, 0, 0, 0, 0, 0, 0])
        bytes.append(contentsOf: Array("abc".utf8))
        let expected = key { hasher in
            hasher.combine(raw: UnsafeRawBufferPointer(start: nil, count: 0))
            bytes.withUnsafeBytes { hasher.combine(raw: $0) }
        }
        #expect(key { $0.combine("abc") } == expected)
    }

    @Test func differentValuesGiveDifferentKeys() {
        let values: [TemplateValue] = [
            .null, .bool(false), .int(0), .double(0), .string(""), .array([]), .map([]), .string("1"), .int(1),
            .array([.string("ab")]), .array([.string("a"), .string("b")]), .map([("a", .string("b"))]), .map([("ab", .null)]),
        ]
        let keys = values.map { value in key { $0.combine(value) } }
        #expect(Set(keys).count == values.count)
    }

    /// Long input crosses the buffer many times: the key is the same as when fed in one piece.
    @Test func theBufferDoesNotChangeTheKey() {
        let long = String(repeating: "提言 text ", count: 5_000)
        let whole = key { $0.combine(long) }
        var bytes = Data()
        withUnsafeBytes(of: UInt64(long.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: Array(long.utf8))
        let pieces = key { hasher in
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + 777)
                bytes[offset..<end].withUnsafeBytes { hasher.combine(raw: $0) }
                offset = end
            }
        }
        #expect(whole == pieces)
    }
}
