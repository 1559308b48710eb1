/// The open live-reload connections and what each new one must be told first.
///
/// Every subscriber gets `hello` with the current build (once a build was announced), then the
/// current error if the last rebuild failed, then every published event. `close()` ends every
/// stream (graceful shutdown).
actor LiveReloadHub {
    private var subscribers: [Int: AsyncStream<LiveReloadEvent>.Continuation] = [:]
    private var nextID = 0
    private var build = ""
    /// The `error` event of the last rebuild, when it failed: new connections get it after `hello`.
    private var failure: LiveReloadEvent?
    private var isClosed = false
    private var heartbeat: Task<Void, Never>?
    private let heartbeatInterval: Duration

    /// - Parameter heartbeatInterval: how often idle connections get a comment, to notice closed ones.
    init(heartbeatInterval: Duration = .seconds(20)) {
        self.heartbeatInterval = heartbeatInterval
    }

    /// How many connections are open.
    var subscriberCount: Int { subscribers.count }

    /// Opens a stream of events for one connection. The stream ends when the hub closes; when the
    /// connection drops the stream is released and the subscriber removed.
    func subscribe() -> AsyncStream<LiveReloadEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveReloadEvent.self, bufferingPolicy: .bufferingNewest(32))
        guard !isClosed else {
            continuation.finish()
            return stream
        }
        // Before the first build ends there is nothing to compare a page with: the page saying that
        // the site is being built waits for the first `reload` (or `error`).
        if !build.isEmpty {
            continuation.yield(.hello(build: build))
        }
        if let failure {
            continuation.yield(failure)
        }
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        if heartbeat == nil {
            heartbeat = Task { [heartbeatInterval] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: heartbeatInterval)
                    guard self.ping() else { return }
                }
            }
        }
        return stream
    }

    /// Sends an event to every open connection and remembers the state it announces.
    func publish(_ event: LiveReloadEvent) {
        switch event {
        case .hello(let build), .reload(let build), .stylesheets(let build, _):
            self.build = build
            failure = nil
        case .error(let build, _, _):
            self.build = build
            failure = event
        case .ping:
            break
        }
        for continuation in subscribers.values {
            continuation.yield(event)
        }
    }

    /// Ends every stream; later subscribers get an ended stream.
    func close() {
        isClosed = true
        heartbeat?.cancel()
        heartbeat = nil
        let open = subscribers.values
        subscribers = [:]
        for continuation in open {
            continuation.finish()
        }
    }

    private func remove(_ id: Int) {
        subscribers[id] = nil
    }

    /// Pings every connection; returns `false` (ending the heartbeat) when none is left.
    private func ping() -> Bool {
        guard !subscribers.isEmpty, !isClosed else {
            heartbeat = nil
            return false
        }
        for continuation in subscribers.values {
            continuation.yield(.ping)
        }
        return true
    }
}
