#if os(Linux)
import Foundation

/// A response read over a raw connection.
struct RawResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Plain HTTP requests over `RawHTTPConnection`.
enum TestHTTP {
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    /// Sends `request` (raw text, such as `"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"`)
    /// and reads the response until complete, the connection ends or `timeout` passes.
    static func send(_ request: String, host: String = "localhost", port: Int, timeout: Duration = Liveness.bound) async throws -> RawResponse {
        try await send(bytes: Array(request.utf8), host: host, port: port, timeout: timeout)
    }

    /// Sends raw bytes and reads the response as `send(_:host:port:timeout:)` does. A server that
    /// closes the connection without answering gives status `0`.
    static func send(bytes request: [UInt8], host: String = "localhost", port: Int, timeout: Duration = Liveness.bound) async throws -> RawResponse {
        let connection = try RawHTTPConnection(host: host, port: port)
        do {
            try connection.send(bytes: request)
        } catch {
            // The server may stop reading (and answer) before the whole request is sent: read what it said.
        }
        return try await withThrowingTaskGroup(of: RawResponse?.self) { group in
            group.addTask {
                var parser = HTTPResponseParser()
                for await chunk in connection.chunks {
                    parser.feed(chunk)
                    if parser.isComplete { break }
                }
                parser.finish()
                connection.close()
                return RawResponse(status: parser.status ?? 0, headers: parser.headers, body: parser.body)
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                connection.close()
                return nil
            }
            defer { group.cancelAll() }
            guard let response = try await group.next() ?? nil else {
                throw Timeout(description: "no response within \(timeout) to \(String(decoding: request.prefix(200), as: UTF8.self).debugDescription)")
            }
            return response
        }
    }

    /// What the server did with some bytes: what it answered, and whether it closed the connection.
    struct Exchange: Sendable, CustomStringConvertible {
        /// The status of the response, if a response head arrived.
        var status: Int?
        var headers: [String: String]
        var body: [UInt8]
        /// Whether the server closed the connection (rather than the patience running out).
        var closedByServer: Bool
        var elapsed: Duration
        var text: String { String(decoding: body, as: UTF8.self) }

        var description: String {
            "status \(status.map(String.init) ?? "none"), \(closedByServer ? "closed by the server" : "left open") after \(elapsed)"
        }
    }

    /// Sends raw bytes and reads until the server closes the connection or `patience` passes:
    /// for requests that must end with the server dropping the connection, not only answering.
    static func exchange(bytes request: [UInt8], host: String = "127.0.0.1", port: Int, patience: Duration) async throws -> Exchange {
        enum Outcome: Sendable {
            case closed(HTTPResponseParser)
            case timedOut
        }
        let start = ContinuousClock.now
        let connection = try RawHTTPConnection(host: host, port: port)
        try? connection.send(bytes: request)
        return await withTaskGroup(of: Outcome.self) { group in
            group.addTask {
                var parser = HTTPResponseParser()
                for await chunk in connection.chunks {
                    parser.feed(chunk)
                }
                return .closed(parser)
            }
            group.addTask {
                try? await Task.sleep(for: patience)
                return .timedOut
            }
            var closedByServer = true
            var parser = HTTPResponseParser()
            while let outcome = await group.next() {
                switch outcome {
                case .timedOut:
                    closedByServer = false
                    connection.close()
                case .closed(let received):
                    parser = received
                    group.cancelAll()
                }
                if case .closed = outcome { break }
            }
            let elapsed = ContinuousClock.now - start
            connection.close()
            return Exchange(status: parser.status, headers: parser.headers, body: parser.body, closedByServer: closedByServer, elapsed: elapsed)
        }
    }

    /// `GET path` with `Connection: close`.
    static func get(_ path: String, host: String = "localhost", port: Int, timeout: Duration = Liveness.bound) async throws -> RawResponse {
        try await send("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n", host: host, port: port, timeout: timeout)
    }
}
#endif
