/// A block that contains a table: its continuation lines must carry the container's markers.
enum TableContainer {
    case quote(CmarkNode)
    /// A list item whose content starts at this 1-based column.
    case item(CmarkNode, contentColumn: Int)
}
