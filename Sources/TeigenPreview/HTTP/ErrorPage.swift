import Foundation
import TeigenCore

/// The page served for every HTML request while there is no good build to serve: while the first
/// build runs, or after it failed. It has the overlay's markup and stylesheet (light or dark, readable
/// from 320 px) and the site's language, and reads without JavaScript; the live-reload script reloads
/// it once a build succeeds and shows a newer error in it (`teigen-message`).
enum ErrorPage {
    /// The page's HTML, before the live-reload script is added: the error of `failure`, or, without
    /// one, that the site is being built.
    static func html(for failure: BuildFailure?, text: OverlayText) -> Data {
        let title = failure == nil ? text[.building] : text[.buildFailed]
        let hint = failure == nil ? text[.buildingHint] : text[.buildFailedHint]
        let errors = failure.map { "<div id=\"teigen-message\">\(sections(for: $0))</div>\n" } ?? ""
        let page = """
            <!doctype html>
            <html lang="\(text.language)" data-teigen="\(failure == nil ? "building" : "error")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(HTMLText.escape(title)) – Teigen</title>
            <style>
            body{margin:0}
            \(LiveReloadScript.overlayStyle)
            </style>
            </head>
            <body>
            <main class="panel">
            <div class="head"><h1 class="\(failure == nil ? "title busy" : "title")">\(HTMLText.escape(title))</h1></div>
            <p class="hint">\(HTMLText.escape(hint))</p>
            \(errors)</main>
            </body>
            </html>

            """
        return Data(page.utf8)
    }

    /// One section per diagnostic, as the overlay shows them: the first line (where and what), then the
    /// source line and caret as the terminal prints them.
    private static func sections(for failure: BuildFailure) -> String {
        let texts = failure.diagnostics.isEmpty ? [failure.message] : failure.diagnostics.map(\.text)
        return texts.map { text in
            let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            let source = lines.count > 1 ? "<pre>\(HTMLText.escape(String(lines[1])))</pre>" : ""
            return "<section class=\"diagnostic\"><p class=\"where\">\(HTMLText.escape(String(lines[0])))</p>\(source)</section>"
        }.joined()
    }
}
