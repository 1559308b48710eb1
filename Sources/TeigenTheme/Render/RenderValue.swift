import Foundation
import TeigenCore

/// What a name resolves to while a template renders: a value, two maps read as one, the context's root, or a lambda.
/// A `.null` value is never one: a name whose value is null is not found (and looked up further down the stack).
enum RenderValue {
    /// A value other than `.null`.
    case value(TemplateValue)
    /// A map lying over another: a name missing from the first is looked up in the second.
    case overlay([(String, TemplateValue)], under: [(String, TemplateValue)])
    /// The bottom of the stack: the lambdas, the page's own values over the shared ones (``rootNames(of:)``).
    case root([(String, RenderValue)])
    /// A lambda, used as a section.
    case lambda(TemplateLambda)

    /// `value`, or nil for `.null`.
    static func of(_ value: TemplateValue) -> RenderValue? {
        if case .null = value { return nil }
        return .value(value)
    }

    /// `value` read over `under` when both are maps; `value` alone otherwise.
    static func of(_ value: TemplateValue, over under: TemplateValue) -> RenderValue? {
        guard case .map(let pairs) = value, case .map(let below) = under else { return of(value) }
        return .overlay(pairs, under: below)
    }

    /// The child `name` of this value: a map's entry, or one of the root's names (lambdas first).
    func child(named name: String) -> RenderValue? {
        switch self {
        case .value(.map(let pairs)):
            return Self.value(named: name, in: pairs).flatMap { Self.of($0) }
        case .overlay(let top, let under):
            return Self.merged(Self.value(named: name, in: top), Self.value(named: name, in: under))
        case .root(let names):
            return Self.value(named: name, in: names)
        case .value, .lambda:
            return nil
        }
    }

    /// The value of the first pair named `name`. Reads the pairs in place: `first(where:)` would copy each pair it
    /// passes (a reference count for its name and one for its value), on every tag of every page. Names of another
    /// length are passed over without comparing them: `==` on two different strings is a call into the standard
    /// library, and most names passed are different.
    private static func value<Value>(named name: String, in pairs: [(String, Value)]) -> Value? {
        let length = name.utf8.count
        return pairs.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index].0.utf8.count == length && buffer[index].0 == name { return buffer[index].1 }
            return nil
        }
    }

    /// The names at the bottom of a page's stack, made once a render rather than looked up in three dictionaries
    /// at every tag: the lambdas, then the page's own values (over the shared ones of the same name), then the
    /// other shared ones. A lambda wins over a value of the same name.
    static func rootNames(of context: TemplateContext) -> [(String, RenderValue)] {
        let lambdas = context.shared.lambdas
        var names: [(String, RenderValue)] = lambdas.map { ($0.key, .lambda($0.value)) }
        for (name, value) in context.own where lambdas[name] == nil {
            if let merged = merged(value, context.shared.values[name]) { names.append((name, merged)) }
        }
        for (name, value) in context.shared.values where lambdas[name] == nil && context.own[name] == nil {
            if let value = of(value) { names.append((name, value)) }
        }
        return names
    }

    private static func merged(_ above: TemplateValue?, _ below: TemplateValue?) -> RenderValue? {
        switch (above, below) {
        case (let above?, let below?): return of(above, over: below)
        case (let above?, nil): return of(above)
        case (nil, let below?): return of(below)
        case (nil, nil): return nil
        }
    }

    /// An element of a list as a section sees it (a null element is an empty string).
    static func element(_ value: TemplateValue) -> RenderValue {
        of(value) ?? .value(.string(""))
    }

    /// The result of transform `name` (`empty`, `first`, `uppercased`, …: swift-mustache's), nil when the value has none.
    func transformed(_ name: String) -> RenderValue? {
        guard case .value(let value) = self else { return nil }
        switch value {
        case .string(let string):
            switch name {
            case "empty": return .value(.bool(string.isEmpty))
            case "capitalized": return .value(.string(string.capitalized))
            case "lowercased": return .value(.string(string.lowercased()))
            case "uppercased": return .value(.string(string.uppercased()))
            case "reversed": return .value(.string(String(string.reversed())))
            default: return nil
            }
        case .array(let items):
            switch name {
            case "first": return items.first.map(Self.element)
            case "last": return items.last.map(Self.element)
            case "reversed": return .value(.array(items.reversed()))
            case "count": return .value(.int(items.count))
            case "empty": return .value(.bool(items.isEmpty))
            default: return nil
            }
        case .int(let int):
            switch name {
            case "equalzero": return .value(.bool(int == 0))
            case "plusone": return .value(.int(int + 1))
            case "minusone": return .value(.int(int - 1))
            case "even": return .value(.bool(int & 1 == 0))
            case "odd": return .value(.bool(int & 1 == 1))
            default: return nil
            }
        case .null, .bool, .double, .map:
            return nil
        }
    }

    /// The text `{{name}}` writes for this value (before escaping).
    var text: String {
        switch self {
        case .value(let value): return Self.text(of: value)
        case .overlay, .root, .lambda: return ""
        }
    }

    private static func text(of value: TemplateValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let int): return String(int)
        case .double(let double): return String(describing: double)
        case .string(let string): return string
        case .array(let items): return "[" + items.map { text(of: $0) }.joined(separator: ", ") + "]"
        case .map: return ""
        }
    }
}

/// Where a section's body is in the list it repeats for: swift-mustache's `first()`, `last()`, `index()`,
/// `even()` and `odd()`.
struct SequencePosition {
    var first: Bool
    var last: Bool
    var index: Int

    func transformed(_ name: String) -> RenderValue? {
        switch name {
        case "first": return .value(.bool(first))
        case "last": return .value(.bool(last))
        case "index": return .value(.int(index))
        case "even": return .value(.bool(index & 1 == 0))
        case "odd": return .value(.bool(index & 1 == 1))
        default: return nil
        }
    }
}
