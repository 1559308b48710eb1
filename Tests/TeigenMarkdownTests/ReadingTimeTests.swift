import Testing
@testable import TeigenMarkdown

@Suite struct ReadingTimeTests {
    static func japanese(_ count: Int) -> String {
        String(repeating: "核", count: count / 2) + String(repeating: "の", count: count - count / 2)
    }

    static func english(_ words: Int) -> String {
        Array(repeating: "word", count: words).joined(separator: " ")
    }

    @Test(arguments: [
        (0, 0, 1),
        (500, 0, 1),
        (501, 0, 2),
        (1_500, 0, 3),
        (0, 200, 1),
        (0, 201, 2),
        (0, 1_000, 5),
        (250, 100, 1),
        (300, 100, 2),
    ])
    func minutes(_ characters: Int, _ words: Int, _ expected: Int) {
        let text = Self.japanese(characters) + "\n" + Self.english(words)
        #expect(ReadingTime.minutes(for: text) == expected)
    }

    @Test func countsKanaKanjiAndWords() {
        let counts = ReadingTime.count("日本語のテキスト、Swiftで書く。iPhoneとiPad 2024年 — end")
        // 日本語のテキスト(8) で書く(3) と(1) 年(1) = 13; Swift, iPhone, iPad, 2024, end = 5 words.
        #expect(counts.characters == 13)
        #expect(counts.words == 5)
    }

    @Test func documentReadingTimeIgnoresFootnotes() {
        let source = Self.japanese(400) + "[^1]\n\n[^1]: " + Self.japanese(400) + "\n"
        #expect(MarkdownRenderer().render(source).readingMinutes == 1)
    }

    @Test func punctuationIsNotAWord() {
        #expect(ReadingTime.count("— … 。、 !!").words == 0)
    }
}
