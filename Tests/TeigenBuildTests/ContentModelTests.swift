import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// The `model` fixture: taxonomies, pagination, publication dates, overrides of theme files and of Teigen's own
/// templates, feeds and JSON outputs (its golden output is checked by `FixtureSiteTests`).
@Suite struct ContentModelTests {
    static let site = Fixtures.root.appendingPathComponent("sites/model/site")

    /// 2024-04-09 in Tokyo: after every page's date, before `expired.md` expires (2024-04-10 in Tokyo).
    static let beforeExpiry = Date(timeIntervalSince1970: 1_712_588_400)

    static func build(_ options: BuildOptions) async throws -> (BuildProduct, [String: String]) {
        let output = Fixtures.temporaryFolder().appendingPathComponent("public")
        let product = try await SiteBuilder(options: options, output: output).build()
        return (product, try Fixtures.tree(output).mapValues { String(decoding: $0, as: UTF8.self) })
    }

    @Test func skippedPagesAreCountedAndListed() async throws {
        let (product, files) = try await Self.build(BuildOptions(sourceDirectory: Self.site))
        #expect(product.skipped.map(\.reason) == [.draft, .expired, .future])
        #expect(product.skipped.map { $0.sourcePath.hasSuffix("proposals/\($0.reason.rawValue).md") } == [true, true, true])
        #expect(product.skippedCount(.draft) == 1 && product.skippedCount(.future) == 1 && product.skippedCount(.expired) == 1)
        for name in ["draft", "future", "expired"] {
            #expect(files["proposals/\(name)/index.html"] == nil)
            #expect(!(files["atom.xml"] ?? "").contains("proposals/\(name)/"))
            #expect(!(files["feed.json"] ?? "").contains("proposals/\(name)/"))
            #expect(!(files["sitemap.xml"] ?? "").contains("proposals/\(name)/"))
            #expect(!(files["tags/核軍縮/index.html"] ?? "").contains("proposals/\(name)/"))
        }
        // The draft's only term has no page at all.
        #expect(files["tags/下書き/index.html"] == nil)
    }

    @Test func futureAndExpiredFlagsIncludeThem() async throws {
        var options = BuildOptions(sourceDirectory: Self.site)
        options.includeFuture = true
        var (product, files) = try await Self.build(options)
        #expect(product.skipped.map(\.reason) == [.draft, .expired])
        #expect(files["proposals/future/index.html"] != nil)
        #expect(files["tags/核軍縮/feed.json"]?.contains("/proposals/future/") == true)
        #expect(files["tags/核軍縮/page/2/index.html"] != nil)
        options.includeFuture = false
        options.includeExpired = true
        (product, files) = try await Self.build(options)
        #expect(product.skipped.map(\.reason) == [.draft, .future])
        #expect(files["proposals/expired/index.html"] != nil)
        #expect(files["atom.xml"]?.contains("/proposals/expired/") == true)
    }

    @Test func nowDecidesWhatHasExpired() async throws {
        var options = BuildOptions(sourceDirectory: Self.site)
        options.now = Self.beforeExpiry
        let (product, files) = try await Self.build(options)
        #expect(product.skipped.map(\.reason) == [.draft, .future])
        #expect(files["proposals/expired/index.html"] != nil)
        #expect(product.nextPublicationChange == Date(timeIntervalSince1970: 1_712_674_800))
    }

    @Test func overridesAreListed() async throws {
        let (product, files) = try await Self.build(BuildOptions(sourceDirectory: Self.site))
        func overrides(_ file: String, _ replaced: String) -> Bool {
            product.overrides.contains { $0.file.hasSuffix("model/" + file) && ($0.replaces == replaced || $0.replaces.hasSuffix("model/" + replaced)) }
        }
        #expect(overrides("site/templates/partials/footer.mustache", "theme/templates/partials/footer.mustache"))
        #expect(overrides("site/assets/style.css", "theme/assets/style.css"))
        #expect(overrides("site/templates/robots.txt.mustache", "Teigen's built-in robots.txt template"))
        #expect(product.overrides.count == 3)
        #expect(files["index.html"]?.contains("<footer>サイトの footer：新たな核の軍備管理・軍縮構想研究会</footer>") == true)
        #expect(files["robots.txt"] == "User-agent: *\nDisallow: /proposals/archive/\n\nSitemap: https://example.org/sitemap.xml\n")
    }

    @Test func staticRobotsTakesThePlaceOfTheGeneratedOne() async throws {
        let copy = try Fixtures.copy(Self.site.deletingLastPathComponent())
        let site = copy.appendingPathComponent("site")
        try FileManager.default.removeItem(at: site.appendingPathComponent("templates/robots.txt.mustache"))
        try FileManager.default.createDirectory(at: site.appendingPathComponent("static"), withIntermediateDirectories: true)
        try Data("User-agent: *\nDisallow: /\n".utf8).write(to: site.appendingPathComponent("static/robots.txt"))
        let (product, files) = try await Self.build(BuildOptions(sourceDirectory: site))
        #expect(files["robots.txt"] == "User-agent: *\nDisallow: /\n")
        #expect(product.overrides.contains { $0.file == "static/robots.txt" })
    }

    @Test func paginationWritesLaterPagesWithLinks() async throws {
        let (_, files) = try await Self.build(BuildOptions(sourceDirectory: Self.site))
        // proposals: 1, 2, 3 at the top (paginate 2), archive's page below.
        let first = try #require(files["proposals/index.html"])
        let second = try #require(files["proposals/page/2/index.html"])
        #expect(first.contains("<link rel=\"canonical\" href=\"https://example.org/proposals/\">"))
        #expect(first.contains("<link rel=\"next\" href=\"https://example.org/proposals/page/2/\">"))
        #expect(!first.contains("rel=\"prev\""))
        #expect(second.contains("<link rel=\"canonical\" href=\"https://example.org/proposals/page/2/\">"))
        #expect(second.contains("<link rel=\"prev\" href=\"https://example.org/proposals/\">"))
        #expect(files["proposals/page/3/index.html"] == nil)
        let alias = try #require(files["proposals/page/1/index.html"])
        #expect(alias.contains("https://example.org/proposals/"))
        // The home says paginate: 0.
        #expect(files["page/2/index.html"] == nil)
    }

    @Test func jsonOutputsAreEscapedJSON() async throws {
        let (_, files) = try await Self.build(BuildOptions(sourceDirectory: Self.site))
        let list = try #require(files["proposals/index.json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["url"] as? String } == ["/proposals/1/", "/proposals/2/", "/proposals/3/"])
        #expect(entries[1]["description"] as? String == "「トラック2核対話」を促進する \"Track 2\" <対話> & 仕組み")
        let feedText = try #require(files["proposals/feed.json"])
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(feedText.utf8)) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        // The section's feed holds the pages of its subsection too.
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["url"] as? String }.contains("https://example.org/proposals/archive/plutonium/"))
    }
}
