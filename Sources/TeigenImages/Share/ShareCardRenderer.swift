/// Draws a `ShareCard` as a 1200×630 PNG with libvips: flat colours, and text set by Pango (fontconfig
/// finds the Noto CJK fonts; Pango breaks lines by Unicode's rules for the card's language, so no line
/// starts with 、。」 or ends with 「).
///
/// The layout is a report cover's: an accent band down the left edge, the site's name in bold Gothic
/// with a short rule under it, the title in bold Mincho, and an optional footer under a hairline. The
/// title takes the largest size from 64 to 40 pixels at which it fits its box, its lines balanced (the
/// narrowest measure that keeps the same number of lines), so no line is left with a word or two;
/// only a title that does not fit at 40 pixels is cut with "…".
struct ShareCardRenderer: Sendable {
    static let size = PixelSize(width: 1200, height: 630)

    private let band = 20
    private let left = 104
    private let right = 96
    private let top = 76
    private let bottom = 64
    private let titleSizes = Array(stride(from: 64, through: 40, by: -2))
    /// About 1.45 em between baselines: a headline's leading, tighter than body text's.
    private let titleLineHeight = 1.0

    /// The card as PNG bytes.
    func render(_ card: ShareCard) throws(VipsFailure) -> [UInt8] {
        let style = card.style
        let measure = Self.size.width - left - right
        let siteName = try text(card.siteName, font: "\(style.textFont) Bold 28", color: style.accent, lineHeight: 1.0, card: card, width: measure)
        let rule = PixelRect(x: left, y: top + siteName.height + 26, width: 56, height: 4)
        var canvas = try VipsImage.canvas(Self.size, color: style.background)
            .filling(PixelRect(x: 0, y: 0, width: band, height: Self.size.height), with: style.accent)
            .filling(rule, with: style.accent)
            .compositing(siteName, x: left, y: top)
        var titleBottom = Self.size.height - bottom
        if let footer = card.footer, !footer.isEmpty {
            let footerText = try text(footer, font: "\(style.textFont) 22", color: style.muted, lineHeight: 1.0, card: card, width: measure)
            let footerTop = Self.size.height - bottom - footerText.height
            let hairline = PixelRect(x: left, y: footerTop - 22, width: measure, height: 1)
            canvas = try canvas.filling(hairline, with: style.muted).compositing(footerText, x: left, y: footerTop)
            titleBottom = hairline.y - 36
        }
        let titleTop = rule.y + rule.height + 40
        let title = try fittedTitle(card, width: measure, height: titleBottom - titleTop)
        canvas = try canvas.compositing(title, x: left, y: titleTop + (titleBottom - titleTop - title.height) / 2)
        return try canvas.flattened(on: style.background).encoded(as: .png, quality: .graphic)
    }

    /// The title at the largest size that fits `width` by `height`, balanced; cut with "…" if none does.
    private func fittedTitle(_ card: ShareCard, width: Int, height: Int) throws(VipsFailure) -> VipsImage {
        for size in titleSizes {
            let image = try title(card.title, size: size, card: card, width: width)
            if image.height <= height {
                return try balanced(card.title, size: size, card: card, width: width, height: image.height)
            }
        }
        let smallest = titleSizes.last!
        let characters = Array(card.title)
        var fitting = 0
        var lower = 1
        var upper = characters.count - 1
        while lower <= upper {
            let middle = (lower + upper) / 2
            let cut = String(characters[..<middle]) + "…"
            if try title(cut, size: smallest, card: card, width: width).height <= height {
                fitting = middle
                lower = middle + 1
            } else {
                upper = middle - 1
            }
        }
        return try title(String(characters[..<fitting]) + "…", size: smallest, card: card, width: width)
    }

    /// `text` at `size` set at the narrowest measure (down to half of `width`) that still gives `height`:
    /// the same lines, as even as they can be.
    private func balanced(_ text: String, size: Int, card: ShareCard, width: Int, height: Int) throws(VipsFailure) -> VipsImage {
        var lower = width / 2
        var upper = width
        while lower < upper {
            let middle = (lower + upper) / 2
            if try title(text, size: size, card: card, width: middle).height <= height {
                upper = middle
            } else {
                lower = middle + 1
            }
        }
        return try title(text, size: size, card: card, width: upper)
    }

    /// The title at `size`; in Japanese, each phrase that fits a line is kept from breaking inside.
    private func title(_ text: String, size: Int, card: ShareCard, width: Int) throws(VipsFailure) -> VipsImage {
        var body = text.escapedForMarkup
        if card.language.hasPrefix("ja") {
            body = PhraseBreaks.phrases(text, locale: card.language).map { phrase in
                phrase.count > 1 && phrase.count * size < width
                    ? "<span allow_breaks=\"false\">" + phrase.escapedForMarkup + "</span>" : phrase.escapedForMarkup
            }.joined()
        }
        return try markup(body, font: "\(card.style.titleFont) Bold \(size)", color: card.style.text, lineHeight: titleLineHeight, card: card, width: width)
    }

    /// `text` in `font` and `color`, wrapped at `width`.
    private func text(_ text: String, font: String, color: RGBColor, lineHeight: Double, card: ShareCard, width: Int) throws(VipsFailure) -> VipsImage {
        try markup(text.escapedForMarkup, font: font, color: color, lineHeight: lineHeight, card: card, width: width)
    }

    /// Pango markup `body` in `font` and `color`, wrapped at `width`. `lineHeight` is a multiple of the
    /// font's own line height (Noto CJK's is about 1.45 em).
    private func markup(_ body: String, font: String, color: RGBColor, lineHeight: Double, card: ShareCard, width: Int) throws(VipsFailure) -> VipsImage {
        let markup = "<span foreground=\"\(color.hex)\" lang=\"\(card.language.escapedForMarkup)\" line_height=\"\(lineHeight)\">"
            + body + "</span>"
        return try VipsImage.text(markup: markup, font: font, width: width, alignment: .leading)
    }
}
