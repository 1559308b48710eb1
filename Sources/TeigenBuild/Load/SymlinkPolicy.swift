import Foundation
import TeigenCore

/// Which symbolic links in the site and theme folders a build follows: those that lead somewhere inside the
/// site's root (the folder holding the site and theme folders, or just those two folders when that is `/` or a
/// home folder), and those leading to a target that `allowSymlinksOutside` in `config.yaml` names.
/// Anything else is an error: a link to `/etc/passwd` must never be published.
struct SymlinkPolicy: Sendable {
    /// Resolved folders inside which links may lead anywhere.
    var roots: [String]
    /// Resolved targets (files or folders) that the configuration allows.
    var allowed: [String] = []
    /// The root shown in messages.
    var displayRoot: String
    /// The configuration file, for messages.
    var configPath: String

    init(options: BuildOptions, configPath: String, fileSystem: any FileSystem) {
        let source = options.sourceDirectory.path
        let theme = options.themeDirectory.path
        let parent = options.sourceDirectory.deletingLastPathComponent().path
        let resolvedParent = fileSystem.resolve(parent) ?? parent
        var roots = [fileSystem.resolve(source) ?? source, fileSystem.resolve(theme) ?? theme]
        if resolvedParent != "/", !PathRelation.homeFolders(fileSystem).contains(resolvedParent) {
            roots.append(resolvedParent)
            displayRoot = SiteFiles.display(parent)
        } else {
            displayRoot = SiteFiles.display(source)
        }
        self.roots = roots
        self.configPath = configPath
    }

    /// Adds the targets `allowSymlinksOutside` names, resolved (`~/` is the home folder; relative paths start at the
    /// site folder `site`). Returns an error for each that does not exist, at its line of `configText`.
    mutating func allow(_ allowances: [SymlinkAllowance], site: String, configText: String, fileSystem: any FileSystem) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        for allowance in allowances {
            var path = allowance.path
            if path == "~" || path.hasPrefix("~/") {
                path = (ProcessInfo.processInfo.environment["HOME"] ?? "") + path.dropFirst()
            } else if !path.hasPrefix("/") {
                path = site + "/" + path
            }
            guard let target = fileSystem.resolve(path) else {
                errors.append(.error(
                    "allowSymlinksOutside: '\(Diagnostic.shown(allowance.path))' does not exist (\(Diagnostic.shown(SiteFiles.display(path))))",
                    at: allowance.location, source: configText))
                continue
            }
            allowed.append(target)
        }
        return errors
    }

    /// Whether the build may follow `link`.
    func permits(_ link: SymbolicLink) -> Bool {
        roots.contains { PathRelation.isInside(link.resolved, $0) } || allowed.contains { PathRelation.isInside(link.resolved, $0) }
    }

    /// The error for a link the build may not follow; `displayPath` is the link's path as messages show it.
    func problem(with link: SymbolicLink, displayPath: String) -> Diagnostic {
        let target = link.destination == link.resolved ? "'\(Diagnostic.shown(link.destination))'"
            : "'\(Diagnostic.shown(link.destination))' (\(Diagnostic.shown(link.resolved)))"
        return .error(
            "symbolic link to \(target) leads outside the site's folder '\(displayRoot)', and Teigen reads nothing outside it "
                + "unless allowed: to allow this target, add 'allowSymlinksOutside: [\(Diagnostic.shown(link.resolved))]' to \(configPath)",
            at: SourceLocation(path: displayPath))
    }
}
