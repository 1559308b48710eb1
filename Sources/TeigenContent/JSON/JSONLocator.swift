/// Where the top-level keys of a JSON document, their values and the items of their array values were written,
/// and the keys written twice in one object.
///
/// Foundation's JSON parser gives values without positions, and takes the last of two equal keys without a word;
/// this reads a document it has already accepted, only for the positions messages need.
struct JSONLocator {
    /// The top-level object's keys (the last of equal ones, as Foundation keeps the last value).
    private(set) var places: [String: KeyPlace] = [:]
    /// Keys written a second time in the same object, where they were written again.
    private(set) var duplicates: [(key: String, position: KeyPlace.Position)] = []

    private let bytes: [UInt8]
    private var index = 0
    private var position = KeyPlace.Position(line: 1, column: 1)

    /// Reads `json`, which Foundation has parsed without error.
    init(_ json: String) {
        bytes = Array(json.utf8)
        skipBlanks()
        var items: [KeyPlace.Position] = []
        readValue(depth: 0, items: &items)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func advance() {
        guard let byte = current else { return }
        if byte == 0x0A {
            position = KeyPlace.Position(line: position.line + 1, column: 1)
        } else if index + 1 >= bytes.count || bytes[index + 1] & 0xC0 != 0x80 {
            position.column += 1  // The last byte of a scalar.
        }
        index += 1
    }

    private mutating func skipBlanks() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
    }

    /// Reads one value; `items` gets the positions of an array's items when `depth` is 1 (a top-level key's value).
    private mutating func readValue(depth: Int, items: inout [KeyPlace.Position]) {
        switch current {
        case UInt8(ascii: "{"): readObject(depth: depth)
        case UInt8(ascii: "["):
            advance()
            while true {
                skipBlanks()
                guard let byte = current, byte != UInt8(ascii: "]") else { break }
                if depth == 1 { items.append(position) }
                var nested: [KeyPlace.Position] = []
                readValue(depth: depth + 1, items: &nested)
                skipBlanks()
                if current == UInt8(ascii: ",") { advance() }
            }
            advance()
        case UInt8(ascii: "\""): _ = readString()
        default:
            while let byte = current, !Self.ends.contains(byte) { advance() }
        }
    }

    private static let ends: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")]

    private mutating func readObject(depth: Int) {
        advance()
        var seen: Set<String> = []
        while true {
            skipBlanks()
            guard current == UInt8(ascii: "\"") else { break }
            let keyPosition = position
            let key = readString()
            if !seen.insert(key).inserted { duplicates.append((key, keyPosition)) }
            skipBlanks()
            if current == UInt8(ascii: ":") { advance() }
            skipBlanks()
            let valuePosition = position
            var items: [KeyPlace.Position] = []
            readValue(depth: depth + 1, items: &items)
            if depth == 0 { places[key] = KeyPlace(key: keyPosition, value: valuePosition, items: items) }
            skipBlanks()
            if current == UInt8(ascii: ",") { advance() }
        }
        advance()
    }

    /// Reads a string and returns its value (escapes decoded).
    private mutating func readString() -> String {
        advance()
        var raw: [UInt8] = []
        var escaped = false
        while let byte = current {
            advance()
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                break
            }
            raw.append(byte)
        }
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        return JSONReader.decodeString(String(decoding: raw, as: UTF8.self))
    }
}
