import Foundation
import TeigenBuild

/// What a rebuild changed, as the open pages need to know it.
///
/// A change counts as stylesheets-only when every changed output is a `.css` file, or a file whose
/// only differences are the new names of those stylesheets (fingerprinted names change in every page
/// that links them) and the new Subresource Integrity hashes. Anything else reloads the pages.
enum SiteChange: Sendable, Equatable {
    /// The outputs are identical (apart from the search index, which needs no reload).
    case none
    /// Only stylesheets changed: output-relative path of each old stylesheet to its successor
    /// (the same path when the name carries no fingerprint).
    case stylesheets([String: String])
    /// Pages or other files changed.
    case pages

    /// Compares two sets of outputs; when `changed` is given (the paths that may differ), only those.
    static func between(old: [String: Data], new: [String: Data], changed: Set<String>? = nil) -> SiteChange {
        var removed: [String] = []
        var added: [String] = []
        var modified: [String] = []
        if let changed {
            for path in changed {
                switch (old[path], new[path]) {
                case (nil, nil): break
                case (nil, _): added.append(path)
                case (_, nil): removed.append(path)
                case let (before?, after?): if before != after { modified.append(path) }
                }
            }
        } else {
            for (path, data) in old {
                guard let newData = new[path] else {
                    removed.append(path)
                    continue
                }
                if newData != data { modified.append(path) }
            }
            for path in new.keys where old[path] == nil {
                added.append(path)
            }
        }
        // The search index needs no reload: the search page reads it when it searches.
        let isSearchIndex: (String) -> Bool = { $0.hasPrefix(SearchIndex.outputFolder) }
        removed.removeAll(where: isSearchIndex)
        added.removeAll(where: isSearchIndex)
        modified.removeAll(where: isSearchIndex)
        if removed.isEmpty && added.isEmpty && modified.isEmpty { return .none }

        // Renamed stylesheets: pair each removed one with the added one of the same unfingerprinted name.
        guard removed.allSatisfy(isStylesheet), added.allSatisfy(isStylesheet), removed.count == added.count else {
            return .pages
        }
        var addedByStem: [String: String] = [:]
        for path in added {
            guard addedByStem.updateValue(path, forKey: stem(of: path)) == nil else { return .pages }
        }
        var replacements: [String: String] = [:]
        for path in removed {
            guard let successor = addedByStem.removeValue(forKey: stem(of: path)) else { return .pages }
            replacements[path] = successor
        }
        for path in modified where isStylesheet(path) {
            replacements[path] = path
        }
        guard !replacements.isEmpty else { return .pages }

        // Every other modified file must differ only by the stylesheet names and integrity hashes.
        let renames = replacements.filter { $0.key != $0.value }.map { (old: fileName(of: $0.key), new: fileName(of: $0.value)) }
        for path in modified where !isStylesheet(path) {
            guard let before = old[path].flatMap(text), let after = new[path].flatMap(text) else { return .pages }
            var renamed = before
            for rename in renames {
                renamed = renamed.replacingOccurrences(of: rename.old, with: rename.new)
            }
            guard withoutIntegrityHashes(renamed) == withoutIntegrityHashes(after) else { return .pages }
        }
        return .stylesheets(replacements)
    }

    static func isStylesheet(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".css")
    }

    /// The name without its fingerprint: `css/style.3f2a9c1b.css` → `css/style.css` (also `style-3f2a9c1b.css`).
    static func stem(of path: String) -> String {
        let base = String(path.dropLast(".css".count))
        guard let separator = base.lastIndex(where: { $0 == "." || $0 == "-" }) else { return path }
        let fingerprint = base[base.index(after: separator)...]
        guard fingerprint.count >= 6, fingerprint.allSatisfy(\.isHexDigit) else { return path }
        return String(base[..<separator]) + ".css"
    }

    private static func fileName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func text(_ data: Data) -> String? {
        String(data: data, encoding: .utf8)
    }

    /// Replaces `sha256-…`, `sha384-…` and `sha512-…` tokens (Subresource Integrity) with a placeholder.
    private static func withoutIntegrityHashes(_ text: String) -> String {
        text.replacingOccurrences(of: #"sha(256|384|512)-[A-Za-z0-9+/=_-]+"#, with: "sha-", options: .regularExpression)
    }
}
