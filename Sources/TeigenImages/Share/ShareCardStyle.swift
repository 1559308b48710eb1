/// A share card's colours and fonts.
public struct ShareCardStyle: Sendable, Hashable, Codable {
    /// The card's ground.
    public var background: RGBColor
    /// The title.
    public var text: RGBColor
    /// The footer.
    public var muted: RGBColor
    /// The band on the left edge, the site's name and the rule under it.
    public var accent: RGBColor
    /// The title's font family (fontconfig name), set bold.
    public var titleFont: String
    /// The site name's and footer's font family.
    public var textFont: String

    public init(
        background: RGBColor, text: RGBColor, muted: RGBColor, accent: RGBColor,
        titleFont: String = "Noto Serif CJK JP", textFont: String = "Noto Sans CJK JP"
    ) {
        self.background = background
        self.text = text
        self.muted = muted
        self.accent = accent
        self.titleFont = titleFont
        self.textFont = textFont
    }

    /// Ink on warm paper with a deep navy accent: Mincho title, Gothic labels, like a printed report's cover.
    public static let `default` = ShareCardStyle(
        background: RGBColor(red: 0xFA, green: 0xF8, blue: 0xF4),
        text: RGBColor(red: 0x17, green: 0x1D, blue: 0x27),
        muted: RGBColor(red: 0x5B, green: 0x64, blue: 0x70),
        accent: RGBColor(red: 0x1D, green: 0x36, blue: 0x5C)
    )
}
