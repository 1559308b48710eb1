import Foundation
import TeigenCore

/// The print edition's typesetting engine: [WeasyPrint](https://weasyprint.org) (PyPI `weasyprint`), run
/// once per document as a process of its own through its Python API (``driver``).
///
/// ```swift
/// let engine = try await WeasyPrint.locate()
/// let pdf = try await engine.print(job)       // the document's HTML and the files it refers to
/// print(pdf.pageCount, pdf.byteCount)
/// ```
///
/// The PDF is A4 (from the print stylesheet), tagged (PDF/UA-1, with the document's language and title) and
/// the same bytes for the same HTML, stylesheet, fonts and WeasyPrint version: its dates are the HTML's
/// `dcterms.created`/`dcterms.modified` (taken from the pages' dates), never the clock; its file identifier
/// is a hash of its content; font subsets are named from a hash of the glyphs; Python's string hashing is
/// fixed (`PYTHONHASHSEED=0`). The engine reads only the files of the job (given on its standard input)
/// and `data:` URLs: it never reads the disk or the network for the document.
public struct WeasyPrint: Sendable, Hashable {
    /// The Python interpreter that imports `weasyprint`.
    public let python: String
    /// WeasyPrint's version (`70.0`).
    public let version: String
    /// The versions of WeasyPrint and of the packages that decide the PDF's bytes and layout
    /// (`weasyprint 70.0, pydyf 0.13.0, fonttools 4.69.1, …`): part of the cache's key.
    public let packages: String
    /// The packages named in ``packages``.
    static let packageNames = ["weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "pyphen"]
    /// The oldest WeasyPrint whose output the print stylesheet was made and checked with.
    public static let minimumMajorVersion = 70
    /// How to get WeasyPrint, for messages.
    public static let installHint =
        "install it with 'python3 -m pip install weasyprint==70.0' (or run 'make site', which does), or set TEIGEN_WEASYPRINT_PYTHON to a Python that has it"

    /// Finds a Python 3 that has WeasyPrint \(minimumMajorVersion) or later (asked of its package metadata, which
    /// takes a fraction of importing WeasyPrint, so that a build that finds its PDFs in the cache is quick): `$TEIGEN_WEASYPRINT_PYTHON` alone when it
    /// is set, else each `python3` on `$PATH`, then `/usr/bin/python3`. `location` is where the document that
    /// needs it is asked for (config.yaml), for the message when there is none.
    public static func locate(
        for location: SourceLocation = SourceLocation(path: "config.yaml"), environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(DiagnosticError) -> WeasyPrint {
        var candidates: [String] = []
        if let explicit = environment["TEIGEN_WEASYPRINT_PYTHON"], !explicit.isEmpty {
            candidates.append(explicit)
        } else {
            for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
                candidates.append("\(folder)/python3")
            }
            candidates.append("/usr/bin/python3")
        }
        var tooOld: [String] = []
        var seen = Set<String>()
        for python in candidates where seen.insert(python).inserted && FileManager.default.isExecutableFile(atPath: python) {
            guard let result = try? await EngineProcess.run([python, "-c", Self.versions] + Self.packageNames), result.status == 0 else { continue }
            let versions = String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
            guard versions.count == packageNames.count, let version = versions.first, version != "-" else { continue }
            if let major = Int(version.prefix(while: \.isNumber)), major >= minimumMajorVersion {
                let packages = zip(packageNames, versions).map { "\($0) \($1)" }.joined(separator: ", ")
                return WeasyPrint(python: python, version: version, packages: packages)
            }
            tooOld.append("\(version) (\(python))")
        }
        // A cancelled search stops each try: nothing is known about the Pythons then.
        try BuildPipeline.checkCancellation()
        if !tooOld.isEmpty {
            throw DiagnosticError(.error(
                "the print edition needs WeasyPrint \(minimumMajorVersion) or later; found only \(tooOld.joined(separator: ", ")); \(installHint)",
                at: location))
        }
        throw DiagnosticError(.error("the print edition ('pdf' in config.yaml) needs WeasyPrint, which was not found; \(installHint)", at: location))
    }

    public init(python: String, version: String, packages: String? = nil) {
        self.python = python
        self.version = version
        self.packages = packages ?? "weasyprint \(version)"
    }

    /// Prints the version of each package named in its arguments, one a line (`-` for one not installed).
    static let versions = """
        import sys
        from importlib.metadata import version, PackageNotFoundError
        def installed(name):
            try:
                return version(name)
            except PackageNotFoundError:
                return '-'
        print('\\n'.join(installed(name) for name in sys.argv[1:]))
        """

    /// Typesets `job` into a PDF. Cancelling the task stops WeasyPrint.
    /// - Returns: the PDF, its page count and WeasyPrint's warnings (unknown CSS, a missing image…).
    func print(_ job: PrintJob) async throws(DiagnosticError) -> PrintedDocument {
        let location = job.document.location
        let result: EngineProcess.Result
        do {
            result = try await EngineProcess.run([python, "-c", Self.driver], input: try Self.input(of: job), environment: ["PYTHONHASHSEED": "0"])
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw DiagnosticError(.error("cannot start WeasyPrint (\(python)) for '\(job.document.outputPath)': \(error)", at: location))
        }
        guard result.status == 0, let newline = result.output.firstIndex(of: UInt8(ascii: "\n")),
              let report = try? JSONDecoder().decode(Report.self, from: result.output[..<newline])
        else {
            let detail = String(decoding: result.errors, as: UTF8.self).split(separator: "\n").suffix(8).joined(separator: "\n")
            throw DiagnosticError(.error(
                "WeasyPrint failed on '\(job.document.outputPath)' with exit code \(result.status): \(detail)", at: location))
        }
        return PrintedDocument(data: Data(result.output[(newline + 1)...]), pageCount: report.pages, warnings: report.warnings)
    }

    /// The driver's standard input: the HTML and the job's files (base64), as JSON.
    private static func input(of job: PrintJob) throws -> Data {
        let resources = job.resources.mapValues { $0.base64EncodedString() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(Input(html: job.html, base: baseURL, resources: resources))
    }

    /// The URL the document is read at: relative URLs in it resolve under it, to the job's files.
    static let baseURL = "https://print.teigen.invalid/"

    private struct Input: Encodable {
        var html: String
        var base: String
        var resources: [String: String]
    }

    /// What the driver prints on its first line.
    private struct Report: Decodable {
        var pages: Int
        var warnings: [String]
    }

    /// The Python run for each document: reads the HTML and its files from standard input, lays it out and
    /// prints `{"pages": N, "warnings": [...]}` on a line, then the PDF. WeasyPrint's own command line says
    /// neither the page count nor which warnings it gave, and reads files from the disk and the network.
    static let driver = """
        import base64, json, logging, mimetypes, sys, urllib.parse
        import weasyprint
        from weasyprint.urls import URLFetcher, URLFetcherResponse

        class Warnings(logging.Handler):
            def __init__(self):
                super().__init__(logging.WARNING)
                self.messages = []
            def emit(self, record):
                self.messages.append(record.getMessage())

        class JobFiles(URLFetcher):
            # The job's own files, and data: URLs; nothing from the disk or the network.
            def __init__(self, base, files):
                super().__init__(allowed_protocols=['data'])
                self.base, self.files = base, files
            def fetch(self, url, headers=None):
                if url.startswith(self.base):
                    path = urllib.parse.unquote(url[len(self.base):].split('#')[0].split('?')[0])
                    if path in self.files:
                        kind = mimetypes.guess_type(path)[0] or 'application/octet-stream'
                        return URLFetcherResponse(url, self.files[path], {'Content-Type': kind})
                    raise ValueError(f'no such file in the site: {path}')
                return super().fetch(url, headers)

        warnings = Warnings()
        logger = logging.getLogger('weasyprint')
        logger.addHandler(warnings)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
        job = json.load(sys.stdin.buffer)
        files = {path: base64.b64decode(data) for path, data in job['resources'].items()}
        options = {'pdf_variant': 'pdf/ua-1', 'pdf_tags': True, 'pdf_identifier': True}
        html = weasyprint.HTML(string=job['html'], base_url=job['base'], url_fetcher=JobFiles(job['base'], files))
        document = html.render(**options)
        pdf = document.write_pdf(**options)
        sys.stdout.buffer.write(json.dumps({'pages': len(document.pages), 'warnings': warnings.messages}).encode() + b'\\n')
        sys.stdout.buffer.write(pdf)
        """
}
