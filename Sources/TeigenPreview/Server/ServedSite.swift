import Foundation
import TeigenBuild

/// A snapshot ready to serve: its files, their entity tags and its base path.
struct ServedSite: Sendable {
    /// Output-relative path to bytes.
    let files: [String: Data]
    /// Output-relative path to the entity tag of the bytes.
    let tags: [String: EntityTag]
    /// Where the site lives on the server, starting and ending with `/`.
    let basePath: String
    /// `basePath` as decoded segments.
    let base: RequestPath

    /// Prepares a snapshot, taking the tags of unchanged files from `previous` instead of hashing again
    /// (only the snapshot's `changedPaths` are looked at when it knows them).
    init(snapshot: SiteSnapshot, reusing previous: ServedSite? = nil) {
        files = snapshot.files
        var tags: [String: EntityTag] = [:]
        if let previous, let changed = snapshot.changedPaths {
            tags = previous.tags
            for path in changed {
                tags[path] = snapshot.files[path].map { EntityTag(content: $0) }
            }
        } else {
            tags.reserveCapacity(snapshot.files.count)
            for (path, data) in snapshot.files {
                if let previous, let tag = previous.tags[path], previous.files[path] == data {
                    tags[path] = tag
                } else {
                    tags[path] = EntityTag(content: data)
                }
            }
        }
        self.tags = tags
        var basePath = snapshot.basePath
        if !basePath.hasPrefix("/") { basePath = "/" + basePath }
        if !basePath.hasSuffix("/") { basePath += "/" }
        if let base = try? RequestPath(encoded: basePath), !base.hasEmptySegment {
            self.basePath = basePath
            self.base = base
        } else {
            self.basePath = "/"
            self.base = RequestPath(segments: [], hasTrailingSlash: true)
        }
    }
}
