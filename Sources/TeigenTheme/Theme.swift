import Mustache
import TeigenCore

/// A theme's compiled Mustache templates: loaded once per build, rendered from many tasks at once, and
/// asked what they read (``variables``, ``literalSections(named:)``, ``reads(_:from:)``) before any page is.
public struct Theme: Sendable {
    /// Template names (`page`, `proposals/page`, `partials/header`) to the paths they were read from.
    public let paths: [String: String]
    private let renderer: TemplateRenderer
    private let texts: [String: String]
    /// Each template's tags, in the order written.
    private let tags: [String: [TemplateTag]]
    /// The names each template includes directly (partials and parents).
    private let inclusions: [String: [String]]

    /// Compiles `templates` (name → text). `paths` gives each template's file for messages.
    /// All syntax errors and partial loops are reported together.
    public init(templates: [String: String], paths: [String: String]) throws(DiagnosticError) {
        var compiled: [String: TemplateBody] = [:]
        var errors: [Diagnostic] = []
        for name in templates.keys.sorted() {
            let text = templates[name]!
            let path = paths[name] ?? name
            do {
                compiled[name] = try TokenReader.read(MustacheTemplate(string: text))
            } catch let error as MustacheTemplate.ParserError {
                errors.append(Diagnostic(
                    .error, "template syntax error: \(Self.describe(error.error))",
                    at: SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber),
                    sourceLine: error.context.line))
            } catch let error as TokenReader.UnknownLayout {
                errors.append(.error("\(error)", at: SourceLocation(path: path, line: 1, column: 1)))
            } catch {
                errors.append(.error("template syntax error: \(error)", at: SourceLocation(path: path, line: 1, column: 1)))
            }
        }
        let tags = templates.mapValues(TagScanner.tags(in:))
        let graph = PartialGraph(tags: tags, texts: templates, paths: paths)
        errors += graph.problems()
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        self.renderer = TemplateRenderer(templates: compiled)
        self.paths = paths
        self.texts = templates
        self.tags = tags
        self.inclusions = graph.edges.mapValues { $0.map(\.name) }
    }

    /// The template and every partial or parent it includes, directly or not, sorted: what its output depends on.
    public func templatesUsed(by name: String) -> [String] {
        var seen = Set<String>([name])
        var queue = [name]
        while let current = queue.popLast() {
            for included in inclusions[current] ?? [] where seen.insert(included).inserted { queue.append(included) }
        }
        return seen.sorted()
    }

    /// Whether a template with this name exists.
    public func has(_ name: String) -> Bool {
        paths[name] != nil
    }

    /// The text of template `name` (to show the offending line of a message about it).
    public func text(of name: String) -> String? {
        texts[name]
    }

    /// Every name that every template reads (variables and sections), by template name, then in the order written.
    public var variables: [TemplateVariable] {
        tags.keys.sorted().flatMap { name in variables(in: name) }
    }

    /// The literal sections named `lambda` of every template (`{{#asset}}css/style.css{{/asset}}` for
    /// `asset`), by template name, then in the order written. Sections holding tags are left out: what
    /// their lambda receives is known only when a page is rendered.
    public func literalSections(named lambda: String) -> [LiteralSection] {
        tags.keys.sorted().flatMap { template in
            (tags[template] ?? []).compactMap { tag -> LiteralSection? in
                guard tag.kind == .section, tag.name == lambda, let body = tag.body, !tag.bodyHasTags else { return nil }
                return LiteralSection(template: template, text: body, location: location(tag.line, tag.column, in: template))
            }
        }
    }

    /// Every section named `lambda` of every template, with the text between its tags as written (tags
    /// included), by template name, then in the order written: where a lambda's call comes from.
    public func sections(named lambda: String) -> [LiteralSection] {
        tags.keys.sorted().flatMap { template in
            (tags[template] ?? []).compactMap { tag -> LiteralSection? in
                guard tag.kind == .section, tag.name == lambda, let body = tag.body else { return nil }
                return LiteralSection(template: template, text: body, location: location(tag.line, tag.column, in: template))
            }
        }
    }

    /// The top-level names template `name` and the templates it includes read (`caption` for `{{caption}}`
    /// and `{{#caption}}…{{/caption}}`, `page` for `{{page.title}}`).
    public func names(readBy name: String) -> Set<String> {
        Set(templatesUsed(by: name).flatMap { variables(in: $0).compactMap(\.path.first) })
    }

    /// Whether template `name`, or a template it includes, reads a name with `part` among its parts
    /// (`sections` for `{{#site.sections}}`, and for `{{#sections}}` inside `{{#site}}`).
    public func reads(_ part: String, from name: String) -> Bool {
        templatesUsed(by: name).contains { variables(in: $0).contains { $0.path.contains(part) } }
    }

    /// Renders template `name` with `context`; its lambdas are used as sections
    /// (`{{#relURL}}/x/{{/relURL}}`): each receives the section's text.
    public func render(_ name: String, context: TemplateContext) -> String {
        renderer.render(name, context: context)
    }

    private func variables(in template: String) -> [TemplateVariable] {
        (tags[template] ?? []).compactMap { tag in
            guard tag.kind == .variable || tag.kind == .section || tag.kind == .invertedSection, tag.name != "." else { return nil }
            let path = tag.name.split(separator: ".").map(String.init)
            return TemplateVariable(template: template, path: path, location: location(tag.nameLine, tag.nameColumn, in: template))
        }
    }

    private func location(_ line: Int, _ column: Int, in template: String) -> SourceLocation {
        SourceLocation(path: paths[template] ?? template, line: line, column: column)
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "section closed with a different name than it was opened with"
        case .unfinishedName: return "tag is not closed with '}}'"
        case .expectedSectionEnd: return "section is never closed: add '{{/name}}'"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inherited section"
        case .illegalTokenInsideInheritSection: return "only block definitions may appear inside '{{<parent}}…{{/parent}}'"
        case .textInsideInheritSection: return "only block definitions may appear inside '{{<parent}}…{{/parent}}'"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "invalid configuration tag"
        }
    }
}
