import Foundation

/// Where `teigen new page PATH` writes: PATH under the content folder, with or without `content/` in front, or a
/// path that starts with the site folder or is absolute, taken as it is. Never outside the content folder.
struct PagePath {
    /// The site folder.
    var site: URL
    /// The page's file.
    var file: URL
    /// The page's path relative to the content folder (`posts/first.md`).
    var contentPath: String

    init(_ argument: String, source: String) throws(NewPageProblem) {
        var argument = argument
        while argument.hasPrefix("./") { argument.removeFirst(2) }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        site = URL(fileURLWithPath: source, relativeTo: cwd).standardizedFileURL
        let content = site.appendingPathComponent("content").standardizedFileURL
        // The site folder as it was given (`site/`), when a path may start with it.
        var sourcePrefix = source.hasPrefix("./") ? String(source.dropFirst(2)) : source
        while sourcePrefix.hasSuffix("/") { sourcePrefix.removeLast() }
        if argument.hasPrefix("/") {
            file = URL(fileURLWithPath: argument).standardizedFileURL
        } else if !sourcePrefix.isEmpty, sourcePrefix != ".", !sourcePrefix.hasPrefix("/"), argument.hasPrefix(sourcePrefix + "/") {
            file = URL(fileURLWithPath: argument, relativeTo: cwd).standardizedFileURL
        } else {
            let relative = argument.hasPrefix("content/") ? String(argument.dropFirst("content/".count)) : argument
            file = content.appendingPathComponent(relative).standardizedFileURL
        }
        let shownContent = Self.shown(content) + "/"
        guard file.path.hasPrefix(content.path + "/") else {
            throw NewPageProblem(
                "\(Self.shown(file)) is outside \(shownContent): pages live in the content folder "
                    + "('teigen new page posts/first.md' writes \(shownContent)posts/first.md)")
        }
        contentPath = String(file.path.dropFirst(content.path.count + 1))
        guard file.pathExtension == "md" else {
            throw NewPageProblem("a page's file name must end in .md (\(contentPath))")
        }
    }

    /// The section the page is in, the first folder of its content path (`posts`), or nil at the top.
    var section: String? {
        let parts = contentPath.split(separator: "/")
        return parts.count > 1 ? String(parts[0]) : nil
    }

    /// The title from the file name, as Hugo's archetypes make it: `my-first-post.md` is "My First Post" (each
    /// word's first letter upper-cased, the rest kept: `npt-review` is "Npt Review", `NPT-review` "NPT Review";
    /// Japanese as written); `_index.md` and `index.md` take their folder's name.
    var title: String {
        let stem = file.deletingPathExtension().lastPathComponent
        let name = stem == "_index" || stem == "index" ? file.deletingLastPathComponent().lastPathComponent : stem
        return name.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }

    /// The file's path as shown in messages.
    var shown: String { Self.shown(file) }

    /// A path as shown in messages: relative to the working directory when below it.
    static func shown(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }
}
