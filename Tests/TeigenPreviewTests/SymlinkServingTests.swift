#if os(Linux)
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TeigenBuild
import Testing

@testable import TeigenPreview

/// The preview serves only what the build produced, so a symbolic link in the site to a file outside it is
/// never served: its build fails like `teigen build`'s, and the last good build stays.
@Suite("The preview and symbolic links out of the site")
struct SymlinkServingTests {
    /// A server around the real incremental builder of the site in `folder`.
    struct Server {
        let hub = LiveReloadHub(heartbeatInterval: .seconds(60))
        let store: SiteStore
        let rebuilder: SiteRebuilder

        init(site: URL) {
            store = SiteStore(hub: hub, session: "test")
            rebuilder = SiteRebuilder(
                source: IncrementalBuilder(options: BuildOptions(sourceDirectory: site, jobs: 1)), store: store, console: .silent, verbose: false)
        }

        var application: Application<PreviewResponder> {
            var logger = Logger(label: "teigen.preview.tests")
            logger.logLevel = .critical
            return PreviewServer.application(responder: PreviewResponder(store: store, hub: hub), configuration: .init(), logger: logger)
        }

        /// The status and body of `GET path`.
        func get(_ path: String) async throws -> (status: HTTPResponse.Status, body: String) {
            try await application.test(.router) { client in
                let response = try await client.execute(uri: path, method: .get)
                return (response.status, String(buffer: response.body))
            }
        }
    }

    static let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? ""

    @Test func aLinkToEtcPasswdIsNeverServed() async throws {
        #expect(Self.passwd.contains("root:"))
        let folder = try TemporaryFolder()
        try EndToEndTests.writeSite(in: folder.url)
        let site = folder.url.appendingPathComponent("site")
        let server = Server(site: site)
        #expect(await server.rebuilder.rebuild(changedPaths: nil) == .built)

        // Added to a running preview: the rebuild fails, the last good build (without it) is served.
        let link = site.appendingPathComponent("content/passwd.txt")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/etc/passwd")
        #expect(await server.rebuilder.rebuild(changedPaths: [link.path]) == .failed)
        let afterEdit = try await server.get("/passwd.txt")
        #expect(afterEdit.status == .notFound)
        #expect(!afterEdit.body.contains("root:"))

        try FileManager.default.removeItem(at: link)
        #expect(await server.rebuilder.rebuild(changedPaths: [link.path]) == .built)

        // A page replaced by a link to a file outside with the same front matter (an edit of the body only, to
        // the quick way of rebuilding): refused just the same.
        let outside = try TemporaryFolder()
        let secret = outside.url.appendingPathComponent("secret.md")
        try EndToEndTests.home(title: "Home", body: "A secret from outside.").write(to: secret, atomically: true, encoding: .utf8)
        let home = site.appendingPathComponent("content/_index.md")
        try FileManager.default.removeItem(at: home)
        try FileManager.default.createSymbolicLink(atPath: home.path, withDestinationPath: secret.path)
        #expect(await server.rebuilder.rebuild(changedPaths: [home.path]) == .failed)
        let page = try await server.get("/")
        #expect(page.status == .ok)
        #expect(page.body.contains("Hello from the first build."))
        #expect(!page.body.contains("A secret from outside."))
        try FileManager.default.removeItem(at: home)
        try EndToEndTests.home(title: "Home", body: "Hello from the first build.").write(to: home, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/etc/passwd")

        // There from the start: nothing is built, nothing served.
        let fresh = Server(site: site)
        #expect(await fresh.rebuilder.rebuild(changedPaths: nil) == .failed)
        let first = try await fresh.get("/passwd.txt")
        #expect(first.status != .ok)
        #expect(!first.body.contains("root:"))

        // Allowed by name, it is published like any other file (so the checks above can fail).
        let config = site.appendingPathComponent("config.yaml")
        try (String(contentsOf: config, encoding: .utf8) + "allowSymlinksOutside: [/etc/passwd]\n").write(to: config, atomically: true, encoding: .utf8)
        let allowed = Server(site: site)
        #expect(await allowed.rebuilder.rebuild(changedPaths: nil) == .built)
        let served = try await allowed.get("/passwd.txt")
        #expect(served.status == .ok)
        #expect(served.body == Self.passwd)
    }
}
#endif
