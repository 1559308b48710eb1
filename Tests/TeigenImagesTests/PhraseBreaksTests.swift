import Testing

@testable import TeigenImages

@Suite struct PhraseBreaksTests {
    @Test func cutsJapaneseIntoPhrasesThatKeepWordsWhole() {
        let title = "提言1：核の不使用継続と核秩序維持の重要性を再確認し、核使用リスク削減の具体的措置に向け首脳外交を主導する"
        let phrases = PhraseBreaks.phrases(title, locale: "ja")
        #expect(phrases.joined() == title)
        #expect(phrases == [
            "提言1：", "核の", "不使用継続と", "核秩序維持の", "重要性を", "再確認し、", "核使用リスク削減の", "具体的措置に",
            "向け", "首脳外交を", "主導する",
        ])
    }

    @Test func keepsBracketsAndSpacesWithTheirPhrase() {
        #expect(PhraseBreaks.phrases("「核の傘」の下で 米中ロの対話を", locale: "ja") == ["「核の", "傘」の", "下で ", "米中ロの", "対話を"])
    }
}
