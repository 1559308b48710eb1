/// A start or end tag of an HTML fragment, found by ``HTMLTag/tags(in:)``.
///
/// The print edition rewrites HTML that Teigen wrote itself (page bodies from the Markdown module, the
/// theme's print templates): tags, attributes in double or single quotes, comments, raw text in
/// `<script>`/`<style>`. This is a scanner for that markup, not a general HTML parser: it does not build
/// a tree or repair anything.
struct HTMLTag: Sendable, Equatable {
    /// The bytes of the whole tag, `<` to `>`.
    var range: Range<Int>
    /// The element's name, lowercased.
    var name: String
    var isEnd: Bool
    /// `<br />`, or an element that never has content (`br`, `hr`, `img`…).
    var isVoid: Bool
    /// Each attribute's name (lowercased) and the bytes of its value (inside the quotes).
    var attributes: [(name: String, value: Range<Int>)]

    static func == (lhs: HTMLTag, rhs: HTMLTag) -> Bool {
        lhs.range == rhs.range
    }

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// The value of attribute `name` (with character references left as written), or nil.
    func attribute(_ name: String, in bytes: [UInt8]) -> String? {
        attributes.first { $0.name == name }.map { String(decoding: bytes[$0.value], as: UTF8.self) }
    }

    /// The byte range of attribute `name`'s value.
    func valueRange(_ name: String) -> Range<Int>? {
        attributes.first { $0.name == name }?.value
    }

    /// Whether the `class` attribute lists `name`.
    func hasClass(_ name: String, in bytes: [UInt8]) -> Bool {
        attribute("class", in: bytes)?.split(separator: " ").contains { $0 == name } ?? false
    }

    /// Every tag of `bytes`, in order.
    static func tags(in bytes: [UInt8]) -> [HTMLTag] {
        var tags: [HTMLTag] = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            if bytes[open...].starts(with: "<!--".utf8) {
                index = end(of: "-->", in: bytes, from: open + 4)
                continue
            }
            guard let tag = tag(at: open, in: bytes) else {
                index = open + 1
                continue
            }
            tags.append(tag)
            index = tag.range.upperBound
            if !tag.isEnd, tag.name == "script" || tag.name == "style" {
                index = rawTextEnd(of: tag.name, in: bytes, from: index)
            }
        }
        return tags
    }

    /// The tags of `tags` from the start tag at `startIndex` to its matching end tag (same name,
    /// counting nested ones), or nil when it is never closed.
    static func matchingEnd(of startIndex: Int, in tags: [HTMLTag]) -> Int? {
        let name = tags[startIndex].name
        var depth = 0
        for index in startIndex..<tags.count where tags[index].name == name && !tags[index].isVoid {
            depth += tags[index].isEnd ? -1 : 1
            if depth == 0 { return index }
        }
        return nil
    }

    private static func tag(at open: Int, in bytes: [UInt8]) -> HTMLTag? {
        var index = open + 1
        let isEnd = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if isEnd { index += 1 }
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart, isLetter(bytes[nameStart]) else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [(name: String, value: Range<Int>)] = []
        var selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                return HTMLTag(
                    range: open..<(index + 1), name: name, isEnd: isEnd, isVoid: selfClosing || voidElements.contains(name),
                    attributes: attributes)
            }
            if byte == UInt8(ascii: "/") {
                selfClosing = true
                index += 1
                continue
            }
            if isSpace(byte) {
                index += 1
                continue
            }
            selfClosing = false
            let attributeStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">"),
                  bytes[index] != UInt8(ascii: "/") {
                index += 1
            }
            let attributeName = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                attributes.append((attributeName, index..<index))
                continue
            }
            index += 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
                attributes.append((attributeName, (index + 1)..<close))
                index = close + 1
            } else {
                let valueStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                attributes.append((attributeName, valueStart..<index))
            }
        }
        return nil
    }

    private static func end(of marker: String, in bytes: [UInt8], from start: Int) -> Int {
        let pattern = Array(marker.utf8)
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index + pattern.count }
            index += 1
        }
        return bytes.count
    }

    /// Where the raw text of a `script` or `style` element ends: at its end tag, whatever its case.
    private static func rawTextEnd(of name: String, in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            if let tag = tag(at: open, in: bytes), tag.isEnd, tag.name == name { return open }
            index = open + 1
        }
        return bytes.count
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
