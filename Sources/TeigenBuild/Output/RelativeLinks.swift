import TeigenCore

/// With `relativeURLs: true`, rewrites every root-relative `href`, `src` and `srcset` URL of an HTML page
/// into a URL relative to that page, pointing at `index.html` for folders so the site also works from disk.
struct RelativeLinks {
    let basePath: String

    func rewrite(_ html: String, pageOutputPath: String) -> String {
        let pagePath = "/" + pageOutputPath
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var rest = Substring(html)
        let markers = ["href=\"", "src=\"", "srcset=\""]
        while let (range, marker) = markers.compactMap({ marker in rest.range(of: marker).map { ($0, marker) } }).min(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            output += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            let value = String(rest[..<close])
            output += marker == "srcset=\"" ? relativize(candidates: value, from: pagePath) : relativize(value, from: pagePath)
            rest = rest[close...]
        }
        output += rest
        return output
    }

    /// A `srcset`: each candidate's URL made relative, its width or density kept (`a.webp 480w, b.webp 960w`).
    func relativize(candidates: String, from pagePath: String) -> String {
        candidates.split(separator: ",").map { candidate in
            let parts = candidate.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard let url = parts.first else { return String(candidate) }
            return relativize(String(url), from: pagePath) + (parts.count > 1 ? " " + parts[1] : "")
        }.joined(separator: ", ")
    }

    func relativize(_ url: String, from pagePath: String) -> String {
        guard url.hasPrefix(basePath), !url.hasPrefix("//") else { return url }
        let sitePath = "/" + url.dropFirst(basePath.count)
        var (path, suffix) = URLPath.splitSuffix(sitePath)
        if path.hasSuffix("/") { path += "index.html" }
        return URLPath.relative(from: pagePath, to: path) + suffix
    }
}
