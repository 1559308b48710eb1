import Foundation
import TeigenCore

/// Makes a page's ids and links right for a chapter of a print document, where several pages share
/// one HTML file and the PDF is read away from the site:
/// - every `id` gets the chapter's anchor as a prefix (`提言-1` → `proposals-1--提言-1`), so that the
///   pages' ids cannot collide, and `href="#x"` follows;
/// - a link to a page of the document (with or without a fragment) becomes a link inside the PDF
///   (`/proposals/2/#x` → `#proposals-2--x`);
/// - a link to any other page or file of the site becomes its absolute URL (`https://example.org/about/`);
/// - an image (`src`) of the site becomes a path relative to the site's root, which the engine reads
///   from the output folder.
struct PrintLinks: Sendable {
    let urls: SiteURLs
    /// The chapter anchor of each page of the document, by site path (`/proposals/1/`).
    let anchors: [String: String]

    /// `html` (one page's body, `page` its site path) with its ids and links rewritten for chapter `anchor`.
    func rewrite(_ html: String, page: String, anchor: String) -> String {
        let bytes = Array(html.utf8)
        var edits = HTMLEdits()
        for tag in HTMLTag.tags(in: bytes) where !tag.isEnd {
            for (name, range) in tag.attributes where !range.isEmpty {
                let value = HTMLScan.decodeEntities(String(decoding: bytes[range], as: UTF8.self))
                switch name {
                case "id": edits.replace(range, with: HTMLText.escape(Self.id(value, in: anchor)))
                case "href": edits.replace(range, with: HTMLText.escape(href(value, page: page, anchor: anchor)))
                case "src": edits.replace(range, with: HTMLText.escape(source(value)))
                default: break
                }
            }
        }
        return String(decoding: edits.applied(to: bytes), as: UTF8.self)
    }

    /// The id `id` of a page's body as it is in the chapter `anchor`.
    static func id(_ id: String, in anchor: String) -> String {
        anchor + "--" + id
    }

    /// The chapter anchor of a page at site path `url`: its path's segments joined by `-`, or `top` for the home page.
    static func anchor(ofPageAt url: String) -> String {
        let segments = url.split(separator: "/")
        return segments.isEmpty ? "top" : segments.joined(separator: "-")
    }

    /// Where a link (`value`, character references decoded) of the page at site path `page` points in the print document.
    func href(_ value: String, page: String, anchor: String) -> String {
        if value.hasPrefix("#") { return "#" + Self.id(String(value.dropFirst()), in: anchor) }
        let (path, fragment) = Self.split(value)
        guard let sitePath = sitePath(of: path, page: page) else { return value }
        let decoded = URLPath.decode(sitePath) ?? sitePath
        if let target = anchors[decoded] {
            return "#" + (fragment.map { Self.id($0, in: target) } ?? target)
        }
        return urls.absolute(decoded) + (fragment.map { "#" + $0 } ?? "")
    }

    /// Where an image or other embedded file is read from: a path relative to the site's root for the
    /// site's own files, the value itself otherwise.
    func source(_ value: String) -> String {
        guard value.hasPrefix(urls.basePath), !value.hasPrefix("//") else { return value }
        return String(value.dropFirst(urls.basePath.count))
    }

    /// The site path (`/about/`) a link leads to, or nil when it leads off the site.
    private func sitePath(of path: String, page: String) -> String? {
        var path = path
        if path.hasPrefix(urls.origin + urls.basePath) {
            path = String(path.dropFirst(urls.origin.count))
        } else if path.hasPrefix("//") || path.contains(":") && !path.hasPrefix("/") {
            return nil
        } else if !path.hasPrefix("/") {
            // A relative link: resolved against the page's own URL.
            guard let base = URL(string: urls.absolute(page)), let resolved = URL(string: path, relativeTo: base) else { return nil }
            return sitePath(of: resolved.absoluteString, page: page)
        }
        guard path.hasPrefix(urls.basePath) else { return nil }
        return "/" + path.dropFirst(urls.basePath.count)
    }

    private static func split(_ value: String) -> (path: String, fragment: String?) {
        guard let hash = value.firstIndex(of: "#") else { return (value, nil) }
        let fragment = String(value[value.index(after: hash)...])
        return (String(value[..<hash]), fragment.isEmpty ? nil : fragment)
    }
}
