import Crypto
import Foundation
import TeigenCore

/// What the engine needs to make one PDF: the document's HTML and the files it refers to (the print
/// stylesheet, images), by their path in the output folder. Its ``key`` names the PDF in the cache: the
/// same HTML, files and engine give the same bytes.
struct PrintJob: Sendable {
    let document: PrintDocument
    let html: String
    /// The files the HTML (and its stylesheets) refer to, by path in the output folder (`css/print.3f2a9c1b.css`).
    let resources: [String: Data]

    /// SHA-256 over everything that decides the PDF's bytes, in hexadecimal.
    func key(engine: WeasyPrint) -> String {
        var hash = SHA256()
        func add(_ text: String) {
            hash.update(data: Data(text.utf8))
            hash.update(data: Data([0]))
        }
        for part in [engine.packages, WeasyPrint.driver, html] { add(part) }
        for path in resources.keys.sorted() {
            add(path)
            add(String(resources[path]!.count))
            hash.update(data: resources[path]!)
        }
        return AssetCatalog.hex(hash.finalize())
    }
}
