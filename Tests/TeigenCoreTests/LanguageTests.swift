import Testing
import TeigenCore

@Suite struct LanguageTests {
    @Test func aLanguageOtherThanTheDefaultLivesUnderItsCode() {
        let english = Language(code: "en", isDefault: false)
        #expect(english.rootPath == "/en/")
        #expect(english.sitePath("/about/") == "/en/about/")
        #expect(english.sitePath("about/") == "/en/about/")
        let japanese = Language(code: "ja")
        #expect(japanese.rootPath == "/" && japanese.sitePath("/about/") == "/about/")
    }

    @Test func aLanguageIsNamedInItselfByDefault() {
        #expect(Language(code: "ja").name == "日本語")
        #expect(Language(code: "en").name == "English")
        #expect(Language(code: "fr").name == "Français")
        #expect(Language(code: "ja", name: "Japanese").name == "Japanese")
        #expect(Language(code: "en").dateFormat.language == "en", "dates in the language's own month names")
    }

    @Test func languageTags() {
        for tag in ["ja", "en", "fil", "pt-BR", "zh-Hant", "en-GB", "sr-Latn-RS"] { #expect(Language.isTagShaped(tag), "\(tag)") }
        for text in ["", "j", "english", "en_GB", "e1", "en-", "-en", "en-x", "2024", "final"] { #expect(!Language.isTagShaped(text), "\(text)") }
    }

    @Test func teigensOwnWordsAreJapaneseForJapaneseAndEnglishOtherwise() {
        #expect(I18nTable.builtIn(language: "ja")["footnote.backlink"] == "本文の参照箇所へ戻る")
        #expect(I18nTable.builtIn(language: "ja-JP")["heading.anchor"] == "この節へのリンク")
        #expect(I18nTable.builtIn(language: "de")["footnote.backlink"] == "Back to reference")
        for language in ["ja", "en"] {
            #expect(Set(I18nTable.builtIn(language: language).strings.keys) == Set(I18nTable.builtInKeys.keys), "\(language)")
        }
        var table = I18nTable.builtIn(language: "en")
        table.add(["footnote.backlink": "Return to the text", "skipLink": "Skip"])
        #expect(table["footnote.backlink"] == "Return to the text" && table["skipLink"] == "Skip" && table["missing"] == nil)
    }
}
