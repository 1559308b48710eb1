/// The HTML Teigen's passes put around libcmark's nodes, kept beside the tree: the nodes are tagged
/// (``NodeTag``) with an index here instead of carrying `on_enter`/`on_exit` strings that libcmark
/// would copy, and ``HTMLRenderer`` writes it.
struct PassMarkup {
    /// Heading `i` (``NodeTag/heading(_:)``): the attributes after `<hN` (` id="…"`)…
    var headingAttributes = MarkupTable()
    /// … and what comes before `</hN>` (the self-link, or nothing).
    var headingAnchors = MarkupTable()
    /// Footnote reference `i` (``NodeTag/footnoteReference(_:)``): its whole `<sup>…</sup>`.
    var references = MarkupTable()
    /// Note `i` (``NodeTag/footnoteItem(_:)``): its `<li id="fn-…">`.
    var noteOpenings = MarkupTable()
    /// Note `i`'s back-links (``NodeTag/footnoteBacklinks(_:)``), with the space before them if any.
    var backlinks = MarkupTable()
    /// The footnotes section's opening: `<section class="footnotes" role="doc-endnotes">` and the `<ol>`.
    var sectionOpening: [UInt8] = []
    /// Image `i` (``NodeTag/image(_:)``): the HTML the caller's ``ImageResolver`` wrote.
    var images = MarkupTable()
    /// Shortcode `i` (``NodeTag/shortcode(_:)``): its HTML before the inner content (all of it for a call
    /// on its own)…
    var shortcodeOpenings = MarkupTable()
    /// … and after it.
    var shortcodeClosings = MarkupTable()
    /// The fragments (``NodeTag/fragment(_:)``) that are display formulas (`$$…$$`).
    var displayFormulas = Set<Int>()
    /// Whether footnote references render as nothing (a summary, where they would point nowhere).
    var omitsReferences = false
    /// The cells of the table rows written straight from one text node's literal
    /// (``NodeTag/tableTextRow(_:)``): row `i`'s cells are `textRowCells[textRowStarts[i]..<textRowStarts[i + 1]]`.
    private(set) var textRowCells: [(range: Range<Int>, header: Bool, alignment: TableAlignment)] = []
    private var textRowStarts: [Int] = [0]

    /// Records a row whose cells are byte ranges of one text node's literal; returns its index.
    mutating func addTextRow(_ cells: some Sequence<(range: Range<Int>, header: Bool, alignment: TableAlignment)>) -> Int {
        textRowCells.append(contentsOf: cells)
        textRowStarts.append(textRowCells.count)
        return textRowStarts.count - 2
    }

    /// The cells of text row `index`.
    func textRow(_ index: Int) -> ArraySlice<(range: Range<Int>, header: Bool, alignment: TableAlignment)> {
        textRowCells[textRowStarts[index]..<textRowStarts[index + 1]]
    }

    /// Passes the markup of a tagged custom node, on entering it or leaving it, to `write`.
    /// (Headings are written by the renderer around libcmark's own heading markup.)
    func markup(_ tag: NodeTag, entering: Bool, _ write: (UnsafeRawBufferPointer) -> Void) {
        func fixed(_ string: StaticString) {
            write(UnsafeRawBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
        }
        switch tag {
        case .table: fixed(entering ? "<table>" : "</table>")
        case .tableHead: fixed(entering ? "<thead>" : "</thead>")
        case .tableBody: fixed(entering ? "<tbody>" : "</tbody>")
        case .tableRow: fixed(entering ? "<tr>" : "</tr>")
        case .tableCell(_, let header, let alignment):
            fixed(entering ? alignment.openingTag(header: header) : TableAlignment.closingTag(header: header))
        case .footnoteReference(let index):
            if entering, !omitsReferences { references.withEntry(index, write) }
        case .footnoteSection:
            if entering { sectionOpening.withUnsafeBytes(write) } else { fixed("</ol>\n</section>") }
        case .footnoteItem(let index):
            if entering { noteOpenings.withEntry(index, write) } else { fixed("</li>") }
        case .footnoteBacklinks(let index):
            if entering { backlinks.withEntry(index, write) }
        case .strikethrough:
            fixed(entering ? "<del>" : "</del>")
        case .taskItem(let checked):
            // The checkbox (custom inline) starting a task's first paragraph.
            if entering {
                fixed(checked
                    ? "<input type=\"checkbox\" class=\"task-list-item-checkbox\" checked=\"\" disabled=\"\" /> "
                    : "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"\" /> ")
            }
        case .shortcode(let index):
            (entering ? shortcodeOpenings : shortcodeClosings).withEntry(index, write)
        case .image(let index):
            if entering { images.withEntry(index, write) }
        case .heading, .textOrigin, .tableTextRow, .taskList, .fragment:
            break
        }
    }
}
