import Testing
@testable import TeigenMarkdown

@Suite struct SlugTests {
    @Test(arguments: [
        ("提言 1：首脳外交", "提言-1首脳外交"),
        ("Hello, World!", "hello-world"),
        ("  --Multiple   spaces--  ", "multiple-spaces"),
        ("C++ & Swift", "c-swift"),
        ("snake_case Name", "snake_case-name"),
        ("Self-driving cars — a primer", "self-driving-cars-a-primer"),
        ("ÄÖÜ Straße", "äöü-straße"),
        ("データ・サイエンス入門", "データサイエンス入門"),
        ("全角　スペース", "全角-スペース"),
        ("한국어 제목", "한국어-제목"),
        ("Party 🎉 time", "party-time"),
        ("2.1 Intro", "21-intro"),
        ("「核の傘」とは？", "核の傘とは"),
    ])
    func slugs(_ input: String, _ expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func punctuationOnlyGivesEmptySlug() {
        #expect(Slug.make("!!! ？？？ ——") == "")
        #expect(Slug.make("") == "")
    }
}
