import Foundation
import TeigenContent
import TeigenCore

/// JSON-LD structured data for a page, serialised with sorted keys and escaped for use inside `<script>`.
enum JSONLD {
    /// The JSON-LD of page `index`: its type, URL, language, title, description, dates, publisher and author,
    /// and, when it has translations, the work it translates (`translationOfWork`, for a page in a language
    /// other than the default) or its translations (`workTranslation`).
    static func object(forPageAt index: Int, graph: ContentGraph, description: String, urls: SiteURLs) -> String {
        let page = graph.pages[index]
        let language = graph.language(of: index)
        let matter = page.frontMatter
        let type = matter.schemaType ?? (page.kind == .home ? "WebSite" : "WebPage")
        var pairs: [(String, TemplateValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string(type)),
            ("url", .string(urls.absolute(page.url))), ("inLanguage", .string(language.code)),
        ]
        let work = { (other: Int) -> TemplateValue in
            .map([("@type", .string(type)), ("url", .string(urls.absolute(graph.pages[other].url))), ("inLanguage", .string(graph.pages[other].language))])
        }
        let translations = graph.translations(of: index)
        if !language.isDefault, let original = translations.first(where: { graph.language(of: $0).isDefault }) {
            pairs.append(("translationOfWork", work(original)))
        } else if language.isDefault, !translations.isEmpty {
            pairs.append(("workTranslation", .array(translations.map(work))))
        }
        pairs.append((type == "WebSite" ? "name" : "headline", .string(page.title)))
        if type == "WebSite" { pairs.append(("headline", .string(page.title))) }
        if !description.isEmpty { pairs.append(("description", .string(description))) }
        if let date = matter.date { pairs.append(("datePublished", .string(date.isoDate))) }
        if let lastmod = matter.lastmod ?? matter.date { pairs.append(("dateModified", .string(lastmod.isoDate))) }
        if !language.publisher.isEmpty {
            pairs.append(("publisher", .map([("@type", .string("Organization")), ("name", .string(language.publisher))])))
        }
        if !language.author.isEmpty {
            pairs.append(("author", .map([("@type", .string("Organization")), ("name", .string(language.author))])))
        }
        return encode(pairs)
    }

    /// Encodes pairs as a JSON object with keys sorted; `<`, `>` and `&` are escaped so the text is safe in `<script>`.
    /// Written as UTF-8 bytes and made a String once (it is made for every page: appending each piece to a String
    /// and making a String of each quoted value cost about a twentieth of the own theme's build).
    static func encode(_ pairs: [(String, TemplateValue)]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(.map(pairs), into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ value: TemplateValue, into output: inout [UInt8]) {
        switch value {
        case .null: output += "null".utf8
        case .bool(let b): output += (b ? "true" : "false").utf8
        case .int(let i): output += String(i).utf8
        case .double(let d): output += String(d).utf8
        case .string(let s): quote(s, into: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .map(let pairs):
            output.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.sorted(by: { $0.0 < $1.0 }).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                quote(pair.0, into: &output)
                output.append(UInt8(ascii: ":"))
                write(pair.1, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal.
    static func quote(_ text: String) -> String {
        var output: [UInt8] = []
        quote(text, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal, escaped for `<script>`: `<`, `>`, `&`, control characters and
    /// U+2028 and U+2029 (which end a line in JavaScript) as `\uXXXX`.
    private static func quote(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 8)
            out.append(UInt8(ascii: "\""))
            // Runs of bytes that need no escape are copied whole.
            var start = 0
            var index = 0
            func flush(upTo end: Int) {
                if start < end { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end])) }
            }
            func escape(_ value: Int) {
                let digits: StaticString = "0123456789abcdef"
                let hex = digits.utf8Start
                out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[value >> 12 & 0xF], hex[value >> 8 & 0xF], hex[value >> 4 & 0xF], hex[value & 0xF]]
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                    flush(upTo: index)
                    let letter: UInt8 = switch byte {
                    case UInt8(ascii: "\n"): UInt8(ascii: "n")
                    case UInt8(ascii: "\r"): UInt8(ascii: "r")
                    case UInt8(ascii: "\t"): UInt8(ascii: "t")
                    default: byte
                    }
                    out += [UInt8(ascii: "\\"), letter]
                    index += 1
                    start = index
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20:
                    flush(upTo: index)
                    escape(Int(byte))
                    index += 1
                    start = index
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end a line in JavaScript.
                    flush(upTo: index)
                    escape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 3
                    start = index
                default:
                    index += 1
                }
            }
            flush(upTo: bytes.count)
            out.append(UInt8(ascii: "\""))
        }
    }
}
