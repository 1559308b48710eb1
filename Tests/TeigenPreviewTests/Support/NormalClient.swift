#if os(Linux)
import Foundation

/// A well-behaved browser asking for `/` again and again (each time on a new connection) while
/// something else goes on, remembering how every request went.
actor NormalClient {
    /// One `GET /`.
    struct Probe: Sendable, CustomStringConvertible {
        var status: Int
        var elapsed: Duration
        var failure: String?
        var isHomePage: Bool

        var succeeded: Bool { failure == nil && status == 200 && isHomePage }

        var description: String {
            "GET / → \(status) in \(elapsed)" + (failure.map { " (\($0))" } ?? "") + (isHomePage ? "" : " (not the home page)")
        }
    }

    private let port: Int
    private let timeout: Duration
    private(set) var probes: [Probe] = []
    private var isStopping = false
    private var loop: Task<Void, Never>?

    /// - Parameters:
    ///   - port: the server's port on 127.0.0.1.
    ///   - timeout: how long one request may take before it counts as failed (a liveness bound).
    init(port: Int, timeout: Duration = Liveness.bound) {
        self.port = port
        self.timeout = timeout
    }

    /// One request now.
    nonisolated static func probe(port: Int, timeout: Duration = Liveness.bound) async -> Probe {
        let start = ContinuousClock.now
        do {
            let response = try await TestHTTP.get("/", host: "127.0.0.1", port: port, timeout: timeout)
            return Probe(status: response.status, elapsed: ContinuousClock.now - start, failure: nil, isHomePage: response.text.contains("<h1>Home</h1>"))
        } catch {
            return Probe(status: 0, elapsed: ContinuousClock.now - start, failure: "\(error)", isHomePage: false)
        }
    }

    /// Starts asking every `interval`, at most `limit` times.
    func start(every interval: Duration = .milliseconds(100), limit: Int = 400) {
        guard loop == nil else { return }
        loop = Task {
            for _ in 0..<limit {
                guard !self.isStopping else { break }
                self.record(await Self.probe(port: self.port, timeout: self.timeout))
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Lets the request under way finish, stops, and returns every probe.
    func stop() async -> [Probe] {
        isStopping = true
        await loop?.value
        return probes
    }

    private func record(_ probe: Probe) {
        probes.append(probe)
    }
}
#endif
