import Testing
@testable import TeigenBuild

@Suite struct MemoTests {
    @Test func aValueIsFoundOnlyUnderTheKeyOfTheSameInputs() {
        var memo = Memo<String>(enabled: true)
        let key = memo.key { $0.combine("input") }
        #expect(key == memo.key { $0.combine("input") })
        memo.keep([(name: "page", key: key, value: "html")])
        #expect(memo.value(named: "page", key: key) == "html")
        #expect(memo.value(named: "page", key: memo.key { $0.combine("changed") }) == nil)
        #expect(!memo.keptTheSame)
        memo.keep([(name: "page", key: key, value: "html")])
        #expect(memo.keptTheSame)
        // Keeping replaces: what the last build did not make is forgotten.
        memo.keep([(name: "other", key: key, value: "x")])
        #expect(memo.value(named: "page", key: key) == nil)
        #expect(!memo.keptTheSame)
    }

    /// Off (`teigen build`), a memo neither computes keys nor keeps anything.
    @Test func offItComputesAndKeepsNothing() {
        var memo = Memo<String>(enabled: false)
        var asked = false
        #expect(memo.key { _ in asked = true } == .none)
        #expect(!asked)
        memo.keep([(name: "page", key: .none, value: "html")])
        #expect(memo.value(named: "page", key: .none) == nil)
    }
}
