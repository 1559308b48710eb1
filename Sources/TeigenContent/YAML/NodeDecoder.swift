import Foundation
import TeigenCore
import Yams

/// Typed reads of YAML nodes that fail with a diagnostic at the node.
struct NodeDecoder {
    var reader: YAMLReader

    func string(_ node: Node, key: String) throws(DiagnosticError) -> String {
        guard case .scalar(let scalar) = node, !(scalar.style == .plain && node.null != nil) else {
            throw DiagnosticError(reader.error("'\(key)' must be a text value", at: node))
        }
        return scalar.string
    }

    func bool(_ node: Node, key: String) throws(DiagnosticError) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any, let value = node.bool else {
            throw DiagnosticError(reader.error("'\(key)' must be true or false (got '\(node.string ?? "")')", at: node))
        }
        return value
    }

    /// A list of text values; one text value is a list of one.
    func stringList(_ node: Node, key: String) throws(DiagnosticError) -> [String] {
        if case .scalar = node { return [try string(node, key: key)] }
        guard case .sequence(let items) = node else {
            throw DiagnosticError(reader.error("'\(key)' must be a list of text values", at: node))
        }
        var result: [String] = []
        for item in items { result.append(try string(item, key: key)) }
        return result
    }

    /// A whole number within `range`.
    func int(_ node: Node, key: String, in range: ClosedRange<Int>) throws(DiagnosticError) -> Int {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any, let value = node.int else {
            throw DiagnosticError(reader.error("'\(key)' must be a whole number (got '\(node.string ?? "")')", at: node))
        }
        guard range.contains(value) else {
            throw DiagnosticError(reader.error("'\(key)' must be between \(range.lowerBound) and \(range.upperBound) (got \(value))", at: node))
        }
        return value
    }

    func map(_ node: Node, key: String) throws(DiagnosticError) -> TemplateValue {
        guard case .mapping = node else {
            throw DiagnosticError(reader.error("'\(key)' must be a mapping", at: node))
        }
        return YAMLReader.value(of: node)
    }
}
