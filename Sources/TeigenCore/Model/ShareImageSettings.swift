/// `shareImages` in `config.yaml`: every page without its own share image (front matter `ogImage`) gets a
/// generated 1200×630 card with its title and the site's name, for `og:image`.
///
/// ```yaml
/// shareImages: true            # the default card
/// shareImages:                 # or with options
///   footer: 公益財団法人笹川平和財団
///   accent: "#1d365c"
/// ```
public struct ShareImageSettings: Sendable, Hashable {
    /// One of the card's colours, as written (`#rrggbb` or `#rgb`), with where it is written.
    public struct Color: Sendable, Hashable {
        public var hex: String
        public var location: SourceLocation

        public init(hex: String, location: SourceLocation) {
            self.hex = hex
            self.location = location
        }
    }

    /// The line at the foot of each card; the site's `publisher` when not given, none when empty.
    public var footer: String?
    /// The card's ground, title, footer and accent (band, site name, rule) colours; the engine's defaults when nil.
    public var background: Color?
    public var text: Color?
    public var muted: Color?
    public var accent: Color?
    /// The title's font family (fontconfig name, set bold) and the site name's and footer's.
    public var titleFont: String?
    public var textFont: String?

    public init(
        footer: String? = nil, background: Color? = nil, text: Color? = nil, muted: Color? = nil, accent: Color? = nil,
        titleFont: String? = nil, textFont: String? = nil
    ) {
        self.footer = footer
        self.background = background
        self.text = text
        self.muted = muted
        self.accent = accent
        self.titleFont = titleFont
        self.textFont = textFont
    }
}
