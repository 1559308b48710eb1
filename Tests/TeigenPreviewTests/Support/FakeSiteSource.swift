import Foundation
import TeigenBuild
import TeigenCore
@testable import TeigenPreview

/// A `SiteSource` that returns what the test tells it to, and remembers what it was asked.
actor FakeSiteSource: SiteSource {
    private var next: Result<SiteSnapshot, DiagnosticError>
    /// The `changedPaths` of every build, in order.
    private(set) var requests: [Set<String>?] = []

    init(_ snapshot: SiteSnapshot) {
        next = .success(snapshot)
    }

    init(failing error: DiagnosticError) {
        next = .failure(error)
    }

    /// Makes the next builds return `snapshot`.
    func succeed(with snapshot: SiteSnapshot) {
        next = .success(snapshot)
    }

    /// Makes the next builds throw `error`.
    func fail(with error: DiagnosticError) {
        next = .failure(error)
    }

    func build(changedPaths: Set<String>?) async throws -> (SiteSnapshot, RebuildReport) {
        requests.append(changedPaths)
        let snapshot = try next.get()
        return (snapshot, RebuildReport(rebuiltPaths: snapshot.files.keys.sorted(), wasFullBuild: changedPaths == nil, duration: .milliseconds(1)))
    }
}
