import Foundation
import Testing
@testable import TeigenBuild

/// Dates (formatted, ISO, RFC 3339) never depend on the machine's time zone or locale.
@Suite struct DateEnvironmentTests {
    @Test(arguments: [
        ["TZ": "Pacific/Kiritimati", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"],
        ["TZ": "America/Los_Angeles", "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"],
        ["TZ": "Asia/Tokyo", "LANG": "ja_JP.UTF-8", "LC_ALL": "ja_JP.UTF-8"],
        ["TZ": "UTC", "LANG": "C", "LC_ALL": "C"],
    ])
    func theFormatsSiteIsTheSameEverywhere(environment: [String: String]) throws {
        let fixture = Fixtures.root.appendingPathComponent("sites/formats")
        let output = Fixtures.temporaryFolder().appendingPathComponent("public")
        let run = try Command.run(
            ["build", "--source", fixture.appendingPathComponent("site").path, "--theme", fixture.appendingPathComponent("theme").path, "--output", output.path],
            in: Fixtures.temporaryFolder(), environment: environment)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Fixtures.tree(output) == (try Fixtures.tree(fixture.appendingPathComponent("expected"))))
    }
}
