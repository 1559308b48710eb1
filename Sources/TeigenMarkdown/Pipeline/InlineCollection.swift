/// The nodes of one parsed text (or of one of its top-level blocks) that Teigen's passes work on,
/// in document order.
struct InlineCollection {
    /// Text nodes outside links and images whose literal contains `[^` (footnote reference candidates).
    var texts: [(node: CmarkNode, block: Int)] = []
    /// Links and images, with their block (`nil` outside any block).
    var links: [(node: CmarkNode, block: Int?)] = []
    /// Headings with their block.
    var headings: [(node: CmarkNode, block: Int)] = []
}
