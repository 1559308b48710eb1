import Foundation
import TeigenContent
import TeigenCore
import TeigenTheme

/// Renders shortcode calls with their templates (`theme/shortcodes/NAME.mustache`, or the site's
/// `site/shortcodes/NAME.mustache`, compiled with the theme as `shortcodes/NAME`): the hook the Markdown
/// conversion calls for `{{< figure src="map.png" caption="…" >}}` (``PageHooks``).
///
/// A template sees its arguments by name (`{{caption}}`; positional ones as `arg1`, `arg2`…), escaped
/// like any value; `inner`, the inner content's HTML of a paired call (`{{{inner}}}`); `page` (`title`,
/// `url`, `language`); and the lambdas of the page's language (`t` for the theme's words, `relURL`,
/// `relLangURL`, `absURL`, `asset`, `image`…).
///
/// A template may declare its arguments in a comment at its start:
/// `{{! arguments: src!, alt, caption, credit, kind=info|warning }}` (`!` required, `=a|b` the values
/// allowed). Without one it takes the names it reads. An unknown shortcode, an argument it does not take,
/// a missing required one or a value not allowed is an error at the call.
struct ShortcodeTemplates: Sendable {
    let theme: Theme
    let images: ImageMarkers
    /// Each language's lambdas, by language code (``TemplateLambdas/byLanguage(_:)``): a call is rendered with
    /// its page's language's.
    let lambdas: [String: [String: TemplateLambda]]
    let urls: SiteURLs
    /// Each language's words, by language code: what the `t` lambdas give (a call's output depends on them).
    let words: [String: I18nTable]

    /// One declared argument.
    struct Parameter: Sendable, Hashable {
        var name: String
        var isRequired = false
        var allowed: [String] = []
    }

    /// The hook: renders `call`, written on `page`.
    func render(_ call: ShortcodeCall, page: Page) -> ShortcodeOutcome {
        let name = ThemeFiles.shortcodePrefix + call.name
        guard theme.has(name) else {
            let known = theme.paths.keys.filter { $0.hasPrefix(ThemeFiles.shortcodePrefix) }.map { String($0.dropFirst(ThemeFiles.shortcodePrefix.count)) }.sorted()
            let list = known.isEmpty ? "the theme and the site have none" : "known: " + known.joined(separator: ", ")
            return .failure(
                "unknown shortcode '\(call.name)' (\(list)); add theme/shortcodes/\(call.name).mustache or site/shortcodes/\(call.name).mustache",
                argument: nil)
        }
        let parameters = Self.parameters(of: name, in: theme)
        var values: [(String, TemplateValue)] = []
        var seen: Set<String> = []
        var positional = 0
        for (index, argument) in call.arguments.enumerated() {
            let key: String
            if let named = argument.name {
                key = named
            } else {
                positional += 1
                key = "arg\(positional)"
            }
            guard let parameter = parameters.first(where: { $0.name == key }) else {
                let takes = parameters.map(\.name).sorted().joined(separator: ", ")
                return .failure("shortcode '\(call.name)' takes no argument '\(key)' (it takes: \(takes.isEmpty ? "none" : takes))", argument: index)
            }
            guard seen.insert(key).inserted else { return .failure("argument '\(key)' is given twice", argument: index) }
            if !parameter.allowed.isEmpty, !parameter.allowed.contains(argument.value) {
                return .failure(
                    "argument '\(key)' of shortcode '\(call.name)' is one of \(parameter.allowed.joined(separator: ", ")) (got '\(argument.value)')",
                    argument: index)
            }
            values.append((key, .string(argument.value)))
        }
        if let missing = parameters.first(where: { $0.isRequired && !seen.contains($0.name) }) {
            return .failure("shortcode '\(call.name)' needs the argument \(missing.name)=\"…\"", argument: nil)
        }
        values.append(("inner", .string(ShortcodeCall.innerMarker)))
        values.append(("page", .map([("title", .string(page.title)), ("url", .string(urls.rooted(page.url))), ("language", .string(page.language))])))
        let context = TemplateContext(shared: SharedContext(values: [:], lambdas: lambdas[page.language] ?? [:]), own: Dictionary(values, uniquingKeysWith: { first, _ in first }))
        let resolved = images.resolve(theme.render(name, context: context), directory: page.directory)
        if let error = resolved.errors.first {
            let source = call.arguments.firstIndex { $0.name == "src" }
            return .failure(error.message, argument: source)
        }
        return .html(resolved.html, resources: resolved.resources, warnings: resolved.warnings.map(\.message))
    }

    /// The arguments template `name` takes: those its `{{! arguments: … }}` comment declares, else the
    /// names it reads (but `inner`, `page` and the lambdas).
    static func parameters(of name: String, in theme: Theme) -> [Parameter] {
        if let text = theme.text(of: name), let declared = declaration(in: text) { return declared }
        let reserved: Set<String> = ["inner", "page", "relURL", "absURL", "relLangURL", "absLangURL", "asset", "integrity", "image", "t"]
        return theme.names(readBy: name).subtracting(reserved).sorted().map { Parameter(name: $0) }
    }

    /// The parameters of a leading `{{! arguments: a!, b, kind=info|warning }}` comment, if the template has one.
    static func declaration(in text: String) -> [Parameter]? {
        let trimmed = text.drop { $0.isWhitespace }
        guard trimmed.hasPrefix("{{!"), let end = trimmed.range(of: "}}") else { return nil }
        let comment = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 3)..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        guard comment.hasPrefix("arguments:") else { return nil }
        return comment.dropFirst("arguments:".count).split(separator: ",").compactMap { item in
            var text = item.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return nil }
            var parameter = Parameter(name: "")
            if let equals = text.firstIndex(of: "=") {
                parameter.allowed = text[text.index(after: equals)...].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                text = String(text[..<equals])
            }
            if text.hasSuffix("!") {
                parameter.isRequired = true
                text.removeLast()
            }
            parameter.name = text
            return parameter
        }
    }
}
