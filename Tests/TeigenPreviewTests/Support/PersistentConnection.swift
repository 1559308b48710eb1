#if os(Linux)
import Foundation

/// Requests and their responses one after another on one connection, to see whether the server keeps
/// it open (keep-alive) or closes it.
struct PersistentConnection {
    /// Whether the patience ran out, as opposed to the server closing the connection.
    private actor Deadline {
        private(set) var hasPassed = false
        func pass() { hasPassed = true }
    }

    private let connection: RawHTTPConnection
    private var chunks: AsyncStream<[UInt8]>.Iterator
    private var leftover: [UInt8] = []

    init(port: Int) throws {
        connection = try RawHTTPConnection(host: "127.0.0.1", port: port)
        chunks = connection.chunks.makeAsyncIterator()
    }

    /// Sends a raw request.
    func send(_ request: String) throws {
        try connection.send(request)
    }

    /// The next complete response (its body delimited by `Content-Length`), or nil when the
    /// connection ended before one arrived or `patience` passed.
    mutating func response(patience: Duration) async -> HTTPResponseParser? {
        let deadline = closing(after: patience)
        defer { deadline.cancel() }
        var parser = HTTPResponseParser()
        parser.feed(leftover)
        leftover = []
        while !parser.isComplete {
            guard let chunk = await chunks.next() else { return nil }
            parser.feed(chunk)
        }
        leftover = parser.leftover
        return parser
    }

    /// Whether the server closes the connection, sending nothing more, within `patience`.
    mutating func isClosedByServer(patience: Duration) async -> Bool {
        let timer = Deadline()
        let deadline = closing(after: patience, marking: timer)
        defer { deadline.cancel() }
        while let chunk = await chunks.next() {
            leftover += chunk
        }
        let timedOut = await timer.hasPassed
        return leftover.isEmpty && !timedOut
    }

    /// Closes the connection from this side after `patience` (ending `chunks`), unless cancelled first.
    private func closing(after patience: Duration, marking timer: Deadline? = nil) -> Task<Void, Never> {
        Task { [connection] in
            guard (try? await Task.sleep(for: patience)) != nil else { return }
            await timer?.pass()
            connection.close()
        }
    }
}
#endif
