import TeigenCore

/// The redirect page written at an old URL (front matter `aliases`): meta refresh plus canonical link.
struct AliasPage {
    let urls: SiteURLs
    let language: String

    func render(title: String, target: String) -> String {
        let rooted = HTMLText.escape(urls.rooted(target))
        let absolute = HTMLText.escape(urls.absolute(target))
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLText.escape(language))">
            <head>
            <meta charset="utf-8">
            <title>\(HTMLText.escape(title))</title>
            <link rel="canonical" href="\(absolute)">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(rooted)">
            </head>
            <body>
            <p><a href="\(rooted)">\(HTMLText.escape(title))</a></p>
            </body>
            </html>

            """
    }

    /// The output file of an alias path: `/old/` → `old/index.html`, `/old.html` → `old.html`, `/old` → `old/index.html`.
    static func outputPath(of alias: String) -> String {
        let trimmed = String(alias.drop(while: { $0 == "/" }))
        if trimmed.isEmpty { return "index.html" }
        if alias.hasSuffix("/") { return trimmed + "index.html" }
        if (trimmed.split(separator: "/").last ?? "").contains(".") { return trimmed }
        return trimmed + "/index.html"
    }
}
