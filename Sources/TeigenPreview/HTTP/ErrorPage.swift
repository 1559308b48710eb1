import Foundation

/// The page served for every HTML request while no build has succeeded yet: the error, readable
/// without JavaScript; the live-reload script adds the overlay and reloads once the error is fixed.
enum ErrorPage {
    /// The page's HTML, before the live-reload script is added.
    static func html(for failure: BuildFailure?) -> Data {
        let message = failure?.message ?? "The site has not been built yet."
        let page = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Build failed – Teigen</title></head>
            <body>
            <h1>The site could not be built</h1>
            <pre>\(LiveReloadScript.escape(message))</pre>
            <p>Fix the error and save: this page reloads by itself.</p>
            </body>
            </html>

            """
        return Data(page.utf8)
    }
}
