import Foundation
import TeigenContent
import TeigenCore
import TeigenMarkdown
import TeigenTheme

/// The quick way through a rebuild when only the Markdown bodies of existing pages changed (the
/// common edit in `teigen serve`): their front matter is byte for byte the same, so the content graph
/// (URLs, sections, order, menus, neighbours) is too, and only these outputs can change:
/// - the edited pages themselves;
/// - when a page's summary (its list entry: summary, description, reading time) changed, the section
///   pages that list it, and every page whose templates use `sections` (`site.sections` lists every page);
/// - the Atom feeds, which carry page contents;
/// Nothing else reads a page's body. Anything else that changed (a front matter, a new or deleted
/// file, a template, the configuration) takes the full pipeline, whose caches keep that fast as well.
/// Tests compare the result with a full build after each kind of edit.
struct BodyEdit {
    /// The edited pages: content path (`proposals/1.md`) to the file's new bytes.
    var files: [String: Data]

    /// The outcome: the new state, the outputs that changed (path to bytes) and the pages rendered.
    struct Outcome {
        var state: RenderState
        var changedOutputs: [String: Data]
        var renderedPaths: [String]
    }

    /// Applies the edit to `state`, or returns nil when it is more than body edits of existing pages.
    /// Throws the diagnostics of a page that is now wrong (the state is not changed then).
    func apply(to state: RenderState, previousOutputs: [String: Data]) throws(DiagnosticError) -> Outcome? {
        var state = state
        var graph = state.contexts.graph
        var contentIndex: [String: Int] = [:]
        for (index, file) in state.parsed.files.content.enumerated() { contentIndex[file.relativePath] = index }

        // Which pages changed, and are they body edits only?
        var edited: [Int] = []
        var parseErrors: [Diagnostic] = []
        for (contentPath, data) in files.sorted(by: { $0.key < $1.key }) {
            guard contentPath.hasSuffix(".md"), let fileIndex = contentIndex[contentPath] else { return nil }
            let file = state.parsed.files.content[fileIndex]
            if file.data == data { continue }
            guard let pageIndex = graph.indexByContentPath[contentPath] else { return nil } // a draft, say
            guard data.count <= BuildPipeline.maximumPageSize else { return nil }
            let source: SourcePage
            do throws(DiagnosticError) {
                let text = try SiteFiles.text(data, path: file.displayPath)
                source = try SourcePage.parse(text, contentPath: contentPath, sourcePath: file.displayPath)
            } catch {
                parseErrors += error.diagnostics
                continue
            }
            let old = graph.pages[pageIndex].source
            guard !source.text.isEmpty, Self.frontMatterText(of: source).elementsEqual(Self.frontMatterText(of: old)) else { return nil }
            graph.pages[pageIndex].source = source
            state.parsed.files.content[fileIndex].data = data
            edited.append(pageIndex)
        }
        guard parseErrors.isEmpty else { throw DiagnosticError(parseErrors) }
        state.parsed.graph = graph

        // Their Markdown, then the pages that show them.
        let parsed = state.parsed
        let bodyRenderer = PageBodyRenderer(
            graph: graph, urls: state.urls, settings: parsed.config.markdown, resources: parsed.resources, language: parsed.config.language)
        var errors: [Diagnostic] = []
        var contexts = state.contexts
        var toRender = Set(edited)
        var listsChanged = false
        for index in edited {
            let (body, diagnostics) = bodyRenderer.render(pageAt: index)
            errors += diagnostics.filter { $0.severity == .error }
            state.diagnostics[index] = diagnostics
            let (updated, summaryChanged) = contexts.replacingBody(ofPageAt: index, with: body, graph: graph)
            contexts = updated
            if summaryChanged {
                toRender.formUnion(contexts.listings(of: index))
                listsChanged = true
            }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        state.contexts = contexts
        if listsChanged {
            var readsSections: [String: Bool] = [:]
            for (index, name) in state.templateOfPage.enumerated() {
                if readsSections[name] == nil { readsSections[name] = Self.usesSections(name, theme: parsed.theme, texts: parsed.templateTexts) }
                if readsSections[name] == true { toRender.insert(index) }
            }
        }

        var changed: [String: Data] = [:]
        var renderedPaths: [String] = []
        func keep(_ path: String, _ data: Data) {
            if previousOutputs[path] != data { changed[path] = data }
        }
        for index in toRender.sorted() {
            let page = graph.pages[index]
            let html = state.html(state.templateOfPage[index], context: try contexts.context(forPageAt: index), outputPath: page.outputPath)
            keep(page.outputPath, Data(html.utf8))
            renderedPaths.append(page.outputPath)
        }
        if listsChanged, Self.usesSections("404", theme: parsed.theme, texts: parsed.templateTexts) {
            keep("404.html", Data(state.html("404", context: try contexts.notFoundContext(), outputPath: "404.html").utf8))
        }
        for feed in BuildPipeline.feeds(config: parsed.config, urls: state.urls, graph: graph, bodies: contexts.bodies, feedPath: state.feedPath) {
            keep(feed.path, feed.data)
        }
        return Outcome(state: state, changedOutputs: changed, renderedPaths: renderedPaths.sorted())
    }

    /// The bytes of the file before its body: the front matter and its fences.
    static func frontMatterText(of source: SourcePage) -> Substring.UTF8View {
        let text = source.text.utf8
        let bodyLength = source.body.utf8.count
        guard bodyLength <= text.count, text.suffix(bodyLength).elementsEqual(source.body.utf8) else { return source.text[...].utf8 }
        return source.text[..<text.index(text.endIndex, offsetBy: -bodyLength)].utf8
    }

    /// Whether template `name` or one it includes names `sections` anywhere (`site.sections` holds
    /// every page's summary). A mention in text that is not a tag only makes this say yes too often.
    static func usesSections(_ name: String, theme: Theme, texts: [String: String]) -> Bool {
        theme.templatesUsed(by: name).contains { (texts[$0] ?? "").contains("sections") }
    }
}
