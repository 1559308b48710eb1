import TeigenCore

/// The partials and parents each template includes (`{{> name}}`, `{{< name}}`), to report missing
/// partials and loops before rendering (swift-mustache would recurse forever on a loop).
struct PartialGraph {
    /// Each template's inclusions: the included name, with the tag's line and column.
    let edges: [String: [(name: String, line: Int, column: Int)]]
    let texts: [String: String]
    let paths: [String: String]

    /// - Parameters:
    ///   - tags: each template's tags (``TagScanner``).
    ///   - texts: each template's text, to show the offending line.
    init(tags: [String: [TemplateTag]], texts: [String: String], paths: [String: String]) {
        edges = tags.mapValues { tags in
            tags.filter { ($0.kind == .partial || $0.kind == .parent) && !$0.name.isEmpty && !$0.name.hasPrefix("*") }
                .map { ($0.name, $0.line, $0.column) }
        }
        self.texts = texts
        self.paths = paths
    }

    /// Missing partials and inclusion loops, as diagnostics.
    func problems() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (name, inclusions) in edges {
            for inclusion in inclusions where edges[inclusion.name] == nil {
                diagnostics.append(.error(
                    "template includes '\(inclusion.name)', which does not exist (looked for theme/templates/\(inclusion.name).mustache)",
                    at: SourceLocation(path: paths[name] ?? name, line: inclusion.line, column: inclusion.column),
                    source: texts[name]))
            }
        }
        // Depth-first search for a cycle from every template, reporting each loop once.
        var reported = Set<String>()
        for start in edges.keys.sorted() {
            var stack: [String] = [start]
            var onPath = Set<String>([start])
            func visit(_ name: String) {
                for inclusion in edges[name] ?? [] where edges[inclusion.name] != nil {
                    if onPath.contains(inclusion.name) {
                        let loopStart = stack.firstIndex(of: inclusion.name)!
                        let loop = Array(stack[loopStart...]) + [inclusion.name]
                        let key = Set(loop).sorted().joined(separator: ",")
                        if reported.insert(key).inserted {
                            diagnostics.append(.error(
                                "templates include each other in a loop: \(loop.joined(separator: " → "))",
                                at: SourceLocation(path: paths[name] ?? name, line: inclusion.line, column: inclusion.column),
                                source: texts[name]))
                        }
                        continue
                    }
                    stack.append(inclusion.name)
                    onPath.insert(inclusion.name)
                    visit(inclusion.name)
                    onPath.remove(inclusion.name)
                    stack.removeLast()
                }
            }
            visit(start)
        }
        return diagnostics
    }
}
