/// What a page's share image (`og:image`) says and how it looks: the page's title and the site's name,
/// set in Noto CJK (Debian's `fonts-noto-cjk`) on a 1200×630 card.
public struct ShareCard: Sendable, Hashable, Codable {
    /// The page's title: the card's main text, wrapped and shrunk to fit (and shortened with "…" only if
    /// it does not fit at the smallest size).
    public var title: String
    /// The site's name, above the title.
    public var siteName: String
    /// An optional line at the foot of the card: a date, a series, the site's host.
    public var footer: String?
    /// The language of the text (BCP 47, "ja"): Pango picks glyph forms and line-break rules by it.
    public var language: String
    public var style: ShareCardStyle

    public init(title: String, siteName: String, footer: String? = nil, language: String = "ja", style: ShareCardStyle = .default) {
        self.title = title
        self.siteName = siteName
        self.footer = footer
        self.language = language
        self.style = style
    }

    /// Everything that decides the card's pixels, for its cache key.
    var fingerprint: [String] {
        [title, siteName, footer ?? "", language, style.background.hex, style.text.hex, style.muted.hex, style.accent.hex,
         style.titleFont, style.textFont]
    }
}
