import Foundation
import TeigenCore

/// The `write` step: writes a build's files into the staging folder, the folders first, then the files
/// from several tasks at once.
struct FileWriter {
    let output: AtomicOutput
    let jobs: Int

    func write(_ files: [(path: String, data: Data)]) async throws(DiagnosticError) {
        do {
            try output.makeFolders(AtomicOutput.folders(of: files.map(\.path)))
        } catch {
            throw WriteFailure.report([error])
        }
        let output = self.output
        let failures = try await BuildPipeline.parallelMap(files, jobs: jobs) { file -> WriteFailure? in
            do throws(WriteFailure) {
                try output.write(file.data, to: file.path, createFolder: false)
                return nil
            } catch {
                return error
            }
        }
        let failed = failures.compactMap { $0 }
        guard failed.isEmpty else { throw WriteFailure.report(failed) }
    }
}
