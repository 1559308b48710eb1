/// Marks the nodes Teigen adds to (or decorates in) a libcmark tree, stored in the node's user data slot.
///
/// Teigen's HTML renderer (``HTMLRenderer``) writes the markup of tagged custom nodes and headings
/// itself (fixed strings, or ``PassMarkup``), so they carry no libcmark `on_enter`/`on_exit` strings.
enum NodeTag: Equatable {
    /// A table (custom block: `<table>`), its head (`<thead>`), its body (`<tbody>`) and a row (`<tr>`).
    case table, tableHead, tableBody, tableRow
    /// A table cell (custom inline: `<th>`/`<td>`) with its block in the ``SourceMap`` (`nil` for an empty cell).
    case tableCell(block: Int?, header: Bool, alignment: TableAlignment)
    /// A footnote reference (custom inline); the payload indexes the footnote references.
    case footnoteReference(Int)
    /// A heading with an id; the payload indexes ``PassMarkup/headings``.
    case heading(Int)
    /// The footnotes section at the end of the document (custom block).
    case footnoteSection
    /// One note of the footnotes section (custom block: `<li id="fn-…">`); the payload is the note's index.
    case footnoteItem(Int)
    /// The back-links at the end of a note (custom inline); the payload is the note's index.
    case footnoteBacklinks(Int)
    /// A text node holding a whole table row (its cells are ranges of its literal); the payload indexes
    /// ``PassMarkup``'s text rows.
    case tableTextRow(Int)
    /// A text node Teigen made from part of another (a table cell's text); the payload indexes
    /// ``SourceMap``'s text origins.
    case textOrigin(Int)
    /// Struck-through text (custom inline: `<del>`).
    case strikethrough
    /// A list holding task items (`<ul class="contains-task-list">`).
    case taskList
    /// A task list item (`<li class="task-list-item">` and its disabled checkbox).
    case taskItem(checked: Bool)
    /// A code block or a formula whose HTML a tool makes afterwards; the payload indexes the
    /// conversion's ``MarkdownFragment``s. The renderer writes its plain rendering and notes where.
    case fragment(Int)
    /// An image whose HTML the caller wrote (``ImageResolver``); the payload indexes ``PassMarkup/images``.
    case image(Int)
    /// A shortcode (custom block or inline, holding a paired call's inner content); the payload indexes
    /// ``PassMarkup/shortcodeOpenings`` and ``PassMarkup/shortcodeClosings``.
    case shortcode(Int)

    private static let kindBits = 5

    init?(bitPattern pointer: UnsafeMutableRawPointer?) {
        guard let pointer else { return nil }
        let bits = Int(bitPattern: pointer)
        let payload = bits >> Self.kindBits
        switch bits & ((1 << Self.kindBits) - 1) {
        case 1: self = .table
        case 2: self = .tableHead
        case 3: self = .tableBody
        case 4: self = .tableRow
        case 5:
            let block = payload >> 3 - 1
            self = .tableCell(
                block: block >= 0 ? block : nil, header: payload & 4 != 0,
                alignment: TableAlignment(rawValue: payload & 3) ?? .none)
        case 6: self = .footnoteReference(payload)
        case 7: self = .heading(payload)
        case 8: self = .footnoteSection
        case 9: self = .footnoteItem(payload)
        case 10: self = .footnoteBacklinks(payload)
        case 11: self = .textOrigin(payload)
        case 12: self = .tableTextRow(payload)
        case 13: self = .strikethrough
        case 14: self = .taskList
        case 15: self = .taskItem(checked: payload != 0)
        case 16: self = .fragment(payload)
        case 17: self = .image(payload)
        case 18: self = .shortcode(payload)
        default: return nil
        }
    }

    var pointer: UnsafeMutableRawPointer? {
        let (kind, payload): (Int, Int) =
            switch self {
            case .table: (1, 0)
            case .tableHead: (2, 0)
            case .tableBody: (3, 0)
            case .tableRow: (4, 0)
            case .tableCell(let block, let header, let alignment):
                (5, ((block ?? -1) + 1) << 3 | (header ? 4 : 0) | alignment.rawValue)
            case .footnoteReference(let index): (6, index)
            case .heading(let index): (7, index)
            case .footnoteSection: (8, 0)
            case .footnoteItem(let index): (9, index)
            case .footnoteBacklinks(let index): (10, index)
            case .textOrigin(let index): (11, index)
            case .tableTextRow(let index): (12, index)
            case .strikethrough: (13, 0)
            case .taskList: (14, 0)
            case .taskItem(let checked): (15, checked ? 1 : 0)
            case .fragment(let index): (16, index)
            case .image(let index): (17, index)
            case .shortcode(let index): (18, index)
            }
        return UnsafeMutableRawPointer(bitPattern: payload << Self.kindBits | kind)
    }
}
