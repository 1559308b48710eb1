#if os(Linux)
import Foundation

/// One server-sent event.
struct ServerSentEvent: Sendable, Equatable {
    var name: String
    var data: String

    /// The data decoded as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]) ?? [:]
    }
}

/// Subscribes to a `text/event-stream` endpoint over a raw connection and queues the events.
actor EventStreamClient {
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    private let connection: RawHTTPConnection
    private var parser = HTTPResponseParser()
    private var consumed = 0
    private var queue: [ServerSentEvent] = []
    private var ended = false
    private var reader: Task<Void, Never>?

    /// The status and headers, once they arrived.
    var status: Int? { parser.status }
    var headers: [String: String] { parser.headers }

    /// Opens `GET path` on `host:port`.
    init(host: String = "localhost", port: Int, path: String) throws {
        connection = try RawHTTPConnection(host: host, port: port)
        try connection.send("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nAccept: text/event-stream\r\n\r\n")
    }

    private func start() {
        guard reader == nil else { return }
        let chunks = connection.chunks
        reader = Task {
            for await chunk in chunks {
                self.receive(chunk)
            }
            self.end()
        }
    }

    private func receive(_ chunk: [UInt8]) {
        parser.feed(chunk)
        if parser.isComplete { ended = true }
        let body = parser.body
        while let end = HTTPResponseParser.find([10, 10], in: Array(body[consumed...])) {
            let block = String(decoding: body[consumed..<(consumed + end)], as: UTF8.self)
            consumed += end + 2
            var name = "message"
            var data: [String] = []
            var hasField = false
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(":") { continue }
                if line.hasPrefix("event:") {
                    name = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
                    hasField = true
                } else if line.hasPrefix("data:") {
                    var value = line.dropFirst(5)
                    if value.first == " " { value = value.dropFirst() }
                    data.append(String(value))
                    hasField = true
                }
            }
            if hasField && !data.isEmpty { queue.append(ServerSentEvent(name: name, data: data.joined(separator: "\n"))) }
        }
    }

    private func end() {
        ended = true
    }

    /// The next event called `name` (skipping others), waiting for it at most the liveness bound.
    func next(_ name: String? = nil) async throws -> ServerSentEvent {
        start()
        let deadline = ContinuousClock.now.advanced(by: Liveness.bound)
        while true {
            while !queue.isEmpty {
                let event = queue.removeFirst()
                if name == nil || event.name == name { return event }
            }
            guard !ended else { throw Timeout(description: "the stream ended before a \(name ?? "any") event") }
            guard ContinuousClock.now < deadline else { throw Timeout(description: "no \(name ?? "any") event within \(Liveness.bound)") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits until the stream ends (the server ended the response or closed the connection), at most
    /// the liveness bound.
    func waitForEnd() async throws {
        start()
        let deadline = ContinuousClock.now.advanced(by: Liveness.bound)
        while !ended {
            guard ContinuousClock.now < deadline else { throw Timeout(description: "the stream did not end within \(Liveness.bound)") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Closes the connection.
    func close() {
        connection.close()
        reader?.cancel()
    }
}
#endif
