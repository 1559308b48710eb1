import Foundation
import TeigenCore

/// Moves each footnote of a page body to the place that cites it, where the print stylesheet floats it to
/// the foot of the page (`float: footnote`).
///
/// It reads the Markdown module's footnote markup (see `FootnoteSectionBuilder`): the first reference to a
/// note, `<sup class="footnote-ref"><a href="#ID" …>N</a></sup>`, becomes the note itself,
/// `<span class="footnote" id="ID" data-note="N">…</span>` after a word joiner (U+2060, so that the number
/// never starts a line), and the number printed is the site's; later
/// references to it stay superscript links. A note's blocks become spans, because the note now sits inside
/// a paragraph: its first paragraph `<span class="footnote__text">`, each later block
/// `<span class="footnote__block footnote__block--TAG">` (`--p`, `--ul`, `--li`…). Back-links are dropped
/// and so is the notes section, unless a note was cited from nowhere in the text (from another note, say):
/// those stay in the section, so no text is lost.
struct FootnoteInliner {
    /// Elements that become block spans inside a note.
    static let blockElements: Set<String> = [
        "p", "div", "ul", "ol", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody",
        "tfoot", "tr", "th", "td", "figure", "figcaption", "dl", "dt", "dd", "section",
    ]

    /// `html` with its notes at their references.
    func inline(_ html: String) -> String {
        let bytes = Array(html.utf8)
        let tags = HTMLTag.tags(in: bytes)
        guard let sectionStart = tags.firstIndex(where: { !$0.isEnd && $0.name == "section" && $0.hasClass("footnotes", in: bytes) }),
              let sectionEnd = HTMLTag.matchingEnd(of: sectionStart, in: tags)
        else { return html }
        let notes = Self.notes(in: tags, from: sectionStart, to: sectionEnd, bytes: bytes)
        guard !notes.isEmpty else { return html }
        var edits = HTMLEdits()
        var placed = Set<String>()
        var index = 0
        while index < sectionStart {
            let tag = tags[index]
            guard !tag.isEnd, tag.name == "sup", tag.hasClass("footnote-ref", in: bytes),
                  let end = HTMLTag.matchingEnd(of: index, in: tags), end < sectionStart,
                  let link = tags[index..<end].first(where: { !$0.isEnd && $0.name == "a" }),
                  let id = link.attribute("href", in: bytes).map({ HTMLScan.decodeEntities(String($0.dropFirst())) }),
                  let note = notes.first(where: { $0.id == id })
            else {
                index += 1
                continue
            }
            let number = String(decoding: bytes[link.range.upperBound..<tags[end - 1].range.lowerBound], as: UTF8.self)
            let range = tag.range.lowerBound..<tags[end].range.upperBound
            if placed.insert(id).inserted {
                // A word joiner keeps the printed number on the line of the word it follows.
                edits.replace(range, with: "\u{2060}<span class=\"footnote\" id=\"\(HTMLText.escape(id))\" data-note=\"\(number)\">" + note.html + "</span>")
            } else {
                edits.replace(range, with: "<sup class=\"footnote-ref\"><a href=\"#\(HTMLText.escape(id))\">\(number)</a></sup>")
            }
            index = end + 1
        }
        let unplaced = notes.filter { !placed.contains($0.id) }
        if unplaced.isEmpty {
            edits.replace(tags[sectionStart].range.lowerBound..<tags[sectionEnd].range.upperBound, with: "")
        } else {
            for note in notes where placed.contains(note.id) {
                edits.replace(note.item, with: "")
            }
        }
        return String(decoding: edits.applied(to: bytes), as: UTF8.self)
    }

    /// One note of the section: its id, the bytes of its `<li>` and its body as spans.
    private struct Note {
        var id: String
        var item: Range<Int>
        var html: String
    }

    /// The notes of the section whose start and end tags are `tags[start]` and `tags[end]`, in order.
    private static func notes(in tags: [HTMLTag], from start: Int, to end: Int, bytes: [UInt8]) -> [Note] {
        guard let list = tags[start..<end].firstIndex(where: { !$0.isEnd && ($0.name == "ol" || $0.name == "ul") }),
              let listEnd = HTMLTag.matchingEnd(of: list, in: tags)
        else { return [] }
        var notes: [Note] = []
        var index = list + 1
        while index < listEnd {
            guard !tags[index].isEnd, tags[index].name == "li", let close = HTMLTag.matchingEnd(of: index, in: tags) else {
                index += 1
                continue
            }
            let item = tags[index].range.lowerBound..<tags[close].range.upperBound
            let id = tags[index].attribute("id", in: bytes).map(HTMLScan.decodeEntities) ?? ""
            notes.append(Note(id: id, item: item, html: spans(tags, from: index, to: close, bytes: bytes)))
            index = close + 1
        }
        return notes
    }

    /// The body of the note whose `<li>` and `</li>` are `tags[item]` and `tags[itemEnd]`, without its
    /// back-links, its blocks turned into spans.
    private static func spans(_ tags: [HTMLTag], from item: Int, to itemEnd: Int, bytes: [UInt8]) -> String {
        let start = tags[item].range.upperBound
        let end = tags[itemEnd].range.lowerBound
        func local(_ range: Range<Int>) -> Range<Int> { (range.lowerBound - start)..<(range.upperBound - start) }
        var edits = HTMLEdits()
        var skipUntil = -1
        var blocks = 0
        for index in (item + 1)..<itemEnd {
            let tag = tags[index]
            guard tag.range.lowerBound >= skipUntil else { continue }
            if !tag.isEnd, tag.name == "a", tag.hasClass("footnote-backref", in: bytes), let close = HTMLTag.matchingEnd(of: index, in: tags) {
                var from = tag.range.lowerBound
                if from > start, bytes[from - 1] == UInt8(ascii: " ") { from -= 1 }
                skipUntil = tags[close].range.upperBound
                edits.replace(local(from..<skipUntil), with: "")
                continue
            }
            guard blockElements.contains(tag.name) else { continue }
            // The line breaks between blocks would be spaces inside a note: they go with the tags.
            var range = tag.range
            while range.upperBound < end, isSpace(bytes[range.upperBound]) { range = range.lowerBound..<(range.upperBound + 1) }
            if tag.isEnd {
                edits.replace(local(range), with: "</span>")
            } else {
                let isFirst = blocks == 0 && tag.name == "p"
                blocks += 1
                let opening = isFirst ? "<span class=\"footnote__text\">" : "<span class=\"footnote__block footnote__block--\(tag.name)\">"
                edits.replace(local(range), with: tag.isVoid ? opening + "</span>" : opening)
            }
        }
        let body = String(decoding: edits.applied(to: Array(bytes[start..<end])), as: UTF8.self)
        return body.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
}
