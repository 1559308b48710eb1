import Foundation
import TeigenCore

/// The site's `config.yaml`, read through the FileSystem seam (by the `load` step, and by
/// ``BuildPipeline/configuration(options:fileSystem:)`` for commands that do not build).
enum ConfigFile {
    /// The text of the configuration of the site `options` name, and its path as shown in messages.
    static func read(options: BuildOptions, fileSystem: any FileSystem) throws(DiagnosticError) -> (path: String, text: String) {
        let path = try self.path(in: options.sourceDirectory.path, fileSystem: fileSystem)
        let policy = SymlinkPolicy(options: options, configPath: SiteFiles.display(path), fileSystem: fileSystem)
        try checkLink(at: path, policy: policy, fileSystem: fileSystem)
        return (SiteFiles.display(path), try text(at: path, fileSystem: fileSystem))
    }

    /// An error when the configuration is a symbolic link that `policy` does not let the build follow.
    static func checkLink(at path: String, policy: SymlinkPolicy, fileSystem: any FileSystem) throws(DiagnosticError) {
        if let link = fileSystem.symbolicLink(at: path), !policy.permits(link) {
            throw DiagnosticError(policy.problem(with: link, displayPath: SiteFiles.display(path)))
        }
    }

    /// The path of the configuration in site folder `site`; an error when there is none.
    static func path(in site: String, fileSystem: any FileSystem) throws(DiagnosticError) -> String {
        let path = site + "/config.yaml"
        guard fileSystem.isFile(path) else {
            throw DiagnosticError(.error(
                "no config.yaml in the site folder '\(SiteFiles.display(site))' (is --source right?)", at: SourceLocation(path: SiteFiles.display(path))))
        }
        return path
    }

    /// The configuration's text (UTF-8).
    static func text(at path: String, fileSystem: any FileSystem) throws(DiagnosticError) -> String {
        let data: Data
        do {
            data = try fileSystem.read(path)
        } catch {
            throw DiagnosticError(error.diagnostic)
        }
        return try SiteFiles.text(data, path: SiteFiles.display(path))
    }
}
