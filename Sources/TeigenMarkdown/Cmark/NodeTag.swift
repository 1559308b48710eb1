/// Marks the nodes Teigen adds to a libcmark tree, stored in the node's user data slot.
enum NodeTag: Equatable {
    /// A table cell (`<th>`/`<td>` custom inline); the payload indexes the pipeline's cell sources.
    case tableCell(Int)
    /// A table row.
    case tableRow
    /// A footnote reference (`<sup>` custom inline); the payload indexes the footnote references.
    case footnoteReference(Int)
    /// The wrapper of a heading (custom block holding the `<hN id>` custom inline).
    case heading
    /// A heading's self-link.
    case headingAnchor
    /// The footnotes section at the end of the document.
    case footnoteSection
    /// A text node Teigen made from part of another (a table cell's text); the payload indexes
    /// ``SourceMap``'s text origins.
    case textOrigin(Int)

    private static let kindBits = 4

    init?(bitPattern pointer: UnsafeMutableRawPointer?) {
        guard let pointer else { return nil }
        let bits = Int(bitPattern: pointer)
        let payload = bits >> Self.kindBits
        switch bits & ((1 << Self.kindBits) - 1) {
        case 1: self = .tableCell(payload)
        case 2: self = .tableRow
        case 3: self = .footnoteReference(payload)
        case 4: self = .heading
        case 5: self = .headingAnchor
        case 6: self = .footnoteSection
        case 7: self = .textOrigin(payload)
        default: return nil
        }
    }

    var pointer: UnsafeMutableRawPointer? {
        let (kind, payload): (Int, Int) =
            switch self {
            case .tableCell(let index): (1, index)
            case .tableRow: (2, 0)
            case .footnoteReference(let index): (3, index)
            case .heading: (4, 0)
            case .headingAnchor: (5, 0)
            case .footnoteSection: (6, 0)
            case .textOrigin(let index): (7, index)
            }
        return UnsafeMutableRawPointer(bitPattern: payload << Self.kindBits | kind)
    }
}
