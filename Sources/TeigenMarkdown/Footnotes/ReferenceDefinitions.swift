/// The link reference definitions of a document (`[label]: destination "title"`), kept so that the
/// fragments parsed on their own (footnote bodies, table cells) can resolve `[text][label]` too.
struct ReferenceDefinitions {
    /// Each definition's Markdown (with its continuation lines), by normalized label.
    private var definitions: [ExactString: [UInt8]] = [:]

    var isEmpty: Bool { definitions.isEmpty }

    /// Records the definition whose first line is `text` (continuation lines are added with ``extend``).
    mutating func add(label: some Sequence<UInt8>, text: some Sequence<UInt8>) -> String {
        let key = Self.normalize(label)
        if definitions[ExactString(key)] == nil { definitions[ExactString(key)] = Array(text) + [0x0A] }
        return key
    }

    mutating func extend(_ key: String, with line: some Sequence<UInt8>) {
        definitions[ExactString(key)]?.append(contentsOf: line)
        definitions[ExactString(key)]?.append(0x0A)
    }

    /// The definitions whose labels appear in brackets in `fragment`, to append to it (after a blank
    /// line); empty when none do.
    func text(for fragment: [UInt8]) -> [UInt8] {
        guard !definitions.isEmpty else { return [] }
        var result: [UInt8] = []
        var seen: Set<ExactString> = []
        var index = 0
        while index < fragment.count {
            guard fragment[index] == 0x5B else {
                index += 1
                continue
            }
            var end = index + 1
            while end < fragment.count, end - index <= 1000, fragment[end] != 0x5D, fragment[end] != 0x5B {
                end += fragment[end] == 0x5C ? 2 : 1
            }
            if end < fragment.count, fragment[end] == 0x5D, end > index + 1 {
                let key = ExactString(Self.normalize(fragment[(index + 1)..<end]))
                if let definition = definitions[key], seen.insert(key).inserted {
                    if result.isEmpty { result.append(contentsOf: [0x0A, 0x0A]) }
                    result.append(contentsOf: definition)
                }
            }
            index = end
        }
        return result
    }

    /// A label as CommonMark matches it: case-folded, inner whitespace collapsed, trimmed.
    static func normalize(_ label: some Sequence<UInt8>) -> String {
        let bytes = Array(label)
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let text = String(decoding: bytes, as: UTF8.self).lowercased()
            return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
