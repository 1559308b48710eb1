/// A lambda of a template context, used as a section (`{{#relURL}}/x/{{/relURL}}`): a function of the
/// section's text whose result is rendered as a template in turn (Mustache's rule for lambdas), so that
/// `{{#relURL}}{{url}}{{/relURL}}` receives `{{url}}`, returns `/base{{url}}` and writes `/base/page/`.
///
/// Results known before any page is rendered (the asset URL of `{{#asset}}css/style.css{{/asset}}`, found
/// with ``Theme/literalSections(named:)``) can be given as a table: those are written as they are, without
/// calling the function or parsing the result as a template again on every page.
public struct TemplateLambda: Sendable {
    let function: @Sendable (String) -> String
    /// Results by section text; only those without a tag in them (rendering them would change nothing).
    let known: [String: String]

    /// A lambda computing its result on each call.
    public init(_ function: @escaping @Sendable (String) -> String) {
        self.init(known: [:], function)
    }

    /// A lambda whose results for the texts in `known` are computed beforehand; `function` serves other texts.
    public init(known: [String: String], _ function: @escaping @Sendable (String) -> String) {
        self.function = function
        self.known = known.filter { !$0.value.contains("{{") }
    }

    /// The lambda's result for `text`: written as it is when known, rendered as a template otherwise.
    func callAsFunction(_ text: String) -> Any {
        if let result = known[text] { return Verbatim(text: result) }
        return function(text)
    }

    /// Text that swift-mustache writes as it is: a lambda result that is not a `String` is not parsed as a template.
    struct Verbatim: CustomStringConvertible {
        let text: String
        var description: String { text }
    }
}
