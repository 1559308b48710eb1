import Foundation
import TeigenContent
import TeigenCore

/// The quick way through a rebuild when only the Markdown bodies of existing pages changed (the
/// common edit in `teigen serve`): their front matter is byte for byte the same, so the content graph
/// (URLs, sections, order, menus, neighbours) is too, and only these outputs can change:
/// - the edited pages themselves;
/// - when a page's summary (its list entry: summary, description, reading time) changed, the section
///   pages that list it, and every page of its language whose templates read `sections` (`site.sections`
///   lists every page of a language);
/// - the Atom feeds, which carry page contents.
/// Nothing else reads a page's body. Anything else that changed (a front matter, a new or deleted
/// file, a template, the configuration) takes the full pipeline, whose caches keep that fast as well.
///
/// It runs the pipeline's own steps on the last build's results (``RenderState``) for those pages only:
/// `parse` (``PageSources``), `markdown` (``PageBodies``), `contexts` (``SiteContext``), `pages`
/// (``PageRenderer``) and `generated files` (``GeneratedFiles``). Tests compare the result with a full
/// build after each kind of edit.
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
    /// An edit that makes a page use an image the last build did not publish, or a template write one,
    /// takes the full pipeline, which makes the image's files.
    func apply(
        to state: RenderState, previousOutputs: [String: Data], memory: inout FragmentTools.Memory
    ) async throws(DiagnosticError) -> Outcome? {
        var state = state
        guard let edited = try parse(into: &state) else { return nil }
        try state.bodies.convert(pagesAt: edited, with: PageBodies.converter(for: state.input, hooks: state.hooks))
        guard edited.allSatisfy({ state.images.isSuperset(of: state.bodies.bodies[$0].resources) }) else { return nil }
        _ = await state.bodies.highlight(with: state.fragments, pages: state.input.graph.pages, memory: &memory)
        var toRender = Set(edited)
        var listsChanged = Set<String>()
        for index in edited {
            let (site, summaryChanged) = state.site.replacingBody(ofPageAt: index, with: state.bodies.bodies[index], graph: state.input.graph)
            state.site = site
            if summaryChanged {
                toRender.formUnion(site.listings(of: index))
                listsChanged.insert(state.input.graph.pages[index].language)
            }
        }
        let renderer = state.renderer
        toRender.formUnion(pagesReadingSections(state, languages: listsChanged))
        var rendered = toRender.sorted().map { renderer.rendered(at: $0) }
        let renderedPaths = rendered.map(\.file.path)
        if !listsChanged.isEmpty, state.input.theme.reads("sections", from: "404") { rendered += renderer.renderedNotFoundPages() }
        guard rendered.allSatisfy({ $0.diagnostics.isEmpty && state.images.isSuperset(of: $0.resources) }) else { return nil }
        var outputs = rendered.map(\.file)
        outputs += GeneratedFiles(site: state.site).feeds()
        var changed: [String: Data] = [:]
        for output in outputs where previousOutputs[output.path] != output.data { changed[output.path] = output.data }
        return Outcome(state: state, changedOutputs: changed, renderedPaths: renderedPaths.sorted())
    }

    /// Reads the edited files into `state` (the `parse` step for them alone).
    /// - Returns: the indices of the pages whose bodies changed, or nil when an edit is more than that.
    private func parse(into state: inout RenderState) throws(DiagnosticError) -> [Int]? {
        var fileIndex: [String: Int] = [:]
        for (index, file) in state.input.files.content.enumerated() { fileIndex[file.relativePath] = index }
        var edited: [Int] = []
        var errors: [Diagnostic] = []
        for (contentPath, data) in files.sorted(by: { $0.key < $1.key }) {
            guard PageSources.isPage(contentPath), let index = fileIndex[contentPath] else { return nil }
            var file = state.input.files.content[index]
            if file.data == data { continue }
            guard let pageIndex = state.input.graph.indexByContentPath[contentPath] else { return nil } // a draft, say
            guard data.count <= PageSources.maximumSize else { return nil }
            file.data = data
            let source: SourcePage
            do throws(DiagnosticError) {
                source = try PageSources.parse(file)
            } catch {
                errors += error.diagnostics
                continue
            }
            let old = state.input.graph.pages[pageIndex].source
            guard !source.text.isEmpty, Self.frontMatterText(of: source).elementsEqual(Self.frontMatterText(of: old)) else { return nil }
            state.input.graph.pages[pageIndex].source = source
            state.input.files.content[index] = file
            edited.append(pageIndex)
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return edited
    }

    /// The pages of `languages` whose templates read `sections` (which lists the summary of every page of their language).
    private func pagesReadingSections(_ state: RenderState, languages: Set<String>) -> Set<Int> {
        guard !languages.isEmpty else { return [] }
        var reads: [String: Bool] = [:]
        var pages = Set<Int>()
        for (index, name) in state.templates.enumerated() where languages.contains(state.input.graph.pages[index].language) {
            if reads[name] == nil { reads[name] = state.input.theme.reads("sections", from: name) }
            if reads[name] == true { pages.insert(index) }
        }
        return pages
    }

    /// The bytes of the file before its body: the front matter and its fences.
    static func frontMatterText(of source: SourcePage) -> Substring.UTF8View {
        let text = source.text.utf8
        let bodyLength = source.body.utf8.count
        guard bodyLength <= text.count, text.suffix(bodyLength).elementsEqual(source.body.utf8) else { return source.text[...].utf8 }
        return source.text[..<text.index(text.endIndex, offsetBy: -bodyLength)].utf8
    }
}
