import HummingbirdCore
import NIOCore

/// What the preview server puts up with from one connection before it gives up on it.
///
/// Without an idle timeout a client that connects and never finishes its request (or sends a
/// request head one byte at a time) holds its connection, and the memory behind it, forever:
/// hundreds of them exhaust the server. The timer starts when the connection opens and again when
/// a response ends; only a complete request head stops it, so trickling bytes does not keep a
/// connection alive. An open response (a live-reload event stream) is never cut.
///
/// Request heads are limited too: the request target counts as a header field, so a 1 MB URL, a
/// 1 MB header or ten thousand headers get `400 Bad Request` and a closed connection long before
/// they are read into memory.
///
/// ```swift
/// var configuration = PreviewServer.Configuration(port: 0)
/// configuration.limits.idleTimeout = .seconds(5)
/// ```
public struct ConnectionLimits: Sendable, Equatable {
    /// How long a connection may take to send a complete request head, and may stay idle between
    /// requests, before the server closes it.
    public var idleTimeout: Duration
    /// The longest request target, header line (name and value), or `Cookie` header, in bytes.
    public var maxHeaderFieldSize: Int
    /// The most bytes of request target and headers together.
    public var maxHeadSize: Int
    /// The most header fields in one request.
    public var maxHeaderCount: Int

    /// - Parameters:
    ///   - idleTimeout: long enough for any browser on the same machine, short enough that slow
    ///     clients cannot pile up; browsers open a new connection when an idle one was closed.
    ///   - maxHeaderFieldSize: large cookies of other local development servers still fit.
    ///   - maxHeadSize: the whole request head.
    ///   - maxHeaderCount: browsers send about twenty.
    public init(
        idleTimeout: Duration = .seconds(10), maxHeaderFieldSize: Int = 64 * 1024, maxHeadSize: Int = 80 * 1024,
        maxHeaderCount: Int = 200
    ) {
        self.idleTimeout = idleTimeout
        self.maxHeaderFieldSize = maxHeaderFieldSize
        self.maxHeadSize = maxHeadSize
        self.maxHeaderCount = maxHeaderCount
    }

    /// The HTTP/1 server with these limits, closing or keeping connections as each request asks
    /// (see `ConnectionPersistence`).
    var httpServer: HTTPServerBuilder {
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: maxHeaderFieldSize, maxHeaderListSize: maxHeadSize, maxHeaderFieldCount: maxHeaderCount)
        let configuration = HTTP1Channel.Configuration(idleTimeout: TimeAmount(idleTimeout), httpDecoderConfiguration: decoder)
        return HTTPServerBuilder { responder in
            PreviewHTTP1Channel(HTTP1Channel(responder: responder, configuration: configuration))
        }
    }
}
