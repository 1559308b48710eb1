import Foundation
import TeigenCore

/// The output files of a build with where each came from, so that two sources of one path are an error naming both.
struct OutputSet {
    /// Outputs by path; `data` is nil for files already written (pages streamed to disk).
    private var files: [String: (data: Data?, origin: String)] = [:]
    private var collisions: [Diagnostic] = []

    mutating func add(_ file: OutputFile) {
        if let existing = files[file.path] {
            let origin = file.origin
            collisions.append(.error(
                "two sources write the same output file '\(file.path)': \(existing.origin) and \(origin)",
                at: SourceLocation(path: origin.hasPrefix("alias") || origin.hasPrefix("the ") ? existing.origin : origin)))
            return
        }
        files[file.path] = (file.data, file.origin)
    }

    mutating func add(_ files: [OutputFile]) {
        for file in files { add(file) }
    }

    /// Throws when two sources make the same file.
    func checkCollisions() throws(DiagnosticError) {
        guard collisions.isEmpty else { throw DiagnosticError(collisions) }
    }

    /// The outputs still to be written, sorted by path.
    var sorted: [(path: String, data: Data)] {
        files.keys.sorted().compactMap { path in files[path]!.data.map { (path, $0) } }
    }

    /// How many outputs there are, written or not.
    var count: Int { files.count }
}
