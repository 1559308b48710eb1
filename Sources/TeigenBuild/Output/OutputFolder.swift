import Foundation
import TeigenCore

/// The folder a build writes into, and the rules that keep it Teigen's alone. Every build replaces the whole
/// folder, so it may never be `/`, a home folder, or a folder that is, holds or lies inside anything the build
/// reads (compared after resolving symbolic links and `..`); and an existing folder is replaced only when it is
/// empty or holds the manifest of an earlier build (`OutputManifest`), unless the user passes `--force`.
struct OutputFolder {
    /// Something the build reads: how messages name it, its resolved path, and what to do instead.
    struct Input {
        var name: String
        var resolved: String
        var advice = "use a folder of its own, such as 'public'"

        /// The target of a symbolic link in the site or theme folder (`displayPath` is the link's path).
        static func link(_ displayPath: String, resolved: String) -> Input {
            Input(name: "the target of the symbolic link '\(displayPath)'", resolved: resolved, advice: "remove the link, or build into another folder")
        }
    }

    /// The folder as given (absolute).
    let path: String
    /// The folder with symbolic links and `..` resolved, as far as it exists.
    let resolved: String
    let fileSystem: any FileSystem

    init(_ url: URL, fileSystem: any FileSystem = DiskFileSystem()) {
        path = url.standardizedFileURL.path
        resolved = PathRelation.resolve(path, fileSystem)
        self.fileSystem = fileSystem
    }

    /// The folder as messages show it.
    var display: String {
        path + "/" == SiteFiles.workingDirectory ? "." : SiteFiles.display(path)
    }

    /// The site and theme folders of `options`, resolved: what every build reads.
    static func inputs(of options: BuildOptions, fileSystem: any FileSystem) -> [Input] {
        [
            Input(name: "the site folder '\(SiteFiles.display(options.sourceDirectory.path))'",
                  resolved: PathRelation.resolve(options.sourceDirectory.path, fileSystem)),
            Input(name: "the theme folder '\(SiteFiles.display(options.themeDirectory.path))'",
                  resolved: PathRelation.resolve(options.themeDirectory.path, fileSystem)),
        ]
    }

    /// Why the build may not write here, given what it reads: `/`, a home folder, or a folder that is, holds or
    /// lies inside one of `inputs`.
    func placementProblems(inputs: [Input]) -> [Diagnostic] {
        if resolved == "/" {
            return [problem("it is the root of the file system; the output folder is replaced by every build, so use a folder of its own, such as 'public'")]
        }
        for home in PathRelation.homeFolders(fileSystem) where PathRelation.isInside(home, resolved) {
            let what = home == resolved ? "your home folder" : "your home folder '\(home)'"
            return [problem("it \(home == resolved ? "is" : "holds") \(what); the output folder is replaced by every build, so use a folder of its own, such as 'public'")]
        }
        var problems: [Diagnostic] = []
        for input in inputs {
            if input.resolved == resolved {
                problems.append(problem("it is \(input.name), which the build reads; \(input.advice)"))
            } else if PathRelation.isInside(input.resolved, resolved) {
                problems.append(problem("it holds \(input.name), which the build reads and which replacing the output folder would delete; \(input.advice)"))
            } else if PathRelation.isInside(resolved, input.resolved) {
                problems.append(problem(
                    "it lies inside \(input.name), which the build reads, so each build would read the last one's output back as input; \(input.advice)"))
            }
        }
        return problems
    }

    /// Why the build may not replace what the folder holds now: it exists, is not empty and holds no manifest of an
    /// earlier build. Nil when it may (or when `force`).
    func ownershipProblem(force: Bool) -> Diagnostic? {
        guard !force, fileSystem.isDirectory(resolved) else { return nil }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: resolved), !entries.isEmpty else { return nil }
        if OutputManifest.isPresent(in: resolved, fileSystem: fileSystem) { return nil }
        let example = entries.sorted().first!
        return problem(
            "refusing to replace this folder: it holds files that Teigen did not write (such as '\(Diagnostic.shown(example))') and no "
                + "\(OutputManifest.fileName) from an earlier build; build into an empty or new folder, or pass --force to replace it (deleting those files)",
            prefix: false)
    }

    private func problem(_ reason: String, prefix: Bool = true) -> Diagnostic {
        .error(prefix ? "refusing to build into this folder: " + reason : reason, at: SourceLocation(path: display))
    }
}
