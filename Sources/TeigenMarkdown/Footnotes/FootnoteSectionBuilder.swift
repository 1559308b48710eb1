import CCmark

/// Gives footnotes their ids, fills in the reference markup and appends the notes section.
///
/// Markup (N is the note's number, ID the slug of its label, see ``Slug``):
/// - reference: `<sup class="footnote-ref"><a href="#fn-ID" id="fnref-ID" role="doc-noteref">N</a></sup>`;
///   the note's second reference has `id="fnref-ID-2"`, and so on;
/// - section: `<section class="footnotes" role="doc-endnotes">` `<ol>` (`<ol start="N">` when the first
///   number is not 1) then one `<li id="fn-ID">` per note,
///   in number order, holding the note's blocks; its last paragraph ends with a space (none after a
///   Japanese character) and a back-link to each
///   reference: `<a href="#fnref-ID" class="footnote-backref" role="doc-backlink" aria-label="Back to reference N">↩︎</a>`,
///   then `… href="#fnref-ID-2" … aria-label="Back to reference N-2">↩︎<sup>2</sup></a>` and so on
///   (the arrow is followed by U+FE0E so it never shows as an emoji).
///
/// Ids are stable (they depend on the label, not the number) and never collide with heading ids
/// (automatic heading ids do not start with `fn-`/`fnref-`) or with each other (a clash adds `-1`, `-2`…).
struct FootnoteSectionBuilder {
    var backlinkLabel: String
    /// The number shown for the first note.
    var firstNumber: Int = 1

    /// Appends the section for `registry`'s notes, whose blocks are the children of `bodies` (same order),
    /// to `root`, and fills in the markup of the references, notes and back-links.
    /// Returns the section node, or `nil` when no note is referenced.
    func build(
        registry: FootnoteRegistry, bodies: [CmarkNode], usedIDs: inout Set<ExactString>, markup: inout PassMarkup,
        root: CmarkNode
    ) -> CmarkNode? {
        guard !registry.notes.isEmpty else { return nil }
        let ids = assignIDs(registry: registry, usedIDs: &usedIDs).map(HTMLEscaping.escape)
        markup.references.reserveCapacity(registry.references.count)
        for (note, ordinal) in registry.references {
            let id = ids[note]
            let referenceID = ordinal == 1 ? "fnref-\(id)" : "fnref-\(id)-\(ordinal)"
            markup.references.append(
                Array(
                    "<sup class=\"footnote-ref\"><a href=\"#fn-\(id)\" id=\"\(referenceID)\" role=\"doc-noteref\">\(firstNumber + note)</a></sup>"
                        .utf8))
        }
        let list = firstNumber == 1 ? "<ol>" : "<ol start=\"\(firstNumber)\">"
        markup.sectionOpening = Array("<section class=\"footnotes\" role=\"doc-endnotes\">\n\(list)".utf8)
        let section = CmarkNode.tagged(block: true, .footnoteSection)
        root.append(section)
        for (note, body) in bodies.enumerated() {
            let item = CmarkNode.tagged(block: true, .footnoteItem(note))
            markup.noteOpenings.append(Array("<li id=\"fn-\(ids[note])\">".utf8))
            section.append(item)
            item.adoptChildren(of: body)
            appendBacklinks(to: item, note: note, id: ids[note], count: registry.referenceCounts[note], markup: &markup)
        }
        return section
    }

    private func assignIDs(registry: FootnoteRegistry, usedIDs: inout Set<ExactString>) -> [String] {
        var ids: [String] = []
        ids.reserveCapacity(registry.notes.count)
        for (note, definitionIndex) in registry.notes.enumerated() {
            var base = Slug.make(registry.definitions[definitionIndex].label)
            if base.isEmpty { base = String(note + 1) }
            let count = registry.referenceCounts[note]
            func isFree(_ candidate: String) -> Bool {
                if usedIDs.contains(ExactString("fn-" + candidate)) || usedIDs.contains(ExactString("fnref-" + candidate)) {
                    return false
                }
                return count < 2 || !(2...count).contains { usedIDs.contains(ExactString("fnref-\(candidate)-\($0)")) }
            }
            var candidate = base
            var suffix = 1
            while !isFree(candidate) {
                candidate = "\(base)-\(suffix)"
                suffix += 1
            }
            usedIDs.insert(ExactString("fn-" + candidate))
            usedIDs.insert(ExactString("fnref-" + candidate))
            if count >= 2 {
                for ordinal in 2...count { usedIDs.insert(ExactString("fnref-\(candidate)-\(ordinal)")) }
            }
            ids.append(candidate)
        }
        return ids
    }

    private func appendBacklinks(to item: CmarkNode, note: Int, id: String, count: Int, markup: inout PassMarkup) {
        let number = firstNumber + note
        let label = HTMLEscaping.escape(backlinkLabel)
        var links: [String] = []
        for ordinal in 1...max(1, count) {
            let target = ordinal == 1 ? "fnref-\(id)" : "fnref-\(id)-\(ordinal)"
            let name = ordinal == 1 ? "\(label) \(number)" : "\(label) \(number)-\(ordinal)"
            let mark = ordinal == 1 ? "↩\u{FE0E}" : "↩\u{FE0E}<sup>\(ordinal)</sup>"
            links.append(
                "<a href=\"#\(target)\" class=\"footnote-backref\" role=\"doc-backlink\" aria-label=\"\(name)\">\(mark)</a>")
        }
        let html = links.joined(separator: " ")
        let backlinks = CmarkNode.tagged(block: false, .footnoteBacklinks(note))
        if let last = item.lastChild, last.type == CMARK_NODE_PARAGRAPH {
            // After Japanese text the arrows follow without a space, as the text itself has none.
            let wide = SoftBreakJoiner.lastScalar(of: last.lastChild).map(EastAsianWidth.joinsLines) ?? false
            markup.backlinks.append(Array(((wide ? "" : " ") + html).utf8))
            last.append(backlinks)
        } else {
            markup.backlinks.append(Array(html.utf8))
            let paragraph = CmarkNode.make(CMARK_NODE_PARAGRAPH)
            paragraph.append(backlinks)
            item.append(paragraph)
        }
    }
}
