import TeigenCore

/// The partials and parents each template includes (`{{> name}}`, `{{< name}}`), to report missing
/// partials and loops before rendering (swift-mustache would recurse forever on a loop).
struct PartialGraph {
    let templates: [String: String]
    let paths: [String: String]

    /// Each inclusion found in a template: the included name, with its line and column.
    func inclusions(in text: String) -> [(name: String, line: Int, column: Int)] {
        var result: [(String, Int, Int)] = []
        var line = 1
        var column = 1
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                line += 1
                column = 1
                index += 1
                continue
            }
            if scalar == "{", index + 2 < scalars.count, scalars[index + 1] == "{", scalars[index + 2] == ">" || scalars[index + 2] == "<" {
                var end = index + 3
                var name = ""
                while end + 1 < scalars.count, !(scalars[end] == "}" && scalars[end + 1] == "}") {
                    name.unicodeScalars.append(scalars[end])
                    end += 1
                }
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty, !trimmed.hasPrefix("*") { result.append((trimmed, line, column)) }
            }
            column += 1
            index += 1
        }
        return result
    }

    /// Missing partials and inclusion loops, as diagnostics.
    func problems() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var edges: [String: [(name: String, line: Int, column: Int)]] = [:]
        for (name, text) in templates {
            edges[name] = inclusions(in: text)
            for inclusion in edges[name]! where templates[inclusion.name] == nil {
                diagnostics.append(.error(
                    "template includes '\(inclusion.name)', which does not exist (looked for theme/templates/\(inclusion.name).mustache)",
                    at: SourceLocation(path: paths[name] ?? name, line: inclusion.line, column: inclusion.column),
                    source: text))
            }
        }
        // Depth-first search for a cycle from every template, reporting each loop once.
        var reported = Set<String>()
        for start in templates.keys.sorted() {
            var stack: [String] = [start]
            var onPath = Set<String>([start])
            func visit(_ name: String) {
                for inclusion in edges[name] ?? [] where templates[inclusion.name] != nil {
                    if onPath.contains(inclusion.name) {
                        let loopStart = stack.firstIndex(of: inclusion.name)!
                        let loop = Array(stack[loopStart...]) + [inclusion.name]
                        let key = Set(loop).sorted().joined(separator: ",")
                        if reported.insert(key).inserted {
                            diagnostics.append(.error(
                                "templates include each other in a loop: \(loop.joined(separator: " → "))",
                                at: SourceLocation(path: paths[name] ?? name, line: inclusion.line, column: inclusion.column),
                                source: templates[name]))
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
