import Foundation
import TeigenCore

/// The output files of a build with where each came from, so that two sources of one path are an error naming both.
struct OutputSet {
    private var files: [String: (data: Data, origin: String)] = [:]
    private(set) var collisions: [Diagnostic] = []

    mutating func add(_ path: String, _ data: Data, origin: String) {
        if let existing = files[path] {
            collisions.append(.error(
                "two sources write the same output file '\(path)': \(existing.origin) and \(origin)",
                at: SourceLocation(path: origin.hasPrefix("alias") || origin.hasPrefix("the ") ? existing.origin : origin)))
            return
        }
        files[path] = (data, origin)
    }

    var sorted: [(path: String, data: Data)] {
        files.keys.sorted().map { ($0, files[$0]!.data) }
    }
}
