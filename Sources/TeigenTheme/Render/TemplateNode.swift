/// One part of a compiled template as ``TemplateRenderer`` renders it: the tokens swift-mustache parsed
/// (``TokenReader``), with names split into their parts once instead of on every lookup.
enum TemplateNode: Sendable {
    /// Text written as it is.
    case text(String)
    /// `{{name}}` (`escaped`) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(TemplateName, TemplateBody)
    /// `{{^name}}…{{/name}}`.
    case invertedSection(TemplateName, TemplateBody)
    /// `{{$name}}…{{/name}}` outside an inheriting partial: the block's override, or its default.
    case block(String, default: TemplateBody, indentation: String?)
    /// `{{>name}}` (`overrides` nil) or `{{<name}}…{{/name}}` (the block definitions inside).
    case partial(String, indentation: String?, overrides: [String: TemplateBody]?)
    /// `{{>*name}}`: the partial named by the value `name`.
    case dynamicPartial(TemplateName, indentation: String?, overrides: [String: TemplateBody]?)
}

/// A list of nodes with the text it was parsed from (what a lambda section receives).
final class TemplateBody: Sendable {
    let nodes: [TemplateNode]
    let text: String

    init(nodes: [TemplateNode], text: String) {
        self.nodes = nodes
        self.text = text
    }
}

/// A name as a tag writes it (`page.title`, `.`, `.title`, `first()`, `empty(page.toc)`).
struct TemplateName: Sendable {
    enum Start: Sendable {
        /// `.`: the top of the context stack.
        case top
        /// A name starting with `.`: looked up in the top of the stack only.
        case topOnly
        /// A plain name: its first part is looked up down the stack.
        case stack
        /// `first()` and friends with no name: the position in the enclosing list.
        case sequence
    }

    let start: Start
    /// The name's parts (empty for `.`).
    let parts: [String]
    /// The transforms, outermost first (`a(b(x))` → `a`, `b`), applied last to first.
    let transforms: [String]

    init(_ name: String, transforms: [String]) {
        self.transforms = transforms
        if name == "." {
            start = .top
        } else if name.isEmpty, !transforms.isEmpty {
            start = .sequence
        } else if name.first == "." {
            start = .topOnly
        } else {
            start = .stack
        }
        parts = name == "." ? [] : name.split(separator: ".").map(String.init)
    }
}
