import Crypto
import Foundation

/// Results of a tool kept between builds, so that a rebuild does not run the tool again for code or a
/// formula it has seen: on disk in one folder (`.teigen-cache/highlight/`, `.teigen-cache/math/`,
/// beside the site folder, git-ignored), one small file per result named by SHA-256 over the tool's
/// ``CodeHighlighter/identity`` and the request; and in memory (``Memory``) for the preview server,
/// which asks for the same blocks build after build.
///
/// Files are written under a temporary name and renamed into place, so two builds at once, or a build
/// stopped half-way, never leave a partial result.
public struct ToolCache: Sendable {
    /// The cache folder; nil keeps nothing on disk.
    public let directory: String?

    public init(directory: String?) {
        self.directory = directory
    }

    /// Results by key, kept by a caller between runs (the preview server's builds).
    public typealias Memory = [String: Data]

    /// The result for each request: from `memory`, from the disk, or from one call of `run` for all those
    /// found in neither (which are then kept in both). When the tool cannot be run their results are nil
    /// and the reason is returned.
    public func results<Request: Encodable, Result: Codable & Sendable>(
        for requests: [Request], identity: String, memory: inout Memory,
        run: ([Request]) async throws(ToolUnavailable) -> [Result]
    ) async -> (results: [Result?], unavailable: ToolUnavailable?, ran: Int) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let decoder = JSONDecoder()
        var results = [Result?](repeating: nil, count: requests.count)
        var missing: [String: [Int]] = [:]
        var order: [String] = []
        for (index, request) in requests.enumerated() {
            let key = Self.key(identity: identity, request: (try? encoder.encode(request)) ?? Data())
            if let data = memory[key] ?? read(key), let result = try? decoder.decode(Result.self, from: data) {
                memory[key] = data
                results[index] = result
            } else {
                if missing[key] == nil { order.append(key) }
                missing[key, default: []].append(index)
            }
        }
        guard !order.isEmpty else { return (results, nil, 0) }
        let asked = order.map { requests[missing[$0]![0]] }
        do throws(ToolUnavailable) {
            let answers = try await run(asked)
            for (key, answer) in zip(order, answers) {
                for index in missing[key]! { results[index] = answer }
                guard let data = try? encoder.encode(answer) else { continue }
                memory[key] = data
                write(data, key: key)
            }
            return (results, nil, asked.count)
        } catch {
            return (results, error, 0)
        }
    }

    /// SHA-256 in hex over the identity and the encoded request.
    static func key(identity: String, request: Data) -> String {
        var hash = SHA256()
        hash.update(data: Data(identity.utf8))
        hash.update(data: Data([0]))
        hash.update(data: request)
        return hash.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    private func path(_ key: String) -> String? {
        directory.map { $0 + "/" + key.prefix(2) + "/" + key + ".json" }
    }

    private func read(_ key: String) -> Data? {
        path(key).flatMap { FileManager.default.contents(atPath: $0) }
    }

    /// Writes one result; a cache that cannot be written is only slower, so failures are ignored.
    private func write(_ data: Data, key: String) {
        guard let path = path(key) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/." + key + "." + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
