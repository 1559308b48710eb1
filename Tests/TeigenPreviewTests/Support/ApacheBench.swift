import Foundation

/// ApacheBench (`ab`, Debian's apache2-utils): an HTTP/1.0 client that waits for the server to close
/// each connection, or, with `-k`, asks for keep-alive and relies on the server's answer.
struct ApacheBench {
    /// What one run reported.
    struct Report: CustomStringConvertible {
        var exitCode: Int32
        var output: String
        var errors: String
        var complete: Int? { number(after: "Complete requests:") }
        var failed: Int? { number(after: "Failed requests:") }
        var keptAlive: Int? { number(after: "Keep-Alive requests:") }
        var non2xx: Int { number(after: "Non-2xx responses:") ?? 0 }

        var description: String { "exit \(exitCode)\n--- ab's standard error:\n\(errors)\n--- ab's standard output:\n\(output)" }

        private func number(after label: String) -> Int? {
            for line in output.split(separator: "\n") where line.hasPrefix(label) {
                return Int(line.dropFirst(label.count).trimmingCharacters(in: .whitespaces))
            }
            return nil
        }
    }

    static let path = ["/usr/bin/ab", "/usr/sbin/ab"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `ab` against `url`: `requests` requests, `concurrency` at once, each response awaited at
    /// most `timeoutSeconds` (ab's `-s`).
    static func run(url: String, requests: Int, concurrency: Int, keepAlive: Bool, timeoutSeconds: Int) async throws -> Report {
        let arguments = ["-q", "-n", String(requests), "-c", String(concurrency), "-s", String(timeoutSeconds)]
            + (keepAlive ? ["-k"] : []) + [url]
        let outcome = try await ChildProcess.run(URL(fileURLWithPath: path ?? "/usr/bin/ab"), arguments: arguments)
        return Report(exitCode: outcome.status, output: outcome.standardOutput, errors: outcome.standardError)
    }
}
