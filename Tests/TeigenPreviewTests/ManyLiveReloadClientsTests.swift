#if os(Linux)
import Foundation
import Testing

@testable import TeigenPreview

@Suite("Live reload with many open pages")
struct ManyLiveReloadClientsTests {
    @Test("100 open pages all get the reload of one edit, and idle timeouts do not cut their streams")
    func hundredPages() async throws {
        let idleTimeout: Duration = .seconds(1)
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        let configuration = PreviewServer.Configuration(limits: ConnectionLimits(idleTimeout: idleTimeout))
        try await LiveServer.run(fixture, configuration: configuration) { server in
            var pages: [EventStreamClient] = []
            for _ in 0..<100 {
                pages.append(try EventStreamClient(host: server.host, port: server.port, path: "/__teigen/events"))
            }
            let greeted = try await withThrowingTaskGroup(of: String?.self) { group in
                for page in pages {
                    group.addTask { try await page.next("hello").json["build"] as? String }
                }
                var builds: [String?] = []
                for try await build in group { builds.append(build) }
                return builds
            }
            #expect(greeted == Array(repeating: "test-1", count: 100))
            #expect(await fixture.hub.subscriberCount == 100)

            // Longer than the idle timeout: an open event stream is a response in progress, not an idle connection.
            try await Task.sleep(for: idleTimeout * 2)

            // An edit: the new snapshot is published.
            await fixture.source.succeed(with: TestSnapshots.site(title: "Edited"))
            await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"])
            let reloads = try await withThrowingTaskGroup(of: String?.self) { group in
                for page in pages {
                    group.addTask { try await page.next("reload").json["build"] as? String }
                }
                var builds: [String?] = []
                for try await build in group { builds.append(build) }
                return builds
            }
            #expect(reloads == Array(repeating: "test-2", count: 100))
            let page = try await TestHTTP.get("/", host: server.host, port: server.port)
            #expect(page.text.contains("<h1>Edited</h1>"))
            for page in pages { await page.close() }
            #expect(await server.isRunning)
        }
    }
}
#endif
