#if canImport(Glibc)
import Glibc
#endif
import TeigenCore

/// A Markdown file of `content/` after its front matter was decoded.
public struct SourcePage: Sendable {
    /// Path relative to `content/` (`proposals/1.md`).
    public var contentPath: String
    /// Path shown in messages (`site/content/proposals/1.md`).
    public var sourcePath: String
    /// The whole file text (LF line endings), for showing offending lines.
    public let text: String
    public var frontMatter: FrontMatter
    /// The file line on which `body` starts.
    public var bodyFirstLine: Int
    /// Where `body` is: the UTF-8 offset in `text` where it starts, when it is the end of `text` (as it is in a
    /// page read from a file), so that a page's text is held once, not twice (100,000 pages hold about 400 MB of
    /// Markdown); otherwise the body itself.
    private let bodyStorage: BodyStorage

    private enum BodyStorage: Sendable {
        case suffix(utf8Offset: Int)
        case separate(String)
    }

    /// The Markdown after the front matter (made from ``text`` on each call: read it once per use).
    public var body: String {
        switch bodyStorage {
        case .separate(let body): body
        case .suffix(let offset): String(Substring(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: offset)...]))
        }
    }

    /// A page whose body is given apart; held as an offset into `text` when it is `text`'s end. (Equal bytes at
    /// the end start on a character of `text`: a valid string's first byte is never inside a character.)
    public init(contentPath: String, sourcePath: String, text: String, frontMatter: FrontMatter, body: String, bodyFirstLine: Int) {
        let bodyBytes = body.utf8.count, textBytes = text.utf8.count
        let isSuffix = bodyBytes <= textBytes && text.utf8.suffix(bodyBytes).elementsEqual(body.utf8)
        self.init(
            contentPath: contentPath, sourcePath: sourcePath, text: text, frontMatter: frontMatter,
            bodyStorage: isSuffix ? .suffix(utf8Offset: textBytes - bodyBytes) : .separate(body), bodyFirstLine: bodyFirstLine)
    }

    private init(contentPath: String, sourcePath: String, text: String, frontMatter: FrontMatter, bodyStorage: BodyStorage, bodyFirstLine: Int) {
        self.contentPath = contentPath
        self.sourcePath = sourcePath
        self.text = text
        self.frontMatter = frontMatter
        self.bodyStorage = bodyStorage
        self.bodyFirstLine = bodyFirstLine
    }

    /// Reads a page: normalises line endings and a BOM, splits and decodes front matter (whose keys named after
    /// one of `taxonomies` hold the page's terms).
    public static func parse(
        _ text: String, contentPath: String, sourcePath: String, taxonomies: [Taxonomy] = [.tags]
    ) throws(DiagnosticError) -> SourcePage {
        var normalized = text
        if normalized.hasPrefix("\u{FEFF}") { normalized.removeFirst() }
        if normalized.utf8.withContiguousStorageIfAvailable({ buffer in buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false }) ?? normalized.utf8.contains(0x0D) {
            normalized = normalized.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        let parts = try FrontMatterSplitter().split(normalized, path: sourcePath)
        let matter = try FrontMatterDecoder(taxonomies: taxonomies).decode(parts.yaml, path: sourcePath, fileText: normalized)
        // The splitter's body is the end of the text it was given.
        return SourcePage(
            contentPath: contentPath, sourcePath: sourcePath, text: normalized, frontMatter: matter,
            bodyStorage: .suffix(utf8Offset: normalized.utf8.count - parts.body.utf8.count), bodyFirstLine: parts.bodyFirstLine)
    }
}
