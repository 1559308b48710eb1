import Foundation
import TeigenCore
import TeigenImages

/// Makes the files of the images pages use (``ImageCatalog``), in the background while pages are
/// rendered, and turns them into output files: each variant read from the cache into the image's folder.
enum ImageWork {
    /// What processing made: the output files, and how many images were made or found in the cache.
    struct Outcome: Sendable {
        var files: [OutputFile] = []
        var errors: [Diagnostic] = []
        var made = 0
        var cached = 0
        var duration: Duration = .zero
    }

    /// Processes images `sitePaths` of `catalog` (those not planned are left out: their errors were reported).
    static func process(_ sitePaths: [String], catalog: ImageCatalog) async -> Outcome {
        let start = ContinuousClock.now
        let entries = sitePaths.sorted().compactMap { path -> (String, ImageCatalog.Entry)? in
            guard let entry = catalog.entries[path], case .success = entry.plan else { return nil }
            return (path, entry)
        }
        var outcome = Outcome()
        let results: [Result<ProcessedImage, ImageError>]
        do {
            results = try await catalog.processor.process(entries.map(\.1.source))
        } catch {
            return outcome  // cancelled: the build stops at its next check
        }
        for ((path, entry), result) in zip(entries, results) {
            switch result {
            case .success(let image):
                if image.origin == .cache { outcome.cached += 1 } else { outcome.made += 1 }
                for variant in image.variants {
                    let data = FileManager.default.contents(atPath: image.path(of: variant))
                    guard let data else {
                        outcome.errors.append(.error("cannot read '\(image.path(of: variant))' back from the image cache", at: SourceLocation(path: entry.source.path)))
                        continue
                    }
                    outcome.files.append(OutputFile(path: String((entry.folder + variant.fileName).dropFirst()), data: data, origin: path))
                }
            case .failure(let error):
                outcome.errors.append(.error(error.description, at: SourceLocation(path: entry.source.path)))
            }
        }
        outcome.duration = ContinuousClock.now - start
        return outcome
    }
}
