import Testing
import TeigenCore

/// ``ByteWriter`` and ``ByteReader``: what one writes the other reads back, and damage throws instead of reading on.
@Suite struct ByteReaderTests {
    func written() -> [UInt8] {
        var writer = ByteWriter()
        writer.write("提言 ✓")
        writer.write(-42)
        writer.write(UInt64.max)
        writer.write(true)
        writer.write(["a", "", "b"])
        return writer.bytes
    }

    @Test func readsBackWhatWasWritten() throws {
        let bytes = written()
        let values = try bytes.withUnsafeBytes { buffer throws -> (String, Int, UInt64, Bool, [String], Bool) in
            var reader = ByteReader(buffer)
            return (try reader.string(), try reader.int(), try reader.uint64(), try reader.bool(), try reader.strings(), reader.isAtEnd)
        }
        #expect(values.0 == "提言 ✓")
        #expect(values.1 == -42)
        #expect(values.2 == UInt64.max)
        #expect(values.3)
        #expect(values.4 == ["a", "", "b"])
        #expect(values.5)
    }

    @Test func everyTruncationThrows() {
        let bytes = written()
        for length in 0..<bytes.count {
            let prefix = Array(bytes.prefix(length))
            let failed = prefix.withUnsafeBytes { buffer -> Bool in
                var reader = ByteReader(buffer)
                do {
                    _ = try reader.string()
                    _ = try reader.int()
                    _ = try reader.uint64()
                    _ = try reader.bool()
                    _ = try reader.strings()
                    return false
                } catch {
                    return true
                }
            }
            #expect(failed, "a prefix of \(length) bytes read as whole")
        }
    }

    @Test func aLengthBeyondTheBytesOrBadUTF8Throws() {
        var writer = ByteWriter()
        writer.write(1 << 40)
        writer.write(raw: [0xFF])
        #expect(throws: ByteReader.Damaged.self) {
            try writer.bytes.withUnsafeBytes { buffer throws in
                var reader = ByteReader(buffer)
                _ = try reader.string()
            }
        }
        var invalid = ByteWriter()
        invalid.write(2)
        invalid.write(raw: [0xC3, 0x28])
        #expect(throws: ByteReader.Damaged.self) {
            try invalid.bytes.withUnsafeBytes { buffer throws in
                var reader = ByteReader(buffer)
                _ = try reader.string()
            }
        }
    }
}
