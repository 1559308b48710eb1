import Foundation
import TeigenContent
import TeigenCore

/// JSON-LD structured data for a page, serialised with sorted keys and escaped for use inside `<script>`.
enum JSONLD {
    static func object(for page: Page, description: String, config: SiteConfig, urls: SiteURLs) -> String {
        let matter = page.frontMatter
        let type = matter.schemaType ?? (page.kind == .home ? "WebSite" : "WebPage")
        var pairs: [(String, TemplateValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string(type)),
            ("url", .string(urls.absolute(page.url))), ("inLanguage", .string(config.language)),
        ]
        pairs.append((type == "WebSite" ? "name" : "headline", .string(page.title)))
        if type == "WebSite" { pairs.append(("headline", .string(page.title))) }
        if !description.isEmpty { pairs.append(("description", .string(description))) }
        if let date = matter.date { pairs.append(("datePublished", .string(date.isoDate))) }
        if let lastmod = matter.lastmod ?? matter.date { pairs.append(("dateModified", .string(lastmod.isoDate))) }
        if !config.publisher.isEmpty {
            pairs.append(("publisher", .map([("@type", .string("Organization")), ("name", .string(config.publisher))])))
        }
        if !config.author.isEmpty {
            pairs.append(("author", .map([("@type", .string("Organization")), ("name", .string(config.author))])))
        }
        return encode(pairs)
    }

    /// Encodes pairs as a JSON object with keys sorted; `<`, `>` and `&` are escaped so the text is safe in `<script>`.
    static func encode(_ pairs: [(String, TemplateValue)]) -> String {
        func json(_ value: TemplateValue) -> String {
            switch value {
            case .null: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .int(let i): return String(i)
            case .double(let d): return String(d)
            case .string(let s): return quote(s)
            case .array(let items): return "[" + items.map(json).joined(separator: ",") + "]"
            case .map(let pairs):
                return "{" + pairs.sorted { $0.0 < $1.0 }.map { quote($0.0) + ":" + json($0.1) }.joined(separator: ",") + "}"
            }
        }
        return json(.map(pairs))
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
