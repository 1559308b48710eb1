/// One PDF of the print edition: an entry of `pdf:` in `config.yaml`.
///
/// ```yaml
/// pdf:
///   - output: print/emergency-proposal-2024-ja.pdf
///     title: 核の不使用継続と核秩序維持に向けた緊急提言
///     language: ja
///     pages: [_index.md, proposals/1.md, proposals/2.md, background.md, about.md, members/_index.md,
///             references.md, activities.md]
///     cover:
///       subtitle: ～2024 日米首脳会談を前に～
///       organisation: [公益財団法人笹川平和財団, 安全保障研究グループ]
///       group: 新たな核の軍備管理・軍縮構想研究会
///       date: 2024年3月
/// ```
public struct PrintDocument: Sendable, Hashable {
    /// Where the PDF is written, relative to the output root (`print/emergency-proposal-2024-ja.pdf`).
    public var outputPath: String
    /// The document's title: the PDF's title, the cover's title and, without ``runningHead``, the running head.
    public var title: String
    /// The running head of its pages, where the title is too long for half a line (an English title); the
    /// title when not given.
    public var runningHead: String?
    /// The pages it holds, in order, as content paths (`_index.md`, `proposals/1.md`).
    public var pages: [String]
    /// The document's language (`ja`, `en`): `<html lang>`, the PDF's language, the stylesheet's choice of
    /// fonts and measure; the site's language when not given.
    public var language: String
    /// The PDF's subject; the site's description when not given.
    public var subject: String?
    /// The cover page; without one the document opens with its title above the contents.
    public var cover: PrintCover?
    /// Where the entry is written (config.yaml and its line), for messages.
    public var location: SourceLocation
    /// Where each of `pages` is written, in the same order, for messages about one of them.
    public var pageLocations: [SourceLocation]

    public init(
        outputPath: String, title: String, pages: [String], language: String, subject: String? = nil, cover: PrintCover? = nil,
        runningHead: String? = nil, location: SourceLocation = SourceLocation(path: "config.yaml"), pageLocations: [SourceLocation]? = nil
    ) {
        self.outputPath = outputPath
        self.title = title
        self.pages = pages
        self.language = language
        self.subject = subject
        self.cover = cover
        self.runningHead = runningHead
        self.location = location
        self.pageLocations = pageLocations ?? pages.map { _ in location }
    }

    /// The site path of the PDF (`/print/emergency-proposal-2024-ja.pdf`).
    public var sitePath: String {
        "/" + outputPath
    }
}
