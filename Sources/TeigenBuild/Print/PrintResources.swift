import Foundation
import TeigenCore

/// The files of the site that a print document refers to: its stylesheets, images and what the
/// stylesheets' `url(…)`s name, found in the document's HTML (where ``PrintLinks`` and the `asset` lambda
/// left them as paths relative to the output's root) and given to the engine with the HTML.
struct PrintResources {
    /// Every file the site's output will hold besides pages, by its path in the output (`css/print.3f2a9c1b.css`).
    let files: [String: Data]

    /// The files among `outputs` (the copied files: the theme's assets, `static/`, the files beside pages).
    init(_ outputs: [OutputFile]) {
        var files: [String: Data] = [:]
        for output in outputs { files[output.path] = output.data }
        self.files = files
    }

    /// The files `html` refers to, and those its stylesheets refer to, by path.
    func referenced(by html: String) -> [String: Data] {
        var found: [String: Data] = [:]
        var queue = Self.references(inHTML: html).map { ("", $0) }
        while let (from, reference) = queue.popLast() {
            guard let path = Self.resolve(reference, from: from), found[path] == nil, let data = files[path] else { continue }
            found[path] = data
            if path.lowercased().hasSuffix(".css") {
                queue += Self.references(inCSS: String(decoding: data, as: UTF8.self)).map { (path, $0) }
            }
        }
        return found
    }

    /// `href` of `<link>`, `src` and `srcset` of `<img>` and `<source>`, `href` of SVG `<image>` and `<use>`.
    static func references(inHTML html: String) -> [String] {
        let bytes = Array(html.utf8)
        var references: [String] = []
        for tag in HTMLTag.tags(in: bytes) where !tag.isEnd {
            switch tag.name {
            case "link", "image", "use":
                references += [tag.attribute("href", in: bytes), tag.attribute("xlink:href", in: bytes)].compactMap { $0 }
            case "img", "source":
                references += [tag.attribute("src", in: bytes)].compactMap { $0 }
                // `srcset`: candidates separated by commas, each a URL and perhaps a width or density.
                for candidate in (tag.attribute("srcset", in: bytes) ?? "").split(separator: ",") {
                    if let url = candidate.split(separator: " ").first { references.append(String(url)) }
                }
            default: continue
            }
        }
        return references.map(HTMLScan.decodeEntities)
    }

    /// The URLs of `url(…)` and `@import "…"` in a stylesheet.
    static func references(inCSS css: String) -> [String] {
        var references: [String] = []
        var rest = css[...]
        while let open = rest.range(of: "url(") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ")") else { break }
            references.append(rest[..<close].trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\"'")))
            rest = rest[close...]
        }
        rest = css[...]
        while let rule = rest.range(of: "@import") {
            rest = rest[rule.upperBound...].drop(while: \.isWhitespace)
            guard let quote = rest.first, quote == "\"" || quote == "'", let close = rest.dropFirst().firstIndex(of: quote) else { continue }
            references.append(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[close...]
        }
        return references
    }

    /// The output path `reference` (written in the file at output path `from`, "" for the document) leads
    /// to, or nil when it leads off the site (`data:`, `https:`).
    static func resolve(_ reference: String, from: String) -> String? {
        let path = URLPath.splitSuffix(reference).path
        guard !path.isEmpty, !URLPath.isExternal(path), !path.hasPrefix("data:"), !path.hasPrefix("/") else { return nil }
        var segments = from.split(separator: "/").dropLast().map(String.init)
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case ".": continue
            case "..": if segments.popLast() == nil { return nil }
            default: segments.append(String(segment))
            }
        }
        return URLPath.decode(segments.joined(separator: "/"))
    }
}
