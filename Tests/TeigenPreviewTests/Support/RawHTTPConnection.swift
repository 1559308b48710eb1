#if os(Linux)
import Foundation
import Glibc

/// A plain TCP connection for tests that need what HummingbirdTesting's clients do not give:
/// raw request lines (malformed ones included) and a streamed response (server-sent events).
/// Bytes are read on a dedicated thread and delivered in order through `chunks`.
final class RawHTTPConnection: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Closes the socket once both the connection and its reader thread let go, so that the
    /// descriptor number cannot be reused by another connection while the thread may still read it.
    private final class Descriptor: Sendable {
        let value: Int32
        init(_ value: Int32) { self.value = value }
        deinit { Glibc.close(value) }
    }

    private let descriptor: Descriptor
    private var socket: Int32 { descriptor.value }
    /// The bytes received, in order; ends when the server closes the connection or `close()` is called.
    let chunks: AsyncStream<[UInt8]>

    /// Connects to `host` (any address it resolves to) on `port`.
    init(host: String, port: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw Failure(description: "cannot resolve \(host)")
        }
        defer { freeaddrinfo(list) }
        var connected: Int32 = -1
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate, connected < 0 {
            let descriptor = Glibc.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if descriptor >= 0 {
                if connect(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    connected = descriptor
                } else {
                    Glibc.close(descriptor)
                }
            }
            candidate = info.pointee.ai_next
        }
        guard connected >= 0 else { throw Failure(description: "cannot connect to \(host):\(port)") }
        // A server that stops reading makes `send` fail after a while instead of blocking forever.
        var sendTimeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connected, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        let descriptor = Descriptor(connected)
        self.descriptor = descriptor
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self)
        chunks = stream
        let thread = Thread {
            let socket = descriptor.value
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    continuation.yield(Array(buffer[0..<count]))
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            continuation.finish()
        }
        thread.start()
    }

    /// Sends text as UTF-8.
    func send(_ text: String) throws {
        try send(bytes: Array(text.utf8))
    }

    /// Sends raw bytes (invalid UTF-8 included).
    func send(bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send failed") }
            sent += count
        }
    }

    /// Stops both directions; the reader thread ends and `chunks` finishes.
    func close() {
        shutdown(socket, Int32(SHUT_RDWR))
    }

    deinit {
        shutdown(socket, Int32(SHUT_RDWR))
    }
}
#endif
