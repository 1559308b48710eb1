import Foundation
import TeigenCore

/// Reads the files below the folders of the site and the theme through the FileSystem seam, several at once,
/// in path order, following only the symbolic links `policy` permits (part of the `load` step). What goes
/// wrong is collected for the step to report together.
struct FolderReader {
    let fileSystem: any FileSystem
    let policy: SymlinkPolicy
    let jobs: Int
    /// Files that could not be read, folders that could not be listed, links that may not be followed.
    private(set) var errors: [Diagnostic] = []
    /// Whether a symbolic link was refused.
    private(set) var refusedLinks = false
    /// What the build reads (and the links it followed), for the check that nothing leads into the output folder.
    private(set) var inputs: [OutputFolder.Input]

    init(fileSystem: any FileSystem, policy: SymlinkPolicy, options: BuildOptions) {
        self.fileSystem = fileSystem
        self.policy = policy
        jobs = options.jobs
        inputs = OutputFolder.inputs(of: options, fileSystem: fileSystem)
    }

    /// The files below `root` that `keep` accepts (by path relative to `root`).
    /// Throws only when the build is cancelled.
    mutating func read(_ root: String, keep: (String) -> Bool = { _ in true }) async throws(DiagnosticError) -> [SiteFiles.File] {
        if let link = fileSystem.symbolicLink(at: root) {
            guard policy.permits(link) else {
                refuse(link, displayPath: SiteFiles.display(root))
                return []
            }
            inputs.append(.link(SiteFiles.display(root), resolved: link.resolved))
        }
        let names: [String]
        do {
            let listing = try fileSystem.list(root, follow: policy.permits)
            for link in listing.links {
                let path = SiteFiles.display(root + "/" + link.path)
                if policy.permits(link) {
                    inputs.append(.link(path, resolved: link.resolved))
                } else {
                    refuse(link, displayPath: path)
                }
            }
            names = listing.files.filter(keep)
        } catch {
            errors.append(FileSystemError(path: SiteFiles.display(error.path), reason: error.reason).diagnostic)
            return []
        }
        let fileSystem = self.fileSystem
        let read = try await BuildPipeline.parallelMap(names, jobs: jobs) { name -> Result<SiteFiles.File, FileSystemError> in
            let path = root + "/" + name
            do throws(FileSystemError) {
                return .success(SiteFiles.File(relativePath: name, displayPath: SiteFiles.display(path), data: try fileSystem.read(path)))
            } catch {
                return .failure(FileSystemError(path: SiteFiles.display(path), reason: error.reason))
            }
        }
        var files: [SiteFiles.File] = []
        files.reserveCapacity(read.count)
        for file in read {
            switch file {
            case .success(let file): files.append(file)
            case .failure(let error): errors.append(error.diagnostic)
            }
        }
        return files
    }

    private mutating func refuse(_ link: SymbolicLink, displayPath: String) {
        errors.append(policy.problem(with: link, displayPath: displayPath))
        refusedLinks = true
    }
}
