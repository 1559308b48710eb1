/// The bodies of the footnote definitions as one text for libcmark: each body's lines behind `> `,
/// bodies separated by a blank line, then the document's link reference definitions they use.
///
/// Each body becomes one top-level block quote, which closes whatever the body leaves open (a code
/// fence, an HTML block), so one parse serves every note; the quote itself is dropped when the
/// note's blocks move into the footnotes section.
struct FootnoteBodyText {
    /// The text to parse, with each line's origin in the author's Markdown.
    var text: SourceText
    /// For each definition index, the index of its block quote among the top-level nodes (`nil` for a
    /// definition repeating an earlier one's label).
    var bodyOfDefinition: [Int?]

    init(registry: FootnoteRegistry, referenceDefinitions: ReferenceDefinitions) {
        var bytes: [UInt8] = []
        var origins: [LineOrigin] = []
        var lineCount = 0
        var byteCount = 0
        for definition in registry.definitions {
            lineCount += definition.body.lineCount + 1
            byteCount += definition.body.bytes.count
        }
        bytes.reserveCapacity(byteCount + 3 * lineCount)
        origins.reserveCapacity(lineCount)
        var bodies = [Int?](repeating: nil, count: registry.definitions.count)
        var bodyCount = 0
        for (index, definition) in registry.definitions.enumerated() where registry.isFirstDefinition(index) {
            bodies[index] = bodyCount
            bodyCount += 1
            let body = definition.body
            for number in 1..<(body.lineCount + 1) {
                var origin = body.origins?[number - 1] ?? LineOrigin(line: definition.line, shift: 0)
                let range = body.line(number)
                bytes.append(0x3E)
                if !range.isEmpty {
                    bytes.append(0x20)
                    // Leading tabs become spaces: after `> ` they would no longer reach their columns.
                    var position = range.lowerBound
                    var column = 0
                    while position < range.upperBound, body.bytes[position] == 0x09 || body.bytes[position] == 0x20 {
                        let width = body.bytes[position] == 0x09 ? 4 - column % 4 : 1
                        bytes.append(contentsOf: repeatElement(0x20, count: width))
                        origin.shift -= width - 1
                        column += width
                        position += 1
                    }
                    bytes.append(contentsOf: body.bytes[position..<range.upperBound])
                }
                origin.shift -= 2
                origins.append(origin)
                bytes.append(0x0A)
            }
            origins.append(LineOrigin(line: definition.line, shift: 0))
            bytes.append(0x0A)
        }
        bytes.append(contentsOf: referenceDefinitions.text(for: bytes))
        text = SourceText(bytes: bytes, origins: origins)
        bodyOfDefinition = bodies
    }
}
