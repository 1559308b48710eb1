/// The alignment of a table column, from its delimiter cell (`:---`, `:---:`, `---:`).
enum TableAlignment {
    case none, left, center, right

    /// The cell's opening tag.
    func openingTag(header: Bool) -> String {
        let name = header ? "th" : "td"
        switch self {
        case .none: return "<\(name)>"
        case .left: return "<\(name) style=\"text-align: left\">"
        case .center: return "<\(name) style=\"text-align: center\">"
        case .right: return "<\(name) style=\"text-align: right\">"
        }
    }
}
