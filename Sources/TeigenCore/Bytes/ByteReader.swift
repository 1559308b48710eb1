/// Reads what ``ByteWriter`` wrote, checking every length against the bytes left: a truncated or damaged
/// file throws ``ByteReader/Damaged`` rather than reading past its end.
///
/// It reads from memory it does not own (a memory-mapped file, an array's storage): the caller keeps that
/// memory alive while reading.
public struct ByteReader {
    /// The bytes do not hold what the reader was asked for.
    public struct Damaged: Error, Sendable {
        public init() {}
    }

    private let bytes: UnsafeRawBufferPointer
    /// Where the next value starts.
    public private(set) var offset = 0

    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Whether every byte was read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// The next `count` bytes, as they are.
    public mutating func raw(_ count: Int) throws(Damaged) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= bytes.count - offset else { throw Damaged() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    public mutating func uint64() throws(Damaged) -> UInt64 {
        let raw = try raw(8)
        var value: UInt64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: raw) }
        return UInt64(littleEndian: value)
    }

    public mutating func int() throws(Damaged) -> Int {
        Int(Int64(bitPattern: try uint64()))
    }

    public mutating func byte() throws(Damaged) -> UInt8 {
        try raw(1)[0]
    }

    public mutating func bool() throws(Damaged) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }

    /// A count of things still to read: never more than the bytes left (each thing takes at least one).
    public mutating func count() throws(Damaged) -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Damaged() }
        return count
    }

    /// A string; its bytes must be UTF-8.
    public mutating func string() throws(Damaged) -> String {
        let raw = try raw(try count())
        guard let text = String(validating: raw, as: UTF8.self) else { throw Damaged() }
        return text
    }

    /// A list written by ``ByteWriter/write(_:_:)-(_,(inout ByteWriter,_)->Void)``.
    public mutating func list<Element>(_ element: (inout ByteReader) throws(Damaged) -> Element) throws(Damaged) -> [Element] {
        let count = try count()
        var list: [Element] = []
        list.reserveCapacity(count)
        for _ in 0..<count { list.append(try element(&self)) }
        return list
    }

    /// A list of strings.
    public mutating func strings() throws(Damaged) -> [String] {
        try list { (reader: inout ByteReader) throws(Damaged) in try reader.string() }
    }
}
