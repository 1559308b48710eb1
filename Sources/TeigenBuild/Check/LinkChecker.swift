import Foundation
import TeigenCore

/// Checks a built site: every internal `href`/`src` resolves to a file, every `#fragment` exists on its
/// target page, and every page can be reached from the home page.
public struct LinkChecker: Sendable {
    /// A link that leads nowhere.
    public struct BrokenLink: Sendable, Hashable, Codable {
        /// The output page holding the link (`proposals/1/index.html`).
        public var page: String
        public var url: String
        public var reason: String
        /// `path:line:column` of the Markdown source, where known.
        public var source: String?
    }

    /// The result of a check.
    public struct Report: Sendable, Codable {
        public var broken: [BrokenLink]
        /// Pages that no link leads to from the home page.
        public var orphans: [String]
        /// External URLs, sorted, each once.
        public var external: [String]
        public var checkedPages: Int
    }

    public let root: URL
    /// `/` or `/sub/path/`: the path under which the output is served.
    public let basePath: String

    /// The site's absolute base URL, when known: absolute links below it are checked as internal ones.
    public let baseURL: String?

    public init(root: URL, basePath: String, baseURL: String? = nil) {
        self.root = root
        self.basePath = basePath
        self.baseURL = baseURL
    }

    /// Runs the check over every HTML file below `root`. `sources` maps output pages to Markdown sources.
    public func check(sources: [String: String] = [:]) throws -> Report {
        let files = try DiskFileSystem().files(under: root.path)
        let fileSet = Set(files)
        var ids: [String: Set<String>] = [:]
        var links: [String: [String]] = [:]
        var redirects = Set<String>()
        for file in files where file.hasSuffix(".html") {
            let html = String(decoding: try Data(contentsOf: root.appendingPathComponent(file)), as: UTF8.self)
            let scan = HTMLScan(html)
            ids[file] = scan.ids
            links[file] = scan.links
            if html.contains("http-equiv=\"refresh\"") { redirects.insert(file) }
        }
        var broken: [BrokenLink] = []
        var external = Set<String>()
        var edges: [String: Set<String>] = [:]
        for (page, urls) in links {
            for url in urls {
                if url.hasPrefix("mailto:") || url.hasPrefix("tel:") || url.hasPrefix("data:") || url.hasPrefix("javascript:") { continue }
                var url = url
                if let baseURL, url.hasPrefix(baseURL) {
                    url = basePath + url.dropFirst(baseURL.count)
                } else if URLPath.isExternal(url) {
                    external.insert(url)
                    continue
                }
                let (target, fragment) = resolve(url, from: page)
                guard let target else {
                    broken.append(BrokenLink(page: page, url: url, reason: "points outside the site's base path \(basePath)", source: sources[page]))
                    continue
                }
                guard let file = existingFile(target, in: fileSet) else {
                    broken.append(BrokenLink(page: page, url: url, reason: "no such file in the output", source: sources[page]))
                    continue
                }
                if file.hasSuffix(".html") { edges[page, default: []].insert(file) }
                if let fragment, !fragment.isEmpty, file.hasSuffix(".html") {
                    let decoded = URLPath.decode(fragment) ?? fragment
                    if !(ids[file]?.contains(decoded) ?? false) && !(ids[file]?.contains(fragment) ?? false) {
                        broken.append(BrokenLink(page: page, url: url, reason: "no element with id '\(decoded)' on \(file)", source: sources[page]))
                    }
                }
            }
        }
        // Reachability from the home page.
        var reached = Set<String>(["index.html"])
        var queue = ["index.html"]
        while let page = queue.popLast() {
            for next in edges[page] ?? [] where reached.insert(next).inserted { queue.append(next) }
        }
        // A not-found page (`404.html`, and a language's `en/404.html`) is shown at missing URLs, never linked.
        let notFound = { (path: String) in path == "404.html" || (path.hasSuffix("/404.html") && path.split(separator: "/").count == 2) }
        let orphans = files.filter { $0.hasSuffix(".html") && !reached.contains($0) && !notFound($0) && !redirects.contains($0) }
        return Report(
            broken: broken.sorted { ($0.page, $0.url) < ($1.page, $1.url) }, orphans: orphans.sorted(),
            external: external.sorted(), checkedPages: links.count)
    }

    /// The output-relative path a URL on `page` leads to (nil when outside the base path), and its fragment.
    func resolve(_ url: String, from page: String) -> (String?, String?) {
        let (pathPart, suffix) = URLPath.splitSuffix(url)
        var fragment: String?
        if let hash = suffix.firstIndex(of: "#") { fragment = String(suffix[suffix.index(after: hash)...]) }
        let decoded = URLPath.decode(pathPart) ?? pathPart
        var absolute: String
        if decoded.isEmpty {
            return (page, fragment)
        } else if decoded.hasPrefix("/") {
            guard decoded.hasPrefix(basePath) || decoded + "/" == basePath else { return (nil, fragment) }
            absolute = String(decoded.dropFirst(min(basePath.count, decoded.count)))
        } else {
            let directory = (page as NSString).deletingLastPathComponent
            absolute = directory.isEmpty ? decoded : directory + "/" + decoded
        }
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return (nil, fragment) }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        var result = parts.joined(separator: "/")
        if decoded.hasSuffix("/") || result.isEmpty { result += result.isEmpty ? "index.html" : "/index.html" }
        return (result, fragment)
    }

    private func existingFile(_ path: String, in files: Set<String>) -> String? {
        if files.contains(path) { return path }
        if files.contains(path + "/index.html") { return path + "/index.html" }
        return nil
    }
}

/// Finds `id`, `href` and `src` attribute values in HTML, decoding character references.
struct HTMLScan {
    var ids = Set<String>()
    var links: [String] = []

    init(_ html: String) {
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "=") else { index += 1; continue }
            // Attribute name before '='.
            var nameStart = index
            while nameStart > 0, Self.isNameByte(bytes[nameStart - 1]) { nameStart -= 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            guard nameStart > 0, bytes[nameStart - 1] == UInt8(ascii: " ") || bytes[nameStart - 1] == UInt8(ascii: "\n") || bytes[nameStart - 1] == UInt8(ascii: "\t"),
                index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "'")
            else { index += 1; continue }
            let quote = bytes[index + 1]
            var end = index + 2
            while end < bytes.count, bytes[end] != quote { end += 1 }
            let value = Self.decodeEntities(String(decoding: bytes[(index + 2)..<min(end, bytes.count)], as: UTF8.self))
            switch name {
            case "id", "name": ids.insert(value)
            case "href", "src": links.append(value.trimmingCharacters(in: .whitespaces))
            default: break
            }
            index = end + 1
        }
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "-")
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
