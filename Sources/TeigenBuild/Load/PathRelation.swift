import Foundation
import TeigenCore

#if canImport(Glibc)
import Glibc
#endif

/// Comparisons between absolute, resolved paths (symbolic links and `..` already followed), as the rules about
/// symbolic links and the output folder make them.
enum PathRelation {
    /// Whether `path` is `folder` or lies below it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }

    /// The user's home folders, resolved: `$HOME` and the account's home (they may differ); never a root or an
    /// output folder.
    static func homeFolders(_ fileSystem: any FileSystem) -> [String] {
        var homes: [String] = []
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            homes.append(fileSystem.resolve(home) ?? home)
        }
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
            let home = String(cString: directory)
            if !home.isEmpty { homes.append(fileSystem.resolve(home) ?? home) }
        }
        return Array(Set(homes)).sorted()
    }

    /// `path` resolved as far as it exists (its longest existing ancestor resolved, the rest appended), so that a
    /// folder not made yet compares like one that is.
    static func resolve(_ path: String, _ fileSystem: any FileSystem) -> String {
        if let resolved = fileSystem.resolve(path) { return resolved }
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent().path
        guard parent != path, !parent.isEmpty else { return path }
        let resolvedParent = resolve(parent, fileSystem)
        return (resolvedParent == "/" ? "" : resolvedParent) + "/" + url.lastPathComponent
    }
}
