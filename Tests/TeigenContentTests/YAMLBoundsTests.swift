import Testing
import TeigenCore
@testable import TeigenContent

/// YAML that would cost unbounded time or memory: alias bombs in front matter, data files and the
/// configuration, and aliases used as keys, are refused with a position; ordinary aliases still work.
@Suite struct YAMLBoundsTests {
    /// `a` is a list of nine strings, each following name a list of nine aliases to the one before:
    /// `levels` names expand to 9^levels nodes.
    static func bomb(levels: Int, indent: String = "") -> String {
        let names = "abcdefghijklmnop".map(String.init)
        var text = indent + "a: &a [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ", ") + "]\n"
        for level in 1..<levels {
            text += indent + "\(names[level]): &\(names[level]) [" + Array(repeating: "*" + names[level - 1], count: 9).joined(separator: ", ") + "]\n"
        }
        return text
    }

    static let message = "error: YAML aliases expand this value beyond 100000 nodes: each '*name' copies the value anchored as '&name', "
        + "and a document may add at most 100000 nodes that way"

    func header(_ body: () throws(DiagnosticError) -> Void) -> String? {
        do throws(DiagnosticError) {
            try body()
            return nil
        } catch {
            return error.diagnostics.first?.header
        }
    }

    @Test func billionLaughsInFrontMatterIsAnErrorAtTheListThatPassesTheLimit() {
        let text = "---\ntitle: x\nparams:\n" + Self.bomb(levels: 9, indent: "  ") + "---\n"
        #expect(header { () throws(DiagnosticError) in _ = try SourcePage.parse(text, contentPath: "a.md", sourcePath: "a.md") } == "a.md:9:6: " + Self.message)
    }

    @Test func billionLaughsInDataAndConfigurationAreErrorsToo() {
        #expect(header { () throws(DiagnosticError) in _ = try DataLoader().decode(Self.bomb(levels: 12), path: "data/x.yaml") } == "data/x.yaml:6:4: " + Self.message)
        let config = "title: t\nbaseURL: https://example.org/\nparams:\n" + Self.bomb(levels: 9, indent: "  ")
        #expect(header { () throws(DiagnosticError) in _ = try ConfigLoader.load(config, path: "config.yaml") } == "config.yaml:9:6: " + Self.message)
    }

    @Test func aliasesWithinTheBudgetWork() throws {
        // Shared defaults in a list of 1,000 entries: 1,000 uses of a 10-node value.
        let defaults = "defaults: &defaults {role: 委員, country: 日本, active: true, since: 2024}\n"
        let entries = (1...1_000).map { "  - {name: 委員\($0), info: *defaults}" }.joined(separator: "\n")
        let value = try DataLoader().decode(defaults + "members:\n" + entries + "\n", path: "data/m.yaml")
        guard case .map(let pairs) = value, case .array(let members) = pairs.last?.1 else {
            Issue.record("not a list: \(value)")
            return
        }
        #expect(members.count == 1_000)
        #expect(members.last?["info"]?["role"] == .string("委員"))
        // Seven levels: 9^7 = 4,782,969 nodes would be too many; six (531,441) are too, five (59,049) are not.
        #expect(throws: DiagnosticError.self) { try DataLoader().decode(Self.bomb(levels: 6), path: "x.yaml") }
        #expect(try DataLoader().decode(Self.bomb(levels: 5), path: "x.yaml") != .null)
    }

    @Test func aliasesUsedAsKeysAreRefusedBeforeYamsHashesThem() {
        let bomb = Self.bomb(levels: 9)
        let refusal = "error: a YAML alias ('*i') cannot be a mapping key: keys are plain text"
        #expect(header { () throws(DiagnosticError) in _ = try DataLoader().decode(bomb + "m:\n  ? *i\n  : 1\n", path: "x.yaml") } == "x.yaml:11:5: " + refusal)
        #expect(header { () throws(DiagnosticError) in _ = try DataLoader().decode(bomb + "*i : 1\n", path: "x.yaml") } == "x.yaml:10:1: " + refusal)
        #expect(header { () throws(DiagnosticError) in _ = try DataLoader().decode(bomb + "m: {*i: 1}\n", path: "x.yaml") } == "x.yaml:10:5: " + refusal)
        #expect(header { () throws(DiagnosticError) in _ = try DataLoader().decode(bomb + "? [x, *i]\n: 1\n", path: "x.yaml") } == "x.yaml:10:7: " + refusal)
        #expect(header { () throws(DiagnosticError) in _ = try DataLoader().decode(bomb + "[*i]: 1\n", path: "x.yaml") } == "x.yaml:10:2: " + refusal)
    }

    @Test(arguments: [
        "a: &a x\nb: *a\n",
        "a: &a x\nb: [*a, *a]\nc: {k: *a}\n",
        "a: &a x\nb: \"*a: not an alias\"\nc: '*a: nor this'\n",
        "a: &a x\nb: |\n  *a: a line of a block scalar\n  ? and another\nc: *a\n",
        "a: &a x # comment *a: no\nb: text with *a: inside\n",
        "a: &a x\nlist:\n  - *a\n  - key: *a\n",
        "a: &a [1]\nb: [*a]\nc: 1\n",
    ])
    func aliasValuesAreNotMistakenForKeys(yaml: String) {
        #expect(AliasKeyScanner.firstAliasKey(in: yaml) == nil, "\(yaml)")
    }
}
