import Mustache
import TeigenCore

/// Presents a `TemplateValue` to swift-mustache without copying it into dictionaries: children are looked up
/// when a template asks for them, so a large shared `site` value costs nothing per page.
struct MustacheValue: MustacheParent {
    let value: TemplateValue

    func child(named name: String) -> Any? {
        guard case .map(let pairs) = value else { return nil }
        for (key, child) in pairs where key == name {
            return Self.present(child)
        }
        return nil
    }

    /// The object swift-mustache should see for a value.
    static func present(_ value: TemplateValue) -> Any? {
        switch value {
        case .null: return nil
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .string(let s): return s
        case .array(let items): return items.map { present($0) ?? "" }
        case .map: return MustacheValue(value: value)
        }
    }
}
