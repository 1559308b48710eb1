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
    /// Results by section text, and whether each holds a tag (then it is rendered as a template, as a result of
    /// the function would be).
    let known: [String: (result: String, hasTags: Bool)]

    /// A lambda computing its result on each call.
    public init(_ function: @escaping @Sendable (String) -> String) {
        self.init(known: [:], function)
    }

    /// A lambda whose results for the texts in `known` are computed beforehand; `function` serves other texts.
    public init(known: [String: String], _ function: @escaping @Sendable (String) -> String) {
        self.function = function
        self.known = known.mapValues { ($0, $0.contains("{{")) }
    }

    /// The lambda's result for `text`: written as it is when known and free of tags, rendered as a template otherwise.
    func callAsFunction(_ text: String) -> Any {
        guard let known = known[text] else { return function(text) }
        return known.hasTags ? known.result : Verbatim(text: known.result)
    }

    /// Text that swift-mustache writes as it is: a lambda result that is not a `String` is not parsed as a template.
    struct Verbatim: CustomStringConvertible {
        let text: String
        var description: String { text }
    }
}
