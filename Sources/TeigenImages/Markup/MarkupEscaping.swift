import TeigenCore

extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` as character references (TeigenCore's `HTMLText`): safe inside an
    /// HTML attribute value or element, and inside Pango markup, which takes the same five.
    var escapedForMarkup: String {
        HTMLText.escape(self)
    }
}
