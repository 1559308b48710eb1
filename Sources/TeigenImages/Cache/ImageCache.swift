import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Processed images kept between builds, outside the output folder: by default `.teigen-cache/images/`
/// beside the site folder (git-ignored).
///
/// An entry is a folder `<2 hex>/<key>/` with the variants' files and a `manifest.json`. It is written
/// under a temporary name inside the cache and renamed into place in one step, so a reader sees a whole
/// entry or none; when two builds make the same entry at once, the first rename wins and the other
/// build drops its copy and uses the winner's, which has the same bytes.
public struct ImageCache: Sendable {
    /// The cache's root folder.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// `.teigen-cache/images` in the folder that holds the site folder (for `site/`, beside it).
    public static func directory(forSite siteDirectory: String) -> String {
        let site = URL(fileURLWithPath: siteDirectory).standardizedFileURL
        return site.deletingLastPathComponent().appendingPathComponent(".teigen-cache/images").path
    }

    /// The folder of the entry `key`.
    func entryDirectory(_ key: CacheKey) -> String {
        directory + "/" + key.hex.prefix(2) + "/" + key.hex
    }

    /// The entry `key` if it is complete and of the current layout, or nil.
    func lookup(_ key: CacheKey) -> CacheManifest? {
        let folder = entryDirectory(key)
        guard let data = FileManager.default.contents(atPath: folder + "/manifest.json"),
            let manifest = try? JSONDecoder().decode(CacheManifest.self, from: data),
            manifest.version == CacheManifest.currentVersion,
            manifest.variants.allSatisfy({ FileManager.default.fileExists(atPath: folder + "/" + $0.fileName) })
        else { return nil }
        return manifest
    }

    /// Writes the entry `key` (its `files` by name, and the manifest), unless another build wrote it first;
    /// either way returns the manifest now in the cache. `path` names the source in errors.
    func store(_ key: CacheKey, files: [String: [UInt8]], manifest: CacheManifest, for path: String) throws(ImageError) -> CacheManifest {
        let folder = entryDirectory(key)
        let staging = directory + "/tmp/" + key.hex + "." + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for (name, bytes) in files {
                try Data(bytes).write(to: URL(fileURLWithPath: staging + "/" + name))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try encoder.encode(manifest).write(to: URL(fileURLWithPath: staging + "/manifest.json"))
            try FileManager.default.createDirectory(
                atPath: (folder as NSString).deletingLastPathComponent, withIntermediateDirectories: true
            )
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw ImageError(path: path, problem: .cache("\(directory): \(error.localizedDescription)"))
        }
        return try publish(staging, as: folder, key: key, manifest: manifest, for: path)
    }

    /// Renames the staged entry into place. If a complete entry is already there (another build made it),
    /// drops the staged copy and returns that one; an incomplete or outdated entry is moved aside first.
    private func publish(
        _ staging: String, as folder: String, key: CacheKey, manifest: CacheManifest, for path: String
    ) throws(ImageError) -> CacheManifest {
        defer { try? FileManager.default.removeItem(atPath: staging) }
        for _ in 0..<2 {
            if rename(staging, folder) == 0 { return manifest }
            let failure = errno
            guard failure == EEXIST || failure == ENOTEMPTY else {
                throw ImageError(path: path, problem: .cache("cannot rename into \(folder): \(String(cString: strerror(failure)))"))
            }
            if let existing = lookup(key) { return existing }
            let aside = directory + "/tmp/" + key.hex + ".old." + UUID().uuidString
            if rename(folder, aside) == 0 { try? FileManager.default.removeItem(atPath: aside) }
        }
        throw ImageError(path: path, problem: .cache("another process keeps replacing \(folder)"))
    }

    /// Removes every entry whose key is not in `keys` (the ones the last full build used), and what
    /// interrupted writes left in `tmp/` more than an hour ago; returns how many entries went. Safe while
    /// another build reads or writes other entries.
    public func prune(keeping keys: Set<String>) throws(ImageError) -> Int {
        let manager = FileManager.default
        var removed = 0
        guard manager.fileExists(atPath: directory) else { return 0 }
        do {
            let staging = directory + "/tmp"
            for leftover in (try? manager.contentsOfDirectory(atPath: staging)) ?? [] {
                let path = staging + "/" + leftover
                let modified = try manager.attributesOfItem(atPath: path)[.modificationDate] as? Date ?? .distantPast
                if modified < Date(timeIntervalSinceNow: -3600) { try manager.removeItem(atPath: path) }
            }
            for shard in try manager.contentsOfDirectory(atPath: directory) where shard.count == 2 {
                for entry in try manager.contentsOfDirectory(atPath: directory + "/" + shard) where !keys.contains(entry) {
                    try manager.removeItem(atPath: directory + "/" + shard + "/" + entry)
                    removed += 1
                }
            }
        } catch {
            throw ImageError(path: directory, problem: .cache(error.localizedDescription))
        }
        return removed
    }
}
