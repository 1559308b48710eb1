/// Tells the files editors and operating systems leave behind (swap files, backups, lock files)
/// from the files of the site, so that saving a page triggers one rebuild for the page alone.
///
/// ```swift
/// TemporaryFileFilter.isIgnored(name: ".index.md.swp")  // true
/// TemporaryFileFilter.isIgnored(name: "index.md")       // false
/// ```
public enum TemporaryFileFilter {
    /// Folders never watched: version control metadata.
    static let ignoredFolders: Set<String> = [".git", ".hg", ".svn"]

    /// Whether a file name (the last path component) belongs to an editor or the system, not the site.
    public static func isIgnored(name: String) -> Bool {
        if name.isEmpty { return true }
        if name == "4913" || name == ".DS_Store" { return true }  // vim's write test file; Finder metadata
        if name.hasSuffix("~") { return true }  // backups (vim, emacs, gedit)
        if name.hasPrefix(".#") { return true }  // emacs lock files
        if name.hasPrefix("#") && name.hasSuffix("#") { return true }  // emacs auto-save files
        if name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swpx") { return true }  // vim swap files
        if name.hasPrefix(".goutputstream-") { return true }  // GNOME's save-by-rename temporary
        return false
    }

    /// Whether any component of an absolute path is ignored, either as a file or as a folder.
    public static func isIgnored(path: String) -> Bool {
        let components = path.split(separator: "/").map(String.init)
        guard let last = components.last else { return true }
        if isIgnored(name: last) { return true }
        return components.contains { ignoredFolders.contains($0) }
    }

    /// Whether a folder is never watched.
    static func isIgnoredFolder(name: String) -> Bool {
        ignoredFolders.contains(name)
    }
}
