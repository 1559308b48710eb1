import Mustache
import TeigenCore

/// Presents a `TemplateValue` map to swift-mustache without copying it into dictionaries: children are looked
/// up when a template asks for them, so a large shared `site` value costs nothing per page.
/// A map may lie over another (`under`): a name missing from the first is looked up in the second.
///
/// It holds the maps' pairs rather than the values: two array references fit in the inline storage of the
/// `Any` swift-mustache receives, so presenting a map allocates nothing.
struct MustacheValue: MustacheParent {
    let pairs: [(String, TemplateValue)]
    var under: [(String, TemplateValue)]?

    func child(named name: String) -> Any? {
        let top = pairs.first { $0.0 == name }?.1
        switch (top, under?.first { $0.0 == name }?.1) {
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
        case .map(let pairs): return MustacheValue(pairs: pairs)
        }
    }

    /// `value` read over `under` when both are maps; `value` alone otherwise.
    static func present(_ value: TemplateValue, over under: TemplateValue) -> Any? {
        guard case .map(let pairs) = value, case .map(let below) = under else { return present(value) }
        return MustacheValue(pairs: pairs, under: below)
    }
}
