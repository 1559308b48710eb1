import Foundation

/// The decoded `site/config.yaml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    /// Absolute base URL, always ending in `/` (`https://example.org/teigen/`).
    public var baseURL: String
    public var language: String
    public var author: String
    public var publisher: String
    /// How dates are written for readers: `dateFormat`, `dateFormatMonth`, `calendar` (and `language`).
    public var dateFormat: DateFormat
    /// Menus by name (`main`), in the order written.
    public var menus: [String: [MenuEntry]]
    /// Free-form values handed to templates as `site.params`.
    public var params: TemplateValue
    public var markdown: MarkdownSettings
    /// Writes the full-text search index (`search-index/`) with the pages.
    public var search: Bool
    /// Makes every internal link relative, so the output works from disk.
    public var relativeURLs: Bool
    /// Where the config was read from.
    public var path: String
    /// Targets outside the site that symbolic links in it may lead to (`allowSymlinksOutside`).
    public var allowSymlinksOutside: [SymlinkAllowance] = []
    /// The print edition: the PDFs the build makes (`pdf`), in the order written.
    public var pdf: [PrintDocument] = []
    /// Generated share images for pages without their own (`shareImages`); nil when off.
    public var shareImages: ShareImageSettings?
    /// How images are resized and encoded (`images:`).
    public var images = ImageSettings()
    /// The site's languages, the default first: the entries of `languages:`, or, without that list, the one
    /// language the keys above describe.
    public var languages: [Language]
    /// Whether `languages:` was given. Only then does a file name's language suffix (`about.en.md`,
    /// `data/members.en.yaml`) name the file's language; without it, a site reads exactly as a one-language site.
    public var hasLanguageList = false
    /// The site's taxonomies (`taxonomies:`), in the order written; `tags` when the key is absent.
    public var taxonomies: [Taxonomy] = [.tags]
    /// How many pages one page of a list shows (`paginate`); 0 (the default) lists them all on one page.
    public var paginate = 0
    /// The URL segment before a list's page number (`paginatePath`): `/proposals/page/2/`.
    public var paginatePath = "page"
    /// How `page.related` is made (`related:`).
    public var related = RelatedSettings()
    /// The time zone of dates written without an offset (`timeZone`, an IANA name such as `Asia/Tokyo`; UTC by
    /// default): `publishDate: 2024-04-01` publishes at midnight there.
    public var timeZone = TimeZone(identifier: "UTC")!

    public init(
        title: String, description: String = "", baseURL: String, language: String = "en", author: String = "",
        publisher: String = "", dateFormat: DateFormat = DateFormat(), menus: [String: [MenuEntry]] = [:],
        params: TemplateValue = .map([]), markdown: MarkdownSettings = MarkdownSettings(), search: Bool = false,
        relativeURLs: Bool = false, path: String = "config.yaml"
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.author = author
        self.publisher = publisher
        self.dateFormat = dateFormat
        self.menus = menus
        self.params = params
        self.markdown = markdown
        self.search = search
        self.relativeURLs = relativeURLs
        self.path = path
        languages = []
        languages = [soleLanguage]
    }

    /// The default language: the first of ``languages``.
    public var defaultLanguage: Language {
        languages[0]
    }

    /// The language with this code, if the site has it.
    public func language(_ code: String) -> Language? {
        languages.first { $0.code == code }
    }

    /// The one language of a site without `languages:`, made of the site's own keys.
    public var soleLanguage: Language {
        Language(
            code: language, title: title, description: description, author: author, publisher: publisher,
            dateFormat: dateFormat, menus: menus, params: params)
    }

    /// The path part of the base URL: `/` or `/teigen/`.
    public var basePath: String {
        URLPath.basePath(ofBaseURL: baseURL)
    }
}

/// Markdown options from `config.yaml` (`markdown:`); mirrored by the Markdown module's options.
public struct MarkdownSettings: Sendable, Hashable {
    public var smartPunctuation = false
    public var allowRawHTML = true
    public var hardBreaks = false
    public var headingAnchors = false
    /// `cjkFriendly`: emphasis follows the CommonMark CJK-friendly amendments (on by default).
    public var cjkFriendly = true
    /// `math`: `$…$`, `$$…$$` and `math` blocks become MathML (off by default: `$` is a dollar sign).
    public var math = false
    /// `highlight`: fenced code with a language is highlighted at build time (on by default).
    public var highlight = true

    public init(
        smartPunctuation: Bool = false, allowRawHTML: Bool = true, hardBreaks: Bool = false, headingAnchors: Bool = false,
        cjkFriendly: Bool = true, math: Bool = false, highlight: Bool = true
    ) {
        self.smartPunctuation = smartPunctuation
        self.allowRawHTML = allowRawHTML
        self.hardBreaks = hardBreaks
        self.headingAnchors = headingAnchors
        self.cjkFriendly = cjkFriendly
        self.math = math
        self.highlight = highlight
    }
}

/// Image processing from `config.yaml` (`images:`): the widths every image is made in and the encoders'
/// quality. Unset values keep the image pipeline's defaults.
public struct ImageSettings: Sendable, Hashable {
    /// Widths in pixels (`widths: [480, 960, 1440]`).
    public var widths: [Int]?
    public var jpegQuality: Int?
    public var webpQuality: Int?
    /// WebP encoder effort, 0 (fastest) to 6 (smallest).
    public var webpEffort: Int?
    /// PNG zlib level, 0 to 9.
    public var pngCompression: Int?

    public init(widths: [Int]? = nil, jpegQuality: Int? = nil, webpQuality: Int? = nil, webpEffort: Int? = nil, pngCompression: Int? = nil) {
        self.widths = widths
        self.jpegQuality = jpegQuality
        self.webpQuality = webpQuality
        self.webpEffort = webpEffort
        self.pngCompression = pngCompression
    }
}
