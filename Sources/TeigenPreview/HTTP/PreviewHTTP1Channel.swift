import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 channel with `ConnectionPersistence` added right after NIO's HTTP/1 decoder,
/// where each request's HTTP version is still known.
///
/// ```swift
/// let server = HTTPServerBuilder { responder in
///     PreviewHTTP1Channel(HTTP1Channel(responder: responder, configuration: configuration))
/// }
/// ```
struct PreviewHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel

    init(_ http1: HTTP1Channel) {
        self.http1 = http1
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(ConnectionPersistence(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
