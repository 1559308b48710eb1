import Foundation
import Testing
@testable import TeigenBuild

@Suite struct JSONLDTests {
    @Test func quoteEscapesWhatJSONAndScriptElementsNeed() {
        #expect(JSONLD.quote("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONLD.quote("</script><!--&") == #""\u003c/script\u003e\u003c!--\u0026""#)
        #expect(JSONLD.quote("line\nnext\r\ttab\u{01}") == #""line\nnext\r\ttab\u0001""#)
        #expect(JSONLD.quote("段落\u{2028}区切り\u{2029}終") == #""段落\u2028区切り\u2029終""#)
        // Other characters starting with the same byte (E2 80 …) stay as they are.
        #expect(JSONLD.quote("提言…「核」—") == "\"提言…「核」—\"")
        #expect(JSONLD.quote("") == "\"\"")
    }

    @Test func quotedTextReadsBackAsTheSameString() throws {
        let samples = ["", "plain", "日本語の説明文。", "\u{2028}\u{2029}\u{2026}", "<>&\"\\\n\r\t\u{00}\u{1F}", "🇯🇵 e\u{301}"]
        for sample in samples {
            let data = Data(("[" + JSONLD.quote(sample) + "]").utf8)
            let decoded = try JSONSerialization.jsonObject(with: data) as? [String]
            #expect(decoded == [sample])
        }
    }
}
