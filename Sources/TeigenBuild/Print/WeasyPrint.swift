import Foundation
import TeigenCore

/// The print edition's typesetting engine: [WeasyPrint](https://weasyprint.org) (PyPI `weasyprint`), run
/// once per document as a process of its own through its Python API (``driver``).
///
/// ```swift
/// let engine = try WeasyPrint.locate()
/// let pdf = try await engine.print(html, assets: stagingFolder, to: stagingFolder.appending(path: "print/ja.pdf"))
/// print(pdf.pageCount, pdf.byteCount)
/// ```
///
/// The PDF is A4 (from the print stylesheet), tagged (PDF/UA-1, with the document's language and title) and
/// the same bytes for the same HTML, stylesheet, fonts and WeasyPrint version: its dates are the HTML's
/// `dcterms.created`/`dcterms.modified` (taken from the pages' dates), never the clock; its file identifier
/// is a hash of its content; font subsets are named from a hash of the glyphs; Python's string hashing is
/// fixed (`PYTHONHASHSEED=0`). Only `file:` and `data:` URLs are read, so a build never reaches the network.
public struct WeasyPrint: Sendable {
    /// The Python interpreter that imports `weasyprint`.
    public let python: String
    /// WeasyPrint's version (`70.0`).
    public let version: String
    /// The oldest WeasyPrint whose output the print stylesheet was made and checked with.
    public static let minimumMajorVersion = 70
    /// How to get WeasyPrint, for messages.
    public static let installHint =
        "install it with 'python3 -m pip install \"weasyprint>=\(minimumMajorVersion)\"' (or run 'make site'), or set TEIGEN_WEASYPRINT_PYTHON to a Python that has it"

    /// Finds a Python 3 that imports WeasyPrint \(minimumMajorVersion) or later: `$TEIGEN_WEASYPRINT_PYTHON`, then each
    /// `python3` on PATH, then `/usr/bin/python3`. `location` is where the document that needs it is asked
    /// for (config.yaml), for the message when there is none.
    public static func locate(for location: SourceLocation = SourceLocation(path: "config.yaml")) async throws(DiagnosticError) -> WeasyPrint {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let explicit = environment["TEIGEN_WEASYPRINT_PYTHON"], !explicit.isEmpty { candidates.append(explicit) }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            candidates.append("\(folder)/python3")
        }
        candidates.append("/usr/bin/python3")
        var tooOld: [String] = []
        var seen = Set<String>()
        for python in candidates where seen.insert(python).inserted && FileManager.default.isExecutableFile(atPath: python) {
            guard let result = try? await EngineProcess.run([python, "-c", "import weasyprint; print(weasyprint.__version__)"]),
                  result.status == 0
            else { continue }
            let version = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if let major = Int(version.prefix(while: \.isNumber)), major >= minimumMajorVersion {
                return WeasyPrint(python: python, version: version)
            }
            tooOld.append("\(version) (\(python))")
        }
        if !tooOld.isEmpty {
            throw DiagnosticError(.error(
                "the print edition needs WeasyPrint \(minimumMajorVersion) or later; found only \(tooOld.joined(separator: ", ")); \(installHint)",
                at: location))
        }
        throw DiagnosticError(.error("the print edition (pdf: in config.yaml) needs WeasyPrint, which was not found; \(installHint)", at: location))
    }

    public init(python: String, version: String) {
        self.python = python
        self.version = version
    }

    /// Typesets `html` into a PDF at `output`. Relative URLs in the HTML (the stylesheet, images) are read
    /// from the folder `assets`. Cancelling the task stops WeasyPrint.
    /// - Returns: the PDF's size, page count and WeasyPrint's warnings (unknown CSS, a missing image…).
    public func print(_ html: String, assets: URL, to output: URL) async throws(DiagnosticError) -> PrintedDocument {
        let base = URL(fileURLWithPath: assets.path, isDirectory: true).absoluteString
        let result: EngineProcess.Result
        do {
            result = try await EngineProcess.run(
                [python, "-c", Self.driver, base, output.path], input: Data(html.utf8), environment: ["PYTHONHASHSEED": "0"])
        } catch is CancellationError {
            throw DiagnosticError(.error("the print edition was cancelled", at: SourceLocation(path: output.lastPathComponent)))
        } catch {
            throw DiagnosticError(.error("cannot start WeasyPrint (\(python)): \(error)", at: SourceLocation(path: output.lastPathComponent)))
        }
        let report = try? JSONDecoder().decode(Report.self, from: result.output)
        guard result.status == 0, let report else {
            let detail = String(decoding: result.errors, as: UTF8.self).split(separator: "\n").suffix(8).joined(separator: "\n")
            throw DiagnosticError(.error(
                "WeasyPrint failed on \(output.lastPathComponent) with exit code \(result.status): \(detail)", at: SourceLocation(path: output.lastPathComponent)))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
        return PrintedDocument(byteCount: size, pageCount: report.pages, warnings: report.warnings)
    }

    /// What the driver prints when it is done.
    private struct Report: Decodable {
        var pages: Int
        var warnings: [String]
    }

    /// The Python run for each document: reads the HTML from standard input, lays it out, writes the PDF
    /// (arguments: base URL, output path) and prints `{"pages": N, "warnings": [...]}`. WeasyPrint's own
    /// command line does the same but says neither the page count nor which warnings it gave.
    static let driver = """
        import json, logging, sys
        import weasyprint
        from weasyprint.urls import URLFetcher

        class Warnings(logging.Handler):
            def __init__(self):
                super().__init__(logging.WARNING)
                self.messages = []
            def emit(self, record):
                self.messages.append(record.getMessage())

        warnings = Warnings()
        logger = logging.getLogger('weasyprint')
        logger.addHandler(warnings)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
        base_url, output = sys.argv[1], sys.argv[2]
        html = sys.stdin.buffer.read().decode('utf-8')
        options = {'pdf_variant': 'pdf/ua-1', 'pdf_tags': True, 'pdf_identifier': True}
        fetcher = URLFetcher(allowed_protocols=['file', 'data'])
        document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(**options)
        document.write_pdf(output, **options)
        print(json.dumps({'pages': len(document.pages), 'warnings': warnings.messages}))
        """
}
