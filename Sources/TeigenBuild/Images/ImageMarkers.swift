import Foundation
import TeigenContent
import TeigenCore
import TeigenTheme

/// The `{{#image}}…{{/image}}` template lambda: `{{#image}}src="{{page.params.cover}}" alt="{{page.params.coverAlt}}"{{/image}}`
/// writes the image's `<picture>` (``ImageCatalog``).
///
/// A Mustache lambda receives its section's text before the tags in it are rendered, and its result is
/// rendered afterwards; so the lambda returns a marker around the text (Unicode noncharacters, which
/// text never holds), the template renders the values into it, and ``resolve(_:directory:)`` replaces
/// each marker in the finished HTML with the image's markup. Arguments (shortcode syntax): `src`
/// (required: beside the page, or from the site's root in `site/assets/`, `site/static/`), `alt`, `sizes`,
/// `class`, `loading` (`lazy`, the default, or `eager` for an image at the top of the page).
struct ImageMarkers: Sendable {
    let catalog: ImageCatalog

    private static let open = String(Unicode.Scalar(0xFDD0)!) + "image"
    private static let separator = String(Unicode.Scalar(0xFDD2)!)
    private static let close = String(Unicode.Scalar(0xFDD1)!)

    /// The lambda; `sections` are every `{{#image}}` section of the theme (their number goes into the
    /// marker, so that a problem is reported at its section).
    static func lambda(sections: [LiteralSection]) -> TemplateLambda {
        let numbers = Dictionary(sections.enumerated().map { ($0.element.text, $0.offset) }, uniquingKeysWith: { first, _ in first })
        return TemplateLambda { text in open + String(numbers[text] ?? -1) + separator + text + close }
    }

    /// What resolving found in one piece of HTML.
    struct Resolved {
        var html: String
        /// The site paths of the images written.
        var resources: [String] = []
        /// Problems, each with the number of the `{{#image}}` section it comes from (-1 when unknown).
        var errors: [(message: String, section: Int)] = []
        var warnings: [(message: String, section: Int)] = []
    }

    /// `html` with every marker replaced by its image's markup; images are looked for beside the content
    /// folder `directory` first (nil: from the site's root only).
    func resolve(_ html: String, directory: String?) -> Resolved {
        guard Self.holdsMarker(html) else { return Resolved(html: html) }
        var result = Resolved(html: "")
        var rest = Substring(html)
        while let start = rest.range(of: Self.open), let end = rest[start.upperBound...].range(of: Self.close) {
            result.html += rest[..<start.lowerBound]
            let body = rest[start.upperBound..<end.lowerBound]
            let number = body.firstIndex(of: Character(Self.separator)).map { Int(body[..<$0]) ?? -1 } ?? -1
            let text = body.firstIndex(of: Character(Self.separator)).map { String(body[body.index(after: $0)...]) } ?? String(body)
            result.html += markup(Self.unescaped(text), directory: directory, section: number, into: &result)
            rest = rest[end.upperBound...]
        }
        result.html += rest
        return result
    }

    /// Whether `html` holds the start of a marker. Most pages hold none: this looks for the marker's first
    /// scalar as UTF-8 bytes with `memchr`, where Foundation's `contains` compares character clusters over
    /// the page's whole HTML.
    static func holdsMarker(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset + 2 < bytes.count, let found = memchr(base + offset, 0xEF, bytes.count - offset - 2) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[at + 1] == 0xB7 && bytes[at + 2] == 0x90 { return true }
                offset = at + 1
            }
            return false
        }
    }

    private func markup(_ text: String, directory: String?, section: Int, into result: inout Resolved) -> String {
        let (arguments, problem) = ShortcodeArgument.parse(list: text)
        if let problem {
            result.errors.append(("{{#image}}: \(problem)", section))
            return ""
        }
        var values: [String: String] = [:]
        for argument in arguments {
            guard let name = argument.name, ["src", "alt", "sizes", "class", "loading"].contains(name) else {
                result.errors.append(("{{#image}} takes src, alt, sizes, class and loading (got '\(argument.name ?? argument.value)')", section))
                return ""
            }
            // An empty value (a template's `sizes="{{sizes}}"` with no sizes given) is no value.
            if !argument.value.isEmpty { values[name] = argument.value }
        }
        guard let source = values["src"], !source.isEmpty else {
            result.errors.append(("{{#image}} needs src=\"…\" (the image's path)", section))
            return ""
        }
        guard let sitePath = catalog.sitePath(of: source, directory: directory) else {
            result.errors.append((ImageCatalog.missing(source), section))
            return ""
        }
        let alt = values["alt"] ?? ""
        switch catalog.markup(of: sitePath, alt: alt, sizes: values["sizes"], className: values["class"], eager: values["loading"] == "eager") {
        case .success(let html):
            result.resources.append(sitePath)
            if alt.allSatisfy(\.isWhitespace) {
                result.warnings.append(("image '\(source)' has no alt text: add alt=\"…\" describing it for readers who cannot see it", section))
            }
            return html
        case .failure(let error):
            result.errors.append((error.description, section))
            return ""
        }
    }

    /// Template values come HTML-escaped; the markup escapes them again.
    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
