/// A lambda of a template context, used as a section (`{{#relURL}}/about/{{/relURL}}` writes `/base/about/`):
/// a function of the section's literal text, whose result is rendered as a template in turn (Mustache's rule
/// for lambdas). The text is not rendered before the call: a tag inside the section reaches the function as
/// its source (`{{url}}`), which the URL lambdas treat as a path like any other, so templates give them
/// literal paths and write a page's own URL with `{{url}}` outside any lambda.
///
/// Results known before any page is rendered (the asset URL of `{{#asset}}css/style.css{{/asset}}`, found
/// with ``Theme/literalSections(named:)``) can be given as a table: those are used without calling the
/// function on every page, and written as they are, without being parsed as a template again, when they hold
/// no tag (rendering them would change nothing).
public struct TemplateLambda: Sendable {
    let function: @Sendable (String) -> String
    /// Results by section text: a text to write, or the template it is, parsed once.
    let known: [String: Result]

    /// A lambda computing its result on each call.
    public init(_ function: @escaping @Sendable (String) -> String) {
        self.init(known: [:], function)
    }

    /// A lambda whose results for the texts in `known` are computed beforehand; `function` serves other texts.
    public init(known: [String: String], _ function: @escaping @Sendable (String) -> String) {
        self.function = function
        self.known = known.mapValues { result in
            guard result.contains("{{") else { return .text(result) }
            return TokenReader.lambdaResult(result).map(Result.parsed) ?? .text("")
        }
    }

    /// What a lambda section writes: text as it is, a template parsed beforehand, or one to parse.
    enum Result: Sendable {
        case text(String)
        case parsed(TemplateBody)
        case template(String)
    }

    /// The lambda's result for `text`: known beforehand, or a template to render.
    func result(for text: String) -> Result {
        known[text] ?? .template(function(text))
    }
}
