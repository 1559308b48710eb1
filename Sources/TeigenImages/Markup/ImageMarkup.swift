/// The HTML for a processed image: `<picture>` with a WebP `<source>` and an `<img>` in the fallback
/// format, each with a `srcset` of every width, `sizes`, and the `width` and `height` that let the browser
/// reserve the space before the file arrives. Shared by Markdown's `![alt](src)` and the `{{#image}}`
/// template lambda, so both write the same markup. Every attribute is escaped.
///
/// ```swift
/// ImageMarkup(image: processed, alt: "核弾頭数の推移").html
/// // <picture><source type="image/webp" srcset="chart-480.3fa2c1d9.webp 480w, …" sizes="…">
/// // <img src="chart-960.3fa2c1d9.png" srcset="…" sizes="…" width="960" height="540" alt="核弾頭数の推移"
/// //      loading="lazy" decoding="async"></picture>
/// ```
public struct ImageMarkup: Sendable, Hashable {
    public var image: ProcessedImage
    /// The alternative text; empty for a decorative image (`alt=""` is still written).
    public var alt: String
    /// Put before each file name to make its URL: "" when the files sit beside the page, "/images/" otherwise.
    public var urlPrefix: String
    /// The `sizes` attribute; nil for "as wide as the viewport, up to the image's own width".
    public var sizes: String?
    /// Whether the browser may wait until the image is near the viewport.
    public var loading: Loading
    /// A `class` for the `<img>`, if any.
    public var className: String?

    /// When the browser fetches the image.
    public enum Loading: String, Sendable, Hashable, Codable {
        /// `loading="lazy"`: for images below the fold (the default).
        case lazy
        /// No lazy loading and `fetchpriority="high"`: for the first image on the page.
        case eager
    }

    public init(
        image: ProcessedImage, alt: String, urlPrefix: String = "", sizes: String? = nil, loading: Loading = .lazy,
        className: String? = nil
    ) {
        self.image = image
        self.alt = alt
        self.urlPrefix = urlPrefix
        self.sizes = sizes
        self.loading = loading
        self.className = className
    }

    /// The markup: a `<picture>` when there is a WebP set and a fallback set, else a lone `<img>`.
    public var html: String {
        let fallback = image.variants(in: image.fallbackFormat)
        let webp = image.fallbackFormat == .webp ? [] : image.variants(in: .webp)
        let img = imgElement(fallback)
        guard !webp.isEmpty else { return img }
        let source = "<source type=\"image/webp\"" + attribute("srcset", srcset(webp)) + attribute("sizes", sizesValue) + ">"
        return "<picture>" + source + img + "</picture>"
    }

    private func imgElement(_ variants: [ImageVariant]) -> String {
        guard let largest = variants.last else { return "<img" + attribute("alt", alt) + ">" }
        var element = "<img" + attribute("src", urlPrefix + largest.fileName)
        if largest.format != .svg {
            element += attribute("srcset", srcset(variants)) + attribute("sizes", sizesValue)
        }
        if let size = largest.size {
            element += attribute("width", String(size.width)) + attribute("height", String(size.height))
        }
        element += attribute("alt", alt)
        if let className { element += attribute("class", className) }
        switch loading {
        case .lazy: element += attribute("loading", "lazy")
        case .eager: element += attribute("fetchpriority", "high")
        }
        return element + attribute("decoding", "async") + ">"
    }

    /// `name-480.webp 480w, name-960.webp 960w`.
    private func srcset(_ variants: [ImageVariant]) -> String {
        variants.map { urlPrefix + $0.fileName + " " + String($0.size?.width ?? 0) + "w" }.joined(separator: ", ")
    }

    /// The given `sizes`, or "the viewport's width, at most the largest file's".
    private var sizesValue: String {
        if let sizes { return sizes }
        let width = image.fallback?.size?.width ?? image.header.size?.width ?? 0
        return "(max-width: \(width)px) 100vw, \(width)px"
    }

    private func attribute(_ name: String, _ value: String) -> String {
        " " + name + "=\"" + value.escapedForMarkup + "\""
    }
}
