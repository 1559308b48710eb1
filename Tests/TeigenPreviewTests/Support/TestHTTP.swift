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
    static func send(_ request: String, host: String = "localhost", port: Int, timeout: Duration = .seconds(10)) async throws -> RawResponse {
        let connection = try RawHTTPConnection(host: host, port: port)
        try connection.send(request)
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
                throw Timeout(description: "no response within \(timeout) to \(request.debugDescription)")
            }
            return response
        }
    }

    /// `GET path` with `Connection: close`.
    static func get(_ path: String, host: String = "localhost", port: Int) async throws -> RawResponse {
        try await send("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n", host: host, port: port)
    }
}
#endif
