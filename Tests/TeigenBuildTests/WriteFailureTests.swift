import Testing
@testable import TeigenBuild
import TeigenCore

@Suite struct WriteFailureTests {
    static func failure(_ path: String) -> WriteFailure {
        WriteFailure(
            path: path,
            diagnostic: .error("cannot write '\(path)' into the staging folder: No space left on device", at: SourceLocation(path: "public")))
    }

    /// A full disk fails every write the same way: the first failure by path is reported once, with a count.
    @Test func failuresAreReportedOnceWithACount() {
        let report = WriteFailure.report([Self.failure("b/index.html"), Self.failure("a/index.html"), Self.failure("a/b/index.html")])
        #expect(report.diagnostics.map(\.header) == [
            "public: error: cannot write 'a/b/index.html' into the staging folder: No space left on device (2 more files could not be written either)"
        ])
        #expect(WriteFailure.report([Self.failure("x")]).diagnostics.map(\.message) == [Self.failure("x").diagnostic.message])
    }
}
