import Foundation
import TeigenCore
import TeigenTheme

/// The `print` step: the PDF of each document of `pdf:` in config.yaml, made from the site's pages
/// (``PrintEdition``) by the engine (``WeasyPrint``), or taken from the cache (``PrintCache``) when the same
/// document was made before. The pages then show each PDF's size and page count.
///
/// `teigen build` makes every PDF (``Policy/make(_:)``), into the output like any other file, so the staging
/// folder holds them before the commit and a failure leaves the output folder as it was. The preview server
/// takes only what the cache has (``Policy/fromCache(_:facts:)``) and makes the rest after serving the
/// pages (``IncrementalBuilder/refreshPrintEdition()``).
struct PrintEditions: Sendable {
    /// How the step gets the PDFs.
    enum Policy: Sendable {
        /// Each PDF from the cache, else made by `engine` (when nil, the engine is found when the site asks for a PDF).
        case make(WeasyPrint?)
        /// Only the PDFs in the cache, with `engine` (none: nothing is looked up); the others are left
        /// stale, and their pages show `facts`, what was known of them before.
        case fromCache(WeasyPrint?, facts: [String: PublicationValues.PrintFacts])
    }

    /// What the engine is asked to make, one job a document, in the order of `pdf:`.
    var jobs: [PrintJob] = []
    /// The PDFs made or found, by output path.
    var printed: [String: PrintedDocument] = [:]
    /// What the pages show of each PDF: those of ``printed``, and the last known facts of the others.
    var facts: [String: PublicationValues.PrintFacts] = [:]
    /// The engine's warnings, and a cache that could not be written.
    var warnings: [Diagnostic] = []

    /// The jobs whose PDF is not made yet.
    var staleJobs: [PrintJob] {
        jobs.filter { printed[$0.document.outputPath] == nil }
    }

    /// The PDFs as output files.
    var files: [OutputFile] {
        jobs.compactMap { job in
            printed[job.document.outputPath].map { OutputFile(path: job.document.outputPath, data: $0.data, origin: "the print edition '\(job.document.outputPath)' (pdf in config.yaml)") }
        }
    }

    /// The step: the documents' jobs, then their PDFs as `policy` says.
    static func make(
        site: SiteContext, theme: Theme, resources: PrintResources, policy: Policy, cache: PrintCache, htmlFolder: URL? = nil
    ) async throws(DiagnosticError) -> PrintEditions {
        let documents = site.config.pdf
        guard !documents.isEmpty else { return PrintEditions() }
        let edition = PrintEdition(site: site, theme: theme)
        var result = PrintEditions()
        var errors: [Diagnostic] = []
        for document in documents {
            do throws(DiagnosticError) {
                result.jobs.append(try edition.job(for: document, resources: resources))
            } catch {
                errors += error.diagnostics
            }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        if let htmlFolder { try write(result.jobs, into: htmlFolder) }
        switch policy {
        case .make(let known):
            var engine = known
            if engine == nil { engine = try await WeasyPrint.locate(for: documents[0].location) }
            guard let engine else { break }
            for (job, outcome) in try await print(result.jobs, engine: engine, cache: cache) {
                result.keep(outcome.printed, of: job)
                result.warnings += outcome.warnings
            }
        case .fromCache(let engine, let facts):
            result.facts = facts.filter { path, _ in documents.contains { $0.outputPath == path } }
            guard let engine else { break }
            for job in result.jobs {
                if let printed = cache.lookup(job, engine: engine) { result.keep(printed, of: job) }
            }
        }
        return result
    }

    /// Writes each job's HTML into `folder` (`print-report-ja.html` for `print/report-ja.pdf`) with the files
    /// it refers to at their paths, so that it opens in a browser as the engine reads it.
    private static func write(_ jobs: [PrintJob], into folder: URL) throws(DiagnosticError) {
        do {
            for job in jobs {
                let name = String(job.document.outputPath.dropLast(4)).replacingOccurrences(of: "/", with: "-") + ".html"
                var files = job.resources
                files[name] = Data(job.html.utf8)
                for (path, data) in files {
                    let url = folder.appendingPathComponent(path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: url)
                }
            }
        } catch {
            throw DiagnosticError(.error("cannot write the print edition's HTML into '\(folder.path)': \(error.localizedDescription)", at: SourceLocation(path: folder.path)))
        }
    }

    /// Keeps the PDF of `job`, and its warnings as the build's.
    private mutating func keep(_ document: PrintedDocument, of job: PrintJob) {
        printed[job.document.outputPath] = document
        facts[job.document.outputPath] = PublicationValues.PrintFacts(byteCount: document.byteCount, pageCount: document.pageCount)
        warnings += document.warnings.map { Diagnostic.warning("WeasyPrint, making '\(job.document.outputPath)': \($0)", at: job.document.location) }
    }

    /// The PDF of each job, from the cache or made (all jobs at once: WeasyPrint uses one core each), and
    /// the warning of a PDF that could not be cached.
    static func print(
        _ jobs: [PrintJob], engine: WeasyPrint, cache: PrintCache
    ) async throws(DiagnosticError) -> [(PrintJob, (printed: PrintedDocument, warnings: [Diagnostic]))] {
        let outcomes = await withTaskGroup(of: (Int, Result<(PrintedDocument, [Diagnostic]), DiagnosticError>).self) { group in
            for (index, job) in jobs.enumerated() {
                group.addTask {
                    if let printed = cache.lookup(job, engine: engine) { return (index, .success((printed, []))) }
                    do throws(DiagnosticError) {
                        let printed = try await engine.print(job)
                        do {
                            try cache.store(printed, of: job, engine: engine)
                            return (index, .success((printed, [])))
                        } catch {
                            let warning = Diagnostic.warning("cannot keep '\(job.document.outputPath)' in the cache \(cache.directory): \(error.localizedDescription)", at: job.document.location)
                            return (index, .success((printed, [warning])))
                        }
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var outcomes = [Result<(PrintedDocument, [Diagnostic]), DiagnosticError>?](repeating: nil, count: jobs.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.map { $0! }
        }
        try BuildPipeline.checkCancellation()
        var errors: [Diagnostic] = []
        var results: [(PrintJob, (printed: PrintedDocument, warnings: [Diagnostic]))] = []
        for (job, outcome) in zip(jobs, outcomes) {
            switch outcome {
            case .success(let (printed, warnings)): results.append((job, (printed, warnings)))
            case .failure(let error): errors += error.diagnostics
            }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return results
    }
}
