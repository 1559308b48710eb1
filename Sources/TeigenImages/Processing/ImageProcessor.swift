import Foundation
import TeigenCore

/// Turns source images into resized, re-encoded, metadata-free files in the cache, many at once.
///
/// ```swift
/// let processor = ImageProcessor(cache: ImageCache(directory: ImageCache.directory(forSite: "site")))
/// let source = try ImageSource.read("site/content/proposals/map.png", from: DiskFileSystem())
/// let image = try await processor.process(source)
/// let html = ImageMarkup(image: image, alt: "地図").html
/// ```
///
/// At most `concurrency` images are processed at a time, each on a lane (thread) of its own, so the
/// cooperative threads stay free for the rest of the build. A cancelled task stops before the next
/// width of the image in progress, and starts no other image.
public struct ImageProcessor: Sendable {
    public let cache: ImageCache
    public let options: ImageOptions
    /// How many images are processed at once.
    public let concurrency: Int

    /// A processor writing into `cache`. `concurrency` defaults to the number of active cores.
    public init(cache: ImageCache, options: ImageOptions = .default, concurrency: Int? = nil) {
        self.cache = cache
        self.options = options
        self.concurrency = max(1, concurrency ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The files for `source`, from the cache when it has them, else made and cached.
    public func process(_ source: ImageSource) async throws -> ProcessedImage {
        try await process(source, on: WorkLane(label: "teigen.images"))
    }

    /// The files for each of `sources`, in their order; one failed image does not stop the others.
    /// Throws only `CancellationError`.
    public func process(_ sources: [ImageSource]) async throws -> [Result<ProcessedImage, ImageError>] {
        try await process(count: sources.count) { index throws(ImageError) in sources[index] }
    }

    /// The files for the image at each of `paths`, read through `fileSystem` when its turn comes (so that
    /// only the images in progress are in memory), in their order; a missing or broken image is a failure
    /// in its place, not a stop. Throws only `CancellationError`.
    public func process(_ paths: [String], from fileSystem: any FileSystem) async throws -> [Result<ProcessedImage, ImageError>] {
        try await process(count: paths.count) { index throws(ImageError) in try ImageSource.read(paths[index], from: fileSystem) }
    }

    /// Processes `count` sources, at most `concurrency` at a time, each lane taking the next when it is free.
    private func process(
        count: Int, source: @escaping @Sendable (Int) throws(ImageError) -> ImageSource
    ) async throws -> [Result<ProcessedImage, ImageError>] {
        let lanes = (0..<min(concurrency, count)).map { WorkLane(label: "teigen.images.\($0)") }
        var results = [Result<ProcessedImage, ImageError>?](repeating: nil, count: count)
        try await withThrowingTaskGroup(of: (index: Int, lane: Int, result: Result<ProcessedImage, ImageError>).self) { group in
            var next = 0
            func start(_ index: Int, on lane: Int) {
                group.addTask {
                    do {
                        let image = try await lanes[lane].run { () throws(ImageError) in try source(index) }
                        return (index, lane, .success(try await process(image, on: lanes[lane])))
                    } catch let error as ImageError {
                        return (index, lane, .failure(error))
                    }
                }
            }
            for lane in lanes.indices {
                start(next, on: lane)
                next += 1
            }
            for try await finished in group {
                results[finished.index] = finished.result
                guard next < count else { continue }
                try Task.checkCancellation()
                start(next, on: finished.lane)
                next += 1
            }
        }
        return results.map { $0! }
    }

    /// `source` processed on `lane`: from the cache if it has the entry, else made, checking for
    /// cancellation between widths, and cached.
    private func process(_ source: ImageSource, on lane: WorkLane) async throws -> ProcessedImage {
        try Task.checkCancellation()
        if let problem = options.problem { throw ImageError(path: source.path, problem: .invalidOptions(problem)) }
        let key = CacheKey(source: source, options: options, engine: try engineVersion(for: source.path))
        if let manifest = cache.lookup(key) {
            return processed(source, manifest, key, origin: .cache)
        }
        let header = try await lane.run { () throws(ImageError) in try ImageHeader.read(source) }
        let files = header.format == .svg ? passThrough(source, header: header, key: key) : try await resize(source, header: header, key: key, on: lane)
        let manifest = try await lane.run { [cache] () throws(ImageError) in
            try cache.store(key, files: files.contents, manifest: CacheManifest(header: header, variants: files.variants), for: source.path)
        }
        return processed(source, manifest, key, origin: .made)
    }

    /// The files of an entry before they are cached: what the manifest lists, and their bytes by name.
    private struct EntryFiles: Sendable {
        var variants: [ImageVariant] = []
        var contents: [String: [UInt8]] = [:]
    }

    /// The SVG itself, under its fingerprinted name.
    private func passThrough(_ source: ImageSource, header: ImageHeader, key: CacheKey) -> EntryFiles {
        let name = "\(source.stem).\(key.short).svg"
        let variant = ImageVariant(fileName: name, format: .svg, size: header.size, byteCount: source.bytes.count)
        return EntryFiles(variants: [variant], contents: [name: Array(source.bytes)])
    }

    /// Each width of the plan in each format: WebP widths ascending, then the fallback's.
    private func resize(_ source: ImageSource, header: ImageHeader, key: CacheKey, on lane: WorkLane) async throws -> EntryFiles {
        let plan = VariantPlan(header: header, options: options)
        let resizer = ImageResizer(header: header, quality: EncodingQuality(options: options, source: header.format))
        var files = EntryFiles()
        for size in plan.sizes {
            try Task.checkCancellation()
            let encoded = try await lane.run { () throws(ImageError) in
                try resizer.encode(source, size: size, formats: plan.formats)
            }
            for file in encoded {
                let name = "\(source.stem)-\(file.size.width).\(key.short).\(file.format.fileExtension)"
                files.contents[name] = file.bytes
                files.variants.append(ImageVariant(fileName: name, format: file.format, size: file.size, byteCount: file.bytes.count))
            }
        }
        files.variants.sort { ($0.format == .webp ? 0 : 1, $0.size?.width ?? 0) < ($1.format == .webp ? 0 : 1, $1.size?.width ?? 0) }
        return files
    }

    /// The files `source` becomes, named and sized without making them: from the cache when it has them,
    /// else from the image's header (``CacheOrigin/planned``). ``process(_:)`` makes exactly these files
    /// (the same names, the same sizes), so HTML can be written from the plan while they are made.
    public func plan(_ source: ImageSource) throws(ImageError) -> ProcessedImage {
        if let problem = options.problem { throw ImageError(path: source.path, problem: .invalidOptions(problem)) }
        let key = CacheKey(source: source, options: options, engine: try engineVersion(for: source.path))
        if let manifest = cache.lookup(key) { return processed(source, manifest, key, origin: .cache) }
        let header = try ImageHeader.read(source)
        let variants =
            header.format == .svg
            ? passThrough(source, header: header, key: key).variants
            : VariantPlan(header: header, options: options).variants(stem: source.stem, key: key.short)
        return ProcessedImage(
            sourcePath: source.path, header: header, variants: variants, cacheDirectory: cache.entryDirectory(key), key: key.hex,
            origin: .planned)
    }

    private func processed(_ source: ImageSource, _ manifest: CacheManifest, _ key: CacheKey, origin: CacheOrigin) -> ProcessedImage {
        ProcessedImage(
            sourcePath: source.path, header: manifest.header, variants: manifest.variants,
            cacheDirectory: cache.entryDirectory(key), key: key.hex, origin: origin
        )
    }

    /// The libvips version, or an error naming `path` if libvips cannot start.
    func engineVersion(for path: String) throws(ImageError) -> String {
        do throws(VipsFailure) { return try VipsRuntime.version() } catch { throw ImageError(path: path, problem: .engine(error.reason)) }
    }
}

extension ImageProcessor {
    /// The share image for `card`, from the cache when it has one with the same inputs, else drawn and
    /// cached. `page` names the page in errors.
    public func shareImage(for card: ShareCard, page: String) async throws -> ShareImage {
        try Task.checkCancellation()
        let key = CacheKey(parts: ["share", String(CacheManifest.currentVersion), try engineVersion(for: page)] + card.fingerprint)
        let name = "share.\(key.short).png"
        let manifest: CacheManifest
        let origin: CacheOrigin
        if let cached = cache.lookup(key) {
            (manifest, origin) = (cached, .cache)
        } else {
            let bytes = try await WorkLane(label: "teigen.share").run { () throws(ImageError) in
                do throws(VipsFailure) { return try ShareCardRenderer().render(card) } catch {
                    throw ImageError(path: page, problem: .engine(error.reason))
                }
            }
            let header = ImageHeader(format: .png, size: ShareCardRenderer.size, frameCount: 1, hasAlpha: false)
            let variant = ImageVariant(fileName: name, format: .png, size: ShareCardRenderer.size, byteCount: bytes.count)
            manifest = try cache.store(key, files: [name: bytes], manifest: CacheManifest(header: header, variants: [variant]), for: page)
            origin = .made
        }
        let variant = manifest.variants[0]
        return ShareImage(
            fileName: variant.fileName, path: cache.entryDirectory(key) + "/" + variant.fileName,
            size: variant.size ?? ShareCardRenderer.size, byteCount: variant.byteCount, origin: origin
        )
    }
}
