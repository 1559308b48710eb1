import Mustache
import TeigenCore

/// Presents a `TemplateValue` to swift-mustache without copying it into dictionaries: children are looked up
/// when a template asks for them, so a large shared `site` value costs nothing per page.
/// A map may lie over another (`under`): a name missing from the first is looked up in the second.
struct MustacheValue: MustacheParent {
    let value: TemplateValue
    var under: TemplateValue?

    func child(named name: String) -> Any? {
        let top = value[name]
        switch (top, under?[name]) {
        case (let top?, let below?): return Self.present(top, over: below)
        case (let top?, nil): return Self.present(top)
        case (nil, let below?): return Self.present(below)
        case (nil, nil): return nil
        }
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

    /// `value` read over `under` when both are maps; `value` alone otherwise.
    static func present(_ value: TemplateValue, over under: TemplateValue) -> Any? {
        guard case .map = value, case .map = under else { return present(value) }
        return MustacheValue(value: value, under: under)
    }
}
