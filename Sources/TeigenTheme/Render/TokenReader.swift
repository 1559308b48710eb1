import Mustache

/// Reads the tokens swift-mustache parsed a template into (``TemplateNode``s), once per template and build.
///
/// swift-mustache keeps its token tree internal: it is read through `Mirror`, by the names of
/// `MustacheTemplate.Token`'s cases and payloads (`tokens`, `text`; `section(name:transforms:template:)`, …).
/// Parsing, with the Mustache specification's rules for standalone lines, indentation, delimiters and
/// inheritance, stays swift-mustache's; only rendering is Teigen's (``TemplateRenderer``). A swift-mustache
/// whose tree reads differently is reported by ``read(_:)`` rather than rendered wrongly, and
/// `TemplateRendererTests` fails on it.
enum TokenReader {
    /// The layout of swift-mustache's tree was not what this reader knows.
    struct UnknownLayout: Error, CustomStringConvertible {
        let detail: String
        var description: String { "swift-mustache's compiled templates have an unknown layout (\(detail))" }
    }

    /// The nodes of `template`, with its text.
    static func read(_ template: MustacheTemplate) throws(UnknownLayout) -> TemplateBody {
        let mirror = Mirror(reflecting: template)
        guard let tokens = mirror.descendant("tokens") as? [Any], let text = mirror.descendant("text") as? String else {
            throw UnknownLayout(detail: "no tokens or text")
        }
        var nodes: [TemplateNode] = []
        nodes.reserveCapacity(tokens.count)
        for token in tokens {
            // Texts stay as parsed (one a line): a partial's indentation goes before a token after a line break.
            if let node = try self.node(token) { nodes.append(node) }
        }
        return TemplateBody(nodes: nodes, text: text)
    }

    /// The template a lambda returned, parsed; nil when it does not parse (it then writes nothing, as in swift-mustache).
    static func lambdaResult(_ text: String) -> TemplateBody? {
        try? read(MustacheTemplate(string: text))
    }

    private static func node(_ token: Any) throws(UnknownLayout) -> TemplateNode? {
        guard let (kind, payload) = Mirror(reflecting: token).children.first.map({ ($0.label ?? "", $0.value) }) else {
            throw UnknownLayout(detail: "a token without a case")
        }
        let fields = Fields(payload)
        switch kind {
        case "text":
            guard let text = payload as? String else { throw UnknownLayout(detail: "text") }
            return .text(text)
        case "variable", "unescapedVariable":
            return .variable(try fields.name(), escaped: kind == "variable")
        case "section":
            return .section(try fields.name(), try read(fields.template("template")))
        case "invertedSection":
            return .invertedSection(try fields.name(), try read(fields.template("template")))
        case "blockExpansion":
            return .block(try fields.string("name"), default: try read(fields.template("default")), indentation: fields.optionalString("indentation"))
        case "partial":
            return .partial(try fields.string(".0"), indentation: fields.optionalString("indentation"), overrides: try fields.overrides())
        case "dynamicNamePartial":
            return .dynamicPartial(
                TemplateName(try fields.string(".0"), transforms: []), indentation: fields.optionalString("indentation"),
                overrides: try fields.overrides())
        case "contentType":
            // A `{{%CONTENT_TYPE}}` pragma: ignored, every template's output is HTML (escaped with `HTMLText`).
            return nil
        case "blockDefinition":
            // Found only inside `{{<parent}}…{{/parent}}`, where the partial's overrides hold it.
            return nil
        default:
            throw UnknownLayout(detail: "token case \(kind)")
        }
    }

    /// A token's payload, by label (`.0` for an unlabelled first element).
    private struct Fields {
        let values: [String: Any]

        init(_ payload: Any) {
            var values: [String: Any] = [:]
            for (index, child) in Mirror(reflecting: payload).children.enumerated() {
                values[child.label ?? ".\(index)"] = child.value
            }
            values[".payload"] = payload
            self.values = values
        }

        func string(_ label: String) throws(UnknownLayout) -> String {
            guard let value = values[label] as? String else { throw UnknownLayout(detail: "no string \(label)") }
            return value
        }

        func optionalString(_ label: String) -> String? {
            values[label] as? String
        }

        func template(_ label: String) throws(UnknownLayout) -> MustacheTemplate {
            guard let value = values[label] as? MustacheTemplate else { throw UnknownLayout(detail: "no template \(label)") }
            return value
        }

        func name() throws(UnknownLayout) -> TemplateName {
            guard let name = values["name"] as? String, let transforms = values["transforms"] as? [String] else {
                throw UnknownLayout(detail: "no name and transforms")
            }
            return TemplateName(name, transforms: transforms)
        }

        func overrides() throws(UnknownLayout) -> [String: TemplateBody]? {
            guard let inherits = values["inherits"] as? [String: MustacheTemplate] else { return nil }
            var bodies: [String: TemplateBody] = [:]
            for (name, template) in inherits { bodies[name] = try TokenReader.read(template) }
            return bodies
        }
    }
}
