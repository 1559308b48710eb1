import NIOCore
import NIOHTTP1

/// Keeps a connection open after a response, or closes it, as HTTP/1.0 and HTTP/1.1 ask
/// (RFC 9112 §9.3), and frames responses to HTTP/1.0 clients so that they can read them.
///
/// Hummingbird hands its responder version-less requests (swift-http-types has no notion of the
/// HTTP version) and keeps every connection open unless the request header is exactly
/// `Connection: close`. An HTTP/1.0 request without `Connection: keep-alive` then waits for the
/// idle timeout after its response, and a `Connection: Keep-Alive` request gets no keep-alive
/// header back, so the client cannot know the connection persists. This handler sits between
/// NIO's HTTP/1 decoder and Hummingbird's conversion to HTTP types, where the version is still
/// known, and for every response:
/// - answers an HTTP/1.0 request in HTTP/1.0 (so NIO never sends it a chunked body);
/// - keeps the connection when the request allows it (HTTP/1.1 unless `Connection: close`; HTTP/1.0
///   only with `Connection: keep-alive`, which the response then repeats) and the response has a
///   length an HTTP/1.0 client can read;
/// - otherwise says `Connection: close`, closes the connection once the response is sent, and reads
///   nothing more from it.
final class ConnectionPersistence: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// What the response to one request needs to know about it.
    private struct PendingRequest {
        var version: HTTPVersion
        var method: HTTPMethod
        var allowsKeepAlive: Bool
    }

    /// The requests read and not answered yet, oldest first (Hummingbird answers them in order).
    private var pending: [PendingRequest] = []
    /// Whether the connection ends after the response being written.
    private var closesAfterResponse = false
    /// Whether a request that ends the connection was read completely: anything after it is ignored.
    private var ignoresInput = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !ignoresInput else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            pending.append(PendingRequest(version: head.version, method: head.method, allowsKeepAlive: head.isKeepAlive))
        case .body:
            break
        case .end:
            if pending.last?.allowsKeepAlive == false { ignoresInput = true }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status.code >= 200 || head.status == .switchingProtocols:
            context.write(wrapOutboundOut(.head(prepare(head))), promise: promise)
        case .head, .body:
            context.write(data, promise: promise)
        case .end:
            if !pending.isEmpty { pending.removeFirst() }
            guard closesAfterResponse else {
                context.write(data, promise: promise)
                return
            }
            ignoresInput = true
            let boundContext = context.loopBound
            let written = context.writeAndFlush(data)
            written.whenComplete { _ in boundContext.value.close(promise: nil) }
            written.cascade(to: promise)
        }
    }

    /// The response head with the request's version and the connection's fate.
    private func prepare(_ head: HTTPResponseHead) -> HTTPResponseHead {
        var head = head
        let request = pending.first
        if let request, request.version.major == 1, request.version.minor == 0 {
            head.version = .http1_0
        }
        // An HTTP/1.0 client knows where a body ends only by its Content-Length (no chunked coding).
        let hasNoBody = request?.method == .HEAD || head.status == .notModified || head.status == .noContent
        let isDelimited = head.version.minor >= 1 || hasNoBody || head.headers.contains(name: "content-length")
        let responseEndsConnection = head.headers[canonicalForm: "connection"].contains { $0.lowercased() == "close" }
        let keepsAlive = (request?.allowsKeepAlive ?? true) && !responseEndsConnection && isDelimited
        if keepsAlive {
            if head.version.minor == 0 { head.headers.replaceOrAdd(name: "Connection", value: "keep-alive") }
        } else {
            head.headers.replaceOrAdd(name: "Connection", value: "close")
        }
        closesAfterResponse = !keepsAlive
        return head
    }
}
