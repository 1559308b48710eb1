import TeigenCore
import TeigenMarkdown

extension PageBody {
    /// Writes the whole body (for the render cache on disk, which keeps converted pages between builds).
    public func write(to writer: inout ByteWriter) {
        writer.write(html)
        Self.write(tableOfContents, to: &writer)
        writer.write(summaryHTML)
        writer.write(summaryText)
        writer.write(readingMinutes)
        writer.write(issues) { writer, issue in
            writer.write(issue.severity == .error)
            writer.write(issue.line)
            writer.write(issue.column)
            writer.write(issue.message)
        }
        writer.write(fragments) { writer, fragment in
            switch fragment.kind {
            case .code(let info):
                writer.write(UInt8(0))
                writer.write(info)
            case .math(let display):
                writer.write(UInt8(1))
                writer.write(display)
            }
            writer.write(fragment.text)
            writer.write(fragment.line)
            writer.write(fragment.column)
        }
        for placements in [htmlPlacements, summaryPlacements] {
            writer.write(placements) { writer, placement in
                writer.write(placement.fragment)
                writer.write(placement.range.lowerBound)
                writer.write(placement.range.upperBound)
            }
        }
        writer.write(resources)
    }

    /// Reads a body that ``write(to:)`` wrote.
    public init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self.init(html: try reader.string())
        tableOfContents = try Self.headings(from: &reader, depth: 0)
        summaryHTML = try reader.string()
        summaryText = try reader.string()
        readingMinutes = try reader.int()
        issues = try reader.list { (reader: inout ByteReader) throws(ByteReader.Damaged) in
            let severity: MarkdownIssue.Severity = try reader.bool() ? .error : .warning
            return MarkdownIssue(severity: severity, line: try reader.int(), column: try reader.int(), message: try reader.string())
        }
        fragments = try reader.list { (reader: inout ByteReader) throws(ByteReader.Damaged) in
            let kind: MarkdownFragment.Kind
            switch try reader.byte() {
            case 0: kind = .code(info: try reader.string())
            case 1: kind = .math(display: try reader.bool())
            default: throw ByteReader.Damaged()
            }
            return MarkdownFragment(kind: kind, text: try reader.string(), line: try reader.int(), column: try reader.int())
        }
        let placement = { (reader: inout ByteReader) throws(ByteReader.Damaged) -> FragmentPlacement in
            let fragment = try reader.int()
            let lower = try reader.int()
            let upper = try reader.int()
            guard lower >= 0, lower <= upper else { throw ByteReader.Damaged() }
            return FragmentPlacement(fragment: fragment, range: lower..<upper)
        }
        htmlPlacements = try reader.list(placement)
        summaryPlacements = try reader.list(placement)
        resources = try reader.strings()
    }

    private static func write(_ headings: [PageHeading], to writer: inout ByteWriter) {
        writer.write(headings) { writer, heading in
            writer.write(heading.level)
            writer.write(heading.id)
            writer.write(heading.title)
            write(heading.children, to: &writer)
        }
    }

    /// Headings nest two levels (h2, h3); a deeper nesting is damage, not a table of contents.
    private static func headings(from reader: inout ByteReader, depth: Int) throws(ByteReader.Damaged) -> [PageHeading] {
        guard depth < 8 else { throw ByteReader.Damaged() }
        return try reader.list { (reader: inout ByteReader) throws(ByteReader.Damaged) in
            PageHeading(
                level: try reader.int(), id: try reader.string(), title: try reader.string(),
                children: try headings(from: &reader, depth: depth + 1))
        }
    }
}
