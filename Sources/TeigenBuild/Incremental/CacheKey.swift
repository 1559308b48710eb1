import TeigenCore

/// The key of the inputs a cached result was made from (``Memo``): an XXH3-128 digest
/// (``StableHasher``), the same in every process, so that a key written by one build means the same to the next.
struct CacheKey: Sendable, Hashable {
    var high: UInt64
    var low: UInt64

    /// The version of how keys are made and kept (``RenderCacheFiles``): part of every key, so that a change to
    /// what a key covers makes every earlier key, and every file of the cache on disk, unusable.
    static let formatVersion = 2

    /// The key of nothing: what a memo that is off gives for every input.
    static let none = CacheKey(high: 0, low: 0)

    /// The key as 32 hexadecimal digits.
    var hex: String {
        AssetCatalog.hex(withUnsafeBytes(of: high.bigEndian, Array.init) + withUnsafeBytes(of: low.bigEndian, Array.init))
    }

    func write(to writer: inout ByteWriter) {
        writer.write(high)
        writer.write(low)
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        high = try reader.uint64()
        low = try reader.uint64()
    }
}
