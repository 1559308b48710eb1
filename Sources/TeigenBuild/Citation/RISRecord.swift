/// A citation as an RIS record (`citation.ris`), the format reference managers (Zotero, EndNote, Mendeley)
/// import: `TY  - RPRT` for a report, `TY  - CHAP` for a chapter (the whole work as `T2`); the date as
/// `DA  - 2024/03//` (RIS's `YYYY/MM/DD/other`, the day left empty). Lines end with CR LF, as the
/// format's specification writes them; a value's own line breaks become spaces.
struct RISRecord {
    let citation: Citation

    /// The file's text, UTF-8.
    var text: String {
        var tags: [(String, String)] = [("TY", citation.kind == .report ? "RPRT" : "CHAP")]
        tags += citation.authors.map { ("AU", $0) }
        tags.append(("TI", citation.title))
        if let container = citation.containerTitle { tags.append(("T2", container)) }
        tags += [
            ("PB", citation.publisher), ("PY", String(citation.year)), ("DA", citation.publicationDate + "//"), ("UR", citation.url),
            ("LA", citation.language), ("ER", ""),
        ]
        return tags.map { "\($0.0)  - " + Self.oneLine($0.1) }.joined(separator: "\r\n") + "\r\n"
    }

    private static func oneLine(_ value: String) -> String {
        String(value.map { $0.isNewline ? " " : $0 })
    }
}
