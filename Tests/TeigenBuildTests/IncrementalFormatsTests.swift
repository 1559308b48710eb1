import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// The preview's rebuilds of the `formats` fixture: pages with TOML and JSON front matter and data files in each
/// format, each rebuild compared with a fresh full build (see `IncrementalEquivalenceTests`).
@Suite struct IncrementalFormatsTests {
    @Test func editsOfEveryFormatEqualAFullBuild() async throws {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/formats"))
        let site = copy.appendingPathComponent("site")
        let builder = IncrementalBuilder(options: BuildOptions(sourceDirectory: site))
        var previous = try await builder.build().0
        let toml = site.appendingPathComponent("content/proposals/1.md")
        let json = site.appendingPathComponent("content/proposals/2.md")

        // Bodies below TOML and JSON front matter go the quick way.
        try IncrementalEquivalenceTests.append("\n後半の段落。\n", to: toml)
        var report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [toml])
        #expect(report.wasBodyEdit)
        try IncrementalEquivalenceTests.append("\n後半の段落。\n", to: json)
        report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [json])
        #expect(report.wasBodyEdit)

        // Their front matter takes the whole pipeline: a month becomes a day, a title changes.
        try IncrementalEquivalenceTests.replace("date = \"2024-03\"", with: "date = 2024-03-26", in: toml)
        report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [toml])
        #expect(!report.wasBodyEdit)
        #expect(String(decoding: previous.files["proposals/1/index.html"] ?? Data(), as: UTF8.self).contains("<time datetime=\"2024-03-26\">令和6年3月26日(火)</time>"))
        // An edit of the same length far into the file (Foundation's hash of a Data reads only its first 80 bytes).
        try IncrementalEquivalenceTests.replace("\"weight\": 2,", with: "\"weight\": 0,", in: json)
        report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [json])
        #expect(!report.wasBodyEdit)

        // A data file in each format.
        let data = site.appendingPathComponent("data")
        for (name, old, new, shown) in [
            ("members.yaml", "role: 研究会の趣旨説明", "role: 今後の研究の進め方", "第1回研究会: 今後の研究の進め方"),
            ("group.toml", "experts = 13", "experts = 14", "14人"),
            ("activities.csv", "第2回研究会,2023年7月3日", "第2回研究会,2023年7月4日", "<td>2023年7月4日</td>"),
            ("references.json", "\"year\": 2015", "\"year\": 2016", "岩波書店 2016"),
        ] {
            let file = data.appendingPathComponent(name)
            try IncrementalEquivalenceTests.replace(old, with: new, in: file)
            report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [file])
            #expect(!report.wasBodyEdit)
            #expect(String(decoding: previous.files["index.html"] ?? Data(), as: UTF8.self).contains(shown), "\(name)")
        }
        // A new data file in another format with a name in use fails the rebuild; removing it again recovers.
        let twin = data.appendingPathComponent("members.json")
        try "[]".write(to: twin, atomically: true, encoding: .utf8)
        await #expect(throws: DiagnosticError.self) { _ = try await builder.build(changedPaths: [twin.path]) }
        try FileManager.default.removeItem(at: twin)
        _ = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [twin])
    }
}
