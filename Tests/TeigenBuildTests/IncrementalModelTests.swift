import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// The preview's rebuilds of the `model` fixture (taxonomies, pagination, publication dates, overrides), each
/// compared with a fresh full build (see `IncrementalEquivalenceTests`).
@Suite struct IncrementalModelTests {
    @Test func termsOverridesAndTermDataEqualAFullBuild() async throws {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/model"))
        let site = copy.appendingPathComponent("site")
        let builder = IncrementalBuilder(options: BuildOptions(sourceDirectory: site))
        var previous = try await builder.build().0

        // A tag changes: the old term's page loses the page, a new term gets a page.
        let first = site.appendingPathComponent("content/proposals/1.md")
        try IncrementalEquivalenceTests.replace("tags: [核軍縮, NPT]", with: "tags: [核軍縮, 首脳外交]", in: first)
        _ = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [first])
        #expect(previous.files["tags/首脳外交/index.html"] != nil)
        #expect(!String(decoding: previous.files["tags/npt/index.html"] ?? Data(), as: UTF8.self).contains("/proposals/1/"))

        // A page body edit goes the quick way and reaches the term's feed.
        try IncrementalEquivalenceTests.append("\n後半の段落。\n", to: first)
        let report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [first])
        #expect(report.wasBodyEdit)
        #expect(String(decoding: previous.files["tags/首脳外交/feed.json"] ?? Data(), as: UTF8.self).contains("後半の段落"))

        // An override added, then removed.
        let override = site.appendingPathComponent("templates/term.mustache")
        try Data("{{<base}}{{$main}}<h1>用語 {{page.title}}</h1>{{/main}}{{/base}}\n".utf8).write(to: override)
        _ = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [override])
        #expect(String(decoding: previous.files["tags/npt/index.html"] ?? Data(), as: UTF8.self).contains("<h1>用語 核兵器不拡散条約（NPT）</h1>"))
        try FileManager.default.removeItem(at: override)
        _ = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [override])
        #expect(!String(decoding: previous.files["tags/npt/index.html"] ?? Data(), as: UTF8.self).contains("用語"))

        // The names of terms in data, in each format.
        let data = site.appendingPathComponent("data/taxonomies")
        let yaml = data.appendingPathComponent("topics.yaml")
        try FileManager.default.removeItem(at: yaml)
        for (name, text, shown) in [
            ("topics.json", #"{"核リスク削減": {"title": "核使用リスクの削減（JSON）", "slug": "risk-reduction"}}"#, "核使用リスクの削減（JSON）"),
            ("topics.toml", "[\"核リスク削減\"]\ntitle = \"核使用リスクの削減（TOML）\"\nslug = \"risk\"\n", "核使用リスクの削減（TOML）"),
            ("topics.csv", "term,title,slug\n核リスク削減,核使用リスクの削減（CSV）,risk-csv\n", "核使用リスクの削減（CSV）"),
            ("topics.yaml", "核リスク削減: 核使用リスクの削減（YAML）\n", "核使用リスクの削減（YAML）"),
        ] {
            let file = data.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            _ = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [file])
            #expect(String(decoding: previous.files["proposals/1/index.html"] ?? Data(), as: UTF8.self).contains(shown), "\(name)")
            try FileManager.default.removeItem(at: file)
            _ = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [file])
        }
    }

    @Test func aDatePassingIntoThePastEqualsAFullBuild() async throws {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/model"))
        let site = copy.appendingPathComponent("site")
        var options = BuildOptions(sourceDirectory: site)
        options.now = ContentModelTests.beforeExpiry
        let builder = IncrementalBuilder(options: options)
        var previous = try await builder.build().0
        #expect(previous.files["proposals/expired/index.html"] != nil)
        #expect(await builder.nextPublicationChange == Date(timeIntervalSince1970: 1_712_674_800))
        // The clock passes the expiry date; an edit of a body alone must not keep the expired page.
        await builder.setNow(nil)
        let first = site.appendingPathComponent("content/proposals/1.md")
        try IncrementalEquivalenceTests.append("\n後半の段落。\n", to: first)
        let report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [first])
        #expect(!report.wasBodyEdit)
        #expect(previous.files["proposals/expired/index.html"] == nil)
        #expect(!String(decoding: previous.files["tags/核軍縮/index.html"] ?? Data(), as: UTF8.self).contains("/proposals/expired/"))
    }
}
