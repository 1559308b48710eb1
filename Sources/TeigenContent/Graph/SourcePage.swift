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
    public var text: String
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// The file line on which `body` starts.
    public var bodyFirstLine: Int

    public init(contentPath: String, sourcePath: String, text: String, frontMatter: FrontMatter, body: String, bodyFirstLine: Int) {
        self.contentPath = contentPath
        self.sourcePath = sourcePath
        self.text = text
        self.frontMatter = frontMatter
        self.body = body
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
        return SourcePage(
            contentPath: contentPath, sourcePath: sourcePath, text: normalized, frontMatter: matter, body: parts.body,
            bodyFirstLine: parts.bodyFirstLine)
    }
}
