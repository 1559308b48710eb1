import Foundation
import TeigenCore
import Yams

/// Parses YAML into Yams nodes and turns YAML problems into diagnostics at the right file position.
struct YAMLReader {
    /// The file the YAML came from, for messages.
    var path: String
    /// The whole file's text (for showing offending lines).
    var fileText: String
    /// The line of the file on which the YAML text starts (front matter starts on line 2).
    var firstLine: Int

    /// Composes the YAML text; nil for an empty document.
    func compose(_ yaml: String) throws(DiagnosticError) -> Node? {
        if let tabLine = firstTabIndentedLine(yaml) {
            throw DiagnosticError(
                .error("tabs are not allowed for indentation in YAML; use spaces", at: location(line: tabLine, column: 1), source: fileText))
        }
        if let key = AliasKeyScanner.firstAliasKey(in: yaml) {
            throw DiagnosticError(.error(
                "a YAML alias ('*\(key.name)') cannot be a mapping key: keys are plain text", at: location(line: key.line, column: key.column),
                source: fileText))
        }
        do {
            // The encoding given: Yams would otherwise read the environment (all of it) for every document.
            // The basic resolver (no implicit-tag rules): Teigen reads a scalar's type from its text and style
            // (`value(of:)`: Yams' constructors look at the text, not the tag), never from its tag, and the
            // default resolver's seven regular expressions ran on every mapping key, for the parser's duplicate
            // check alone: about 5 % of a build. Keys are duplicates when their texts are equal either way.
            let parser = try Parser(yaml: yaml, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let root = try parser.singleRoot() else { return nil }
            // The nodes refer to their anchors weakly: the parser keeps them alive for the check.
            try withExtendedLifetime(parser) { () throws(AliasBudget.Exceeded) in try AliasBudget.check(root) }
            return root
        } catch let error as AliasBudget.Exceeded {
            throw DiagnosticError(.error(
                "YAML aliases expand this value beyond \(AliasBudget.limit) nodes: each '*name' copies the value anchored as '&name', "
                    + "and a document may add at most \(AliasBudget.limit) nodes that way",
                at: location(line: error.mark?.line ?? 1, column: error.mark?.column ?? 1), source: fileText))
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error))
        } catch {
            throw DiagnosticError(.error("invalid YAML: \(error)", at: location(line: 1, column: 1), source: fileText))
        }
    }

    private func firstTabIndentedLine(_ yaml: String) -> Int? {
        var line = 1
        var atLineStart = true
        for scalar in yaml.unicodeScalars {
            if scalar == "\n" {
                line += 1
                atLineStart = true
            } else if atLineStart {
                if scalar == "\t" { return line }
                if scalar != " " { atLineStart = false }
            }
        }
        return nil
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + firstLine - 1, column: column)
    }

    /// The file location of a node.
    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: firstLine, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// An error at a node.
    func error(_ message: String, at node: Node) -> Diagnostic {
        .error(message, at: location(of: node), source: fileText)
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // Found on a later line than the construct it was reading (a '[' or a quote never closed): the
            // construct is the mistake, as compilers point at an unclosed bracket.
            if let context, context.mark.line < mark.line, let opener = character(at: context.mark) {
                return .error(
                    "invalid YAML: '\(Diagnostic.shown(opener))' is never closed (\(problem) \(context.text))",
                    at: location(line: context.mark.line, column: context.mark.column), source: fileText)
            }
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return .error(message, at: location(line: mark.line, column: mark.column), source: fileText)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keyLine = duplicateKeyLine(duplicates.first ?? "", after: context.mark.line)
            return .error(
                "duplicate key '\(duplicates.joined(separator: "', '"))' in YAML mapping",
                at: location(line: keyLine ?? context.mark.line, column: 1), source: fileText)
        case .reader(let problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: location(line: 1, column: 1), source: fileText)
        default:
            return .error("invalid YAML: \(error)", at: location(line: 1, column: 1), source: fileText)
        }
    }

    /// The character at a mark (YAML coordinates), if there is one.
    private func character(at mark: Mark) -> String? {
        guard let line = Diagnostic.line(mark.line + firstLine - 1, of: fileText) else { return nil }
        let scalars = line.unicodeScalars
        guard mark.column >= 1, mark.column <= scalars.count else { return nil }
        return String(scalars[scalars.index(scalars.startIndex, offsetBy: mark.column - 1)])
    }

    /// The line (in YAML coordinates) of the second occurrence of `key:` at or after `line`.
    private func duplicateKeyLine(_ key: String, after line: Int) -> Int? {
        guard !key.isEmpty else { return nil }
        let lines = fileText.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for index in (firstLine - 1)..<lines.count {
            let trimmed = lines[index].drop(while: { $0 == " " })
            if trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") || trimmed.hasPrefix("'\(key)':") {
                seen += 1
                if seen == 2 { return index + 1 - firstLine + 1 }
            }
        }
        return nil
    }

    /// The top-level keys of YAML front matter (`yaml`, from the page's line 2), each with its value and position.
    func frontMatterFields(_ yaml: String) throws(DiagnosticError) -> [FrontMatterField] {
        guard let root = try compose(yaml) else {
            throw DiagnosticError(.error("front matter is empty: a page needs at least a 'title'", at: SourceLocation(path: path, line: 1, column: 1), source: fileText))
        }
        guard case .mapping(let mapping) = root else {
            throw DiagnosticError(error("front matter must be a YAML mapping of keys to values (such as 'title: …')", at: root))
        }
        return mapping.map { key, value in
            FrontMatterField(key: key.string ?? "", keyLocation: location(of: key), value: frontMatterValue(value))
        }
    }

    private func frontMatterValue(_ node: Node) -> FrontMatterValue {
        let value = Self.value(of: node)
        var result = FrontMatterValue(value: value, text: nil, location: location(of: node))
        switch node {
        case .scalar(let scalar): result.text = value == .null ? nil : scalar.string
        case .sequence(let sequence): result.items = sequence.map(frontMatterValue)
        case .mapping(let mapping):
            result.entries = mapping.map { key, value in
                FrontMatterField(key: key.string ?? "", keyLocation: location(of: key), value: frontMatterValue(value))
            }
        default: break
        }
        return result
    }

    /// Converts a node into a template value (strings, numbers, bools, lists, maps in written order).
    static func value(of node: Node) -> TemplateValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain || scalar.style == .any {
                if node.null != nil { return .null }
                if let b = node.bool { return .bool(b) }
                if let i = node.int { return .int(i) }
                if let d = node.float, scalar.string.contains(".") { return .double(d) }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .array(sequence.map { value(of: $0) })
        case .mapping(let mapping):
            return .map(mapping.map { ($0.key.string ?? "\($0.key)", value(of: $0.value)) })
        case .alias:
            return .null
        }
    }
}
