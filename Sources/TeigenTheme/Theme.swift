import Mustache
import TeigenCore

/// A theme's compiled Mustache templates: loaded once per build, rendered from many tasks at once.
public struct Theme: Sendable {
    /// Template names (`page`, `proposals/page`, `partials/header`) to the paths they were read from.
    public let paths: [String: String]
    private let library: MustacheLibrary
    /// The names each template includes directly (partials and parents).
    private let inclusions: [String: [String]]

    /// Compiles `templates` (name → text). `paths` gives each template's file for messages.
    /// All syntax errors and partial loops are reported together.
    public init(templates: [String: String], paths: [String: String]) throws(DiagnosticError) {
        var library = MustacheLibrary()
        var errors: [Diagnostic] = []
        for name in templates.keys.sorted() {
            let text = templates[name]!
            let path = paths[name] ?? name
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                errors.append(Diagnostic(
                    .error, "template syntax error: \(Self.describe(error.error))",
                    at: SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber),
                    sourceLine: error.context.line))
            } catch {
                errors.append(.error("template syntax error: \(error)", at: SourceLocation(path: path, line: 1, column: 1)))
            }
        }
        let graph = PartialGraph(templates: templates, paths: paths)
        errors += graph.problems()
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        self.library = library
        self.paths = paths
        self.inclusions = templates.mapValues { graph.inclusions(in: $0).map(\.name) }
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

    /// Renders template `name` with the page context `context`; `lambdas` are added at the top level
    /// and used as sections (`{{#relURL}}/x/{{/relURL}}`): each receives the section's text.
    public func render(_ name: String, context: [String: TemplateValue], lambdas: [String: @Sendable (String) -> String] = [:]) -> String {
        var wrapped: [String: MustacheLambda] = [:]
        for (key, lambda) in lambdas {
            wrapped[key] = MustacheLambda { text in lambda(text) }
        }
        return library.render(MustacheRoot(context: context, lambdas: wrapped), withTemplate: name) ?? ""
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
