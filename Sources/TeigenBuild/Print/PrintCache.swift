import Crypto
import Foundation
import TeigenCore
import TeigenImages

/// PDFs of the print edition kept between builds, outside the output folder (`.teigen-cache/print/`
/// beside the image cache), each under its ``PrintJob/key(engine:)``: a build whose documents did not
/// change takes their PDFs from here instead of running the engine (several seconds a document).
///
/// An entry is `DOC-KEY.pdf` with `DOC-KEY.json` (the page count and the engine's warnings), each written under a
/// temporary name and renamed into place (`Data.write` with `.atomic`), the JSON last: a reader sees a
/// whole entry or none. `DOC` names the document (a hash of its output path): storing a new PDF of a
/// document removes its older ones, so editing in the preview does not fill the disk.
struct PrintCache: Sendable {
    /// The cache's folder.
    let directory: String

    /// `.teigen-cache/print` in the folder that holds the site folder.
    init(forSite siteDirectory: URL) {
        directory = URL(fileURLWithPath: ImageCache.directory(forSite: siteDirectory.path)).deletingLastPathComponent()
            .appendingPathComponent("print").path
    }

    /// The PDF `job` made with `engine`, if the cache has all of it.
    func lookup(_ job: PrintJob, engine: WeasyPrint) -> PrintedDocument? {
        let name = name(of: job, engine: engine)
        guard let facts = FileManager.default.contents(atPath: path(name, "json")),
              let entry = try? JSONDecoder().decode(Entry.self, from: facts),
              let data = FileManager.default.contents(atPath: path(name, "pdf"))
        else { return nil }
        return PrintedDocument(data: data, pageCount: entry.pages, warnings: entry.warnings)
    }

    /// Keeps `document`, the PDF `job` made with `engine`, and removes the document's older PDFs.
    /// - Throws: when the folder cannot be written (the caller reports it as a warning: the build itself is fine).
    func store(_ document: PrintedDocument, of job: PrintJob, engine: WeasyPrint) throws {
        let name = name(of: job, engine: engine)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try document.data.write(to: URL(fileURLWithPath: path(name, "pdf")), options: .atomic)
        try JSONEncoder().encode(Entry(pages: document.pageCount, warnings: document.warnings))
            .write(to: URL(fileURLWithPath: path(name, "json")), options: .atomic)
        let older = Self.documentName(job.document)
        for file in try FileManager.default.contentsOfDirectory(atPath: directory) where file.hasPrefix(older) && !file.hasPrefix(name + ".") {
            try? FileManager.default.removeItem(atPath: directory + "/" + file)
        }
    }

    /// `DOC-KEY`: the entry's file name without its extension.
    private func name(of job: PrintJob, engine: WeasyPrint) -> String {
        Self.documentName(job.document) + job.key(engine: engine)
    }

    /// `DOC-`: what the names of a document's entries start with.
    private static func documentName(_ document: PrintDocument) -> String {
        AssetCatalog.hex(SHA256.hash(data: Data(document.outputPath.utf8)).prefix(6)) + "-"
    }

    private struct Entry: Codable {
        var pages: Int
        var warnings: [String]
    }

    private func path(_ name: String, _ extension: String) -> String {
        directory + "/" + name + "." + `extension`
    }
}
