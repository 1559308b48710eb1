/// The `Content-Type` of an output file, from its extension.
enum ContentType {
    /// The type served for `.html` files and generated pages.
    static let html = "text/html; charset=utf-8"
    /// The type of plain-text answers (errors, `404` without a page).
    static let plainText = "text/plain; charset=utf-8"
    /// The type served for files of unknown kinds.
    static let fallback = "application/octet-stream"

    private static let byExtension: [String: String] = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json", "map": "application/json",
        "webmanifest": "application/manifest+json",
        "xml": "application/xml; charset=utf-8",
        "atom": "application/atom+xml; charset=utf-8",
        "rss": "application/rss+xml; charset=utf-8",
        "xsl": "application/xslt+xml; charset=utf-8",
        "txt": plainText, "md": "text/markdown; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "wasm": "application/wasm", "zip": "application/zip",
        "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg",
    ]

    /// The type for an output-relative path such as `css/style.3f2a9c1b.css`.
    static func forPath(_ path: String) -> String {
        byExtension[fileExtension(of: path)] ?? fallback
    }

    /// Whether the path names an HTML page (which gets the live-reload script).
    static func isHTML(_ path: String) -> Bool {
        forPath(path) == html
    }

    private static func fileExtension(of path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
