import CCmark

/// Gives footnotes their ids, fills in the reference markup and appends the notes section.
///
/// Markup (N is the note's number, ID the slug of its label, see ``Slug``):
/// - reference: U+2060 WORD JOINER (so the mark never starts a line: it stays with the character
///   before it; invisible and silent for screen readers), then
///   `<sup class="footnote-ref"><a href="#fn-ID" id="fnref-ID" role="doc-noteref">N</a></sup>`;
///   the note's second reference has `id="fnref-ID-2"`, and so on;
/// - section: `<section class="footnotes" role="doc-endnotes">` (with `aria-label="LABEL"` when the options give
///   the section a label: its accessible name, which a stylesheet may show with `attr(aria-label)`),
///   `<ol>` (`<ol start="N">` when the first
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
    /// The section's accessible name (`aria-label`), if any.
    var sectionLabel: String? = nil
    /// The number shown for the first note.
    var firstNumber: Int = 1

    /// Appends the section for the context's notes, whose blocks are the children of `bodies` (same
    /// order), to `root`, and fills in the markup of the references, notes and back-links.
    /// Returns the section node, or `nil` when no note is referenced.
    func build(bodies: [CmarkNode], headingIDs: Set<ExactString>, root: CmarkNode, in context: ConversionContext) -> CmarkNode? {
        let registry = context.registry
        guard !registry.notes.isEmpty else { return nil }
        let ids = assignIDs(registry: registry, headingIDs: headingIDs).map { id in
            var bytes: [UInt8] = []
            bytes.append(escaping: id)
            return bytes
        }
        context.markup.references.reserve(entries: registry.references.count, bytesEach: 130)
        for (note, ordinal) in registry.references {
            context.markup.references.append { reference in
                // U+2060 WORD JOINER binds the mark to the character before it: no line starts with it.
                reference.append("\u{2060}<sup class=\"footnote-ref\"><a href=\"#fn-")
                reference.append(contentsOf: ids[note])
                reference.append("\" id=\"")
                Self.appendReferenceID(ids[note], ordinal: ordinal, to: &reference)
                reference.append("\" role=\"doc-noteref\">")
                reference.append(decimal: firstNumber + note)
                reference.append("</a></sup>")
            }
        }
        context.markup.sectionOpening.append("<section class=\"footnotes\" role=\"doc-endnotes\"")
        if let sectionLabel {
            context.markup.sectionOpening.append(" aria-label=\"")
            context.markup.sectionOpening.append(escaping: sectionLabel)
            context.markup.sectionOpening.append("\"")
        }
        context.markup.sectionOpening.append(">\n")
        if firstNumber == 1 {
            context.markup.sectionOpening.append("<ol>")
        } else {
            context.markup.sectionOpening.append("<ol start=\"")
            context.markup.sectionOpening.append(decimal: firstNumber)
            context.markup.sectionOpening.append("\">")
        }
        var label: [UInt8] = []
        label.append(escaping: backlinkLabel)
        let section = CmarkNode.tagged(block: true, .footnoteSection)
        root.append(section)
        context.markup.noteOpenings.reserve(entries: bodies.count, bytesEach: 30)
        context.markup.backlinks.reserve(entries: bodies.count, bytesEach: 200)
        for (note, body) in bodies.enumerated() {
            let item = CmarkNode.tagged(block: true, .footnoteItem(note))
            context.markup.noteOpenings.append { opening in
                opening.append("<li id=\"fn-")
                opening.append(contentsOf: ids[note])
                opening.append("\">")
            }
            section.append(item)
            item.adoptChildren(of: body)
            appendBacklinks(
                to: item, note: note, id: ids[note], count: registry.referenceCounts[note], label: label, in: context)
        }
        return section
    }

    /// Each note's id: the slug of its label, with `-1`, `-2`… when `fn-ID`, `fnref-ID` or one of
    /// `fnref-ID-N` is taken (by a heading's explicit id in `headingIDs`, or by an earlier note).
    private func assignIDs(registry: FootnoteRegistry, headingIDs: Set<ExactString>) -> [String] {
        var ids: [String] = []
        ids.reserveCapacity(registry.notes.count)
        // What follows `fn-` and `fnref-` in the ids given so far.
        var noteIDs: Set<String> = []
        var referenceIDs: Set<String> = []
        noteIDs.reserveCapacity(registry.notes.count)
        referenceIDs.reserveCapacity(registry.references.count)
        // Automatic heading ids never start with `fn-` or `fnref-`; explicit ones may.
        let headingsMayClash = headingIDs.contains { $0.hasPrefix("fn-") || $0.hasPrefix("fnref-") }
        for (note, definitionIndex) in registry.notes.enumerated() {
            var base = Slug.make(registry.definitions[definitionIndex].label)
            if base.isEmpty { base = String(note + 1) }
            let count = registry.referenceCounts[note]
            func isFree(_ candidate: String) -> Bool {
                if noteIDs.contains(candidate) || referenceIDs.contains(candidate) { return false }
                if headingsMayClash,
                    headingIDs.contains(ExactString("fn-" + candidate)) || headingIDs.contains(ExactString("fnref-" + candidate))
                {
                    return false
                }
                guard count >= 2 else { return true }
                return !(2...count).contains {
                    let reference = "\(candidate)-\($0)"
                    return referenceIDs.contains(reference) || (headingsMayClash && headingIDs.contains(ExactString("fnref-" + reference)))
                }
            }
            var candidate = base
            var suffix = 1
            while !isFree(candidate) {
                candidate = "\(base)-\(suffix)"
                suffix += 1
            }
            noteIDs.insert(candidate)
            referenceIDs.insert(candidate)
            if count >= 2 {
                for ordinal in 2...count { referenceIDs.insert("\(candidate)-\(ordinal)") }
            }
            ids.append(candidate)
        }
        return ids
    }

    /// `fnref-ID`, or `fnref-ID-N` for a note's Nth reference.
    private static func appendReferenceID(_ id: [UInt8], ordinal: Int, to bytes: inout [UInt8]) {
        bytes.append("fnref-")
        bytes.append(contentsOf: id)
        if ordinal > 1 {
            bytes.append(0x2D)
            bytes.append(decimal: ordinal)
        }
    }

    /// `label` is the back-links' escaped label.
    private func appendBacklinks(
        to item: CmarkNode, note: Int, id: [UInt8], count: Int, label: [UInt8], in context: ConversionContext
    ) {
        let number = firstNumber + note
        let backlinks = CmarkNode.tagged(block: false, .footnoteBacklinks(note))
        var spaceBefore = false
        if let last = item.lastChild, last.type == CMARK_NODE_PARAGRAPH {
            // After Japanese text the arrows follow without a space, as the text itself has none.
            let wide = SoftBreakJoiner.lastScalar(of: last.lastChild).map(EastAsianWidth.joinsLines) ?? false
            spaceBefore = !wide
            last.append(backlinks)
        } else {
            let paragraph = CmarkNode.make(CMARK_NODE_PARAGRAPH)
            paragraph.append(backlinks)
            item.append(paragraph)
        }
        context.markup.backlinks.append { html in
            if spaceBefore { html.append(0x20) }
            for ordinal in 1...max(1, count) {
                if ordinal > 1 { html.append(0x20) }
                html.append("<a href=\"#")
                Self.appendReferenceID(id, ordinal: ordinal, to: &html)
                html.append("\" class=\"footnote-backref\" role=\"doc-backlink\" aria-label=\"")
                html.append(contentsOf: label)
                html.append(0x20)
                html.append(decimal: number)
                if ordinal > 1 {
                    html.append(0x2D)
                    html.append(decimal: ordinal)
                }
                html.append("\">↩\u{FE0E}")
                if ordinal > 1 {
                    html.append("<sup>")
                    html.append(decimal: ordinal)
                    html.append("</sup>")
                }
                html.append("</a>")
            }
        }
    }
}
