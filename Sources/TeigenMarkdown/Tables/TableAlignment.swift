/// The alignment of a table column, from its delimiter cell (`:---`, `:---:`, `---:`).
enum TableAlignment: Int {
    case none, left, center, right

    /// The cell's opening tag.
    func openingTag(header: Bool) -> StaticString {
        switch (self, header) {
        case (.none, true): return "<th>"
        case (.left, true): return "<th style=\"text-align: left\">"
        case (.center, true): return "<th style=\"text-align: center\">"
        case (.right, true): return "<th style=\"text-align: right\">"
        case (.none, false): return "<td>"
        case (.left, false): return "<td style=\"text-align: left\">"
        case (.center, false): return "<td style=\"text-align: center\">"
        case (.right, false): return "<td style=\"text-align: right\">"
        }
    }

    /// The cell's closing tag and line break.
    static func closingTag(header: Bool) -> StaticString {
        header ? "</th>\n" : "</td>\n"
    }
}
