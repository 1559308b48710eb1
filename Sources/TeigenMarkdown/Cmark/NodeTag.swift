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
            }
        return UnsafeMutableRawPointer(bitPattern: payload << Self.kindBits | kind)
    }
}
