import CCmark
#if canImport(Glibc)
import Glibc
#endif

// PLACEHOLDER so the package builds before the Markdown passes land; the Markdown helper replaces this file.
struct MarkdownPipeline {
    var options: MarkdownOptions
    var rewriteLink: LinkRewriter?

    func run(_ source: String) -> RenderedMarkdown {
        var flags = CMARK_OPT_DEFAULT
        if options.allowRawHTML { flags |= CMARK_OPT_UNSAFE }
        let html = source.withCString { pointer -> String in
            guard let out = cmark_markdown_to_html(pointer, strlen(pointer), flags) else { return "" }
            defer { free(out) }
            return String(cString: out)
        }
        return RenderedMarkdown(html: html, plainText: source, summaryHTML: html, summaryText: source)
    }
}

enum SlugMaker {
    static func slug(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }
}
