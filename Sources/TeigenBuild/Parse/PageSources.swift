import Foundation
import TeigenContent
import TeigenCore

/// Decodes the Markdown files of `content/` into pages (front matter and body), several at once.
enum PageSources {
    /// Pages larger than this are rejected rather than slowly converted (a runaway generated file, say).
    static let maximumSize = 20_000_000

    /// Whether the file at this content path is a page (Markdown) rather than a file copied beside one.
    static func isPage(_ contentPath: String) -> Bool {
        contentPath.hasSuffix(".md")
    }

    /// Decodes `files` (front matter keys named after one of `taxonomies` hold terms), reusing the pages in `memo`
    /// whose bytes and path (and the site's taxonomies) did not change.
    static func parse(_ files: [SiteFiles.File], taxonomies: [Taxonomy], jobs: Int, memo: inout Memo<SourcePage>) async throws(DiagnosticError) -> (pages: [SourcePage], errors: [Diagnostic]) {
        let kept = memo
        let results = try await BuildPipeline.parallelMap(files, jobs: jobs) { file -> (Result<SourcePage, DiagnosticError>, key: CacheKey) in
            let key = kept.key { hasher in
                hasher.combine(file.data)
                hasher.combine(file.displayPath)
                hasher.combine(taxonomies.count)
                for taxonomy in taxonomies {
                    hasher.combine(taxonomy.name)
                    hasher.combine(taxonomy.singular)
                }
            }
            if let page = kept.value(named: file.relativePath, key: key) { return (.success(page), key) }
            do throws(DiagnosticError) {
                return (.success(try parse(file, taxonomies: taxonomies)), key)
            } catch {
                return (.failure(error), key)
            }
        }
        var pages: [SourcePage] = []
        var errors: [Diagnostic] = []
        for (result, _) in results {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let error): errors += error.diagnostics
            }
        }
        memo.keep(results.lazy.compactMap { result, key in (try? result.get()).map { (name: $0.contentPath, key: key, value: $0) } })
        return (pages, errors)
    }

    /// Decodes one file: its size, its UTF-8 text, its front matter.
    static func parse(_ file: SiteFiles.File, taxonomies: [Taxonomy] = [.tags]) throws(DiagnosticError) -> SourcePage {
        if file.data.count > maximumSize {
            throw DiagnosticError(.error(
                "page is \(file.data.count / 1_000_000) MB; the largest page Teigen reads is \(maximumSize / 1_000_000) MB (split it into several pages)",
                at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
        }
        let text = try SiteFiles.text(file.data, path: file.displayPath)
        return try SourcePage.parse(text, contentPath: file.relativePath, sourcePath: file.displayPath, taxonomies: taxonomies)
    }
}
