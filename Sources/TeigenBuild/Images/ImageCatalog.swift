import Foundation
import TeigenContent
import TeigenCore
import TeigenImages

/// Every image Markdown and templates may refer to, planned before any page is converted: the image
/// files beside pages (`content/`), in `site/assets/` and in `site/static/`, each with the files it will
/// become (``ImageProcessor/plan(_:)``: their names and sizes, from the cache or the image's header), so
/// that pages are written while the images are still being made (``ImageWork``).
///
/// Images are found by their site path: a file beside a page by the path it is published at
/// (`/proposals/map.png`), a file of `site/assets/` or `site/static/` by its path there (`/figures/map.png`).
/// Their files are published in the same folder (`/proposals/map-960.3fa2c1d9.webp`).
struct ImageCatalog: Sendable {
    /// One image: where it comes from and its plan (or why it cannot be used).
    struct Entry: Sendable {
        var source: ImageSource
        var plan: Result<ProcessedImage, ImageError>
        /// The site folder its files are published in (`/proposals/`).
        var folder: String
    }

    /// By site path.
    private(set) var entries: [String: Entry] = [:]
    let processor: ImageProcessor
    let urls: SiteURLs

    /// The file extensions taken for images (lower case).
    static let extensions: Set<String> = ["jpg", "jpeg", "png", "webp", "gif", "avif", "heic", "heif", "tif", "tiff", "svg"]

    /// Plans every image of `input`, several at once.
    static func plan(_ input: SiteInput, processor: ImageProcessor, jobs: Int) async throws(DiagnosticError) -> ImageCatalog {
        var candidates: [(sitePath: String, file: SiteFiles.File)] = []
        for file in input.files.content where isImage(file.relativePath) {
            candidates.append((input.resources[file.relativePath] ?? "/" + file.relativePath, file))
        }
        // A file of site/assets/ or site/static/ at the same path as one beside a page loses (its plan would be ambiguous).
        for file in input.files.siteAssets + input.files.staticFiles where isImage(file.relativePath) {
            candidates.append(("/" + file.relativePath, file))
        }
        let planned = try await BuildPipeline.parallelMap(candidates, jobs: jobs) { candidate -> (String, Entry) in
            let source = ImageSource(path: candidate.file.displayPath, bytes: candidate.file.data)
            let plan = Result { () throws(ImageError) in try processor.plan(source) }
            let folder = String(candidate.sitePath[...candidate.sitePath.lastIndex(of: "/")!])
            return (candidate.sitePath, Entry(source: source, plan: plan, folder: folder))
        }
        var catalog = ImageCatalog(processor: processor, urls: SiteURLs(baseURL: input.config.baseURL))
        for (path, entry) in planned where catalog.entries[path] == nil { catalog.entries[path] = entry }
        return catalog
    }

    static func isImage(_ path: String) -> Bool {
        extensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// The site path of the image `destination` names, written on a page in content folder `directory`
    /// (nil for a template): beside the page first, then from the site's root (`site/assets/`,
    /// `site/static/`, or `content/`). Nil when it names no image of the catalog.
    func sitePath(of destination: String, directory: String?) -> String? {
        let path = URLPath.decode(destination) ?? destination
        var candidates: [String] = []
        if let directory, !path.hasPrefix("/"), let contentPath = PageBodyRenderer.normalize(directory.isEmpty ? path : directory + "/" + path) {
            candidates.append(ContentGraph.urlFolder((contentPath as NSString).deletingLastPathComponent) + (contentPath as NSString).lastPathComponent)
        }
        if let rooted = PageBodyRenderer.normalize(path) { candidates.append("/" + rooted) }
        return candidates.first { entries[$0] != nil }
    }

    /// Whether `destination` should be an image of the site: a path (not a URL elsewhere) ending in an image extension.
    static func isLocalImage(_ destination: String) -> Bool {
        guard !destination.isEmpty, !URLPath.isExternal(destination), !destination.hasPrefix("data:") else { return false }
        return isImage(URLPath.splitSuffix(destination).path)
    }

    /// The HTML of image `sitePath` (``ImageMarkup``), or the error that makes it unusable.
    func markup(of sitePath: String, alt: String, sizes: String? = nil, className: String? = nil, eager: Bool = false) -> Result<String, ImageError> {
        guard let entry = entries[sitePath] else { return .failure(ImageError(path: sitePath, problem: .unreadable("no such image"))) }
        return entry.plan.map { plan in
            ImageMarkup(
                image: plan, alt: alt, urlPrefix: urls.rooted(entry.folder), sizes: sizes, loading: eager ? .eager : .lazy,
                className: className
            ).html
        }
    }

    /// The message for a destination that names no image: where it was looked for.
    static func missing(_ destination: String) -> String {
        "image not found: '\(destination)' (looked beside the page, in site/assets/, site/static/ and content/)"
    }

    /// Feeds every image's site path and cache key into `hasher`: the HTML written for images depends on them.
    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(entries.count)
        for path in entries.keys.sorted() {
            hasher.combine(path)
            if case .success(let plan) = entries[path]!.plan { hasher.combine(plan.key) } else { hasher.combine(nil as String?) }
        }
    }
}
