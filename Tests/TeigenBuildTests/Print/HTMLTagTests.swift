import Testing
@testable import TeigenBuild

@Suite struct HTMLTagTests {
    @Test func findsTagsAndAttributeValuesWithTheirBytes() {
        let bytes = Array(#"<p class="a b" id='x'>t<br/><!-- <i> --><img src=y.png alt></p>"#.utf8)
        let tags = HTMLTag.tags(in: bytes)
        #expect(tags.map(\.name) == ["p", "br", "img", "p"])
        #expect(tags.map(\.isEnd) == [false, false, false, true])
        #expect(tags[0].attribute("id", in: bytes) == "x")
        #expect(tags[0].hasClass("b", in: bytes))
        #expect(!tags[0].hasClass("c", in: bytes))
        #expect(tags[1].isVoid && tags[2].isVoid)
        #expect(tags[2].attribute("src", in: bytes) == "y.png")
        #expect(tags[2].attribute("alt", in: bytes) == "")
    }

    @Test func rawTextOfScriptsIsNotReadForTags() {
        let bytes = Array("<script>if (a<b) { x = '<p>' }</script><p>".utf8)
        #expect(HTMLTag.tags(in: bytes).map(\.name) == ["script", "script", "p"])
    }

    @Test func matchingEndCountsNestedElementsOfTheSameName() {
        let bytes = Array("<ol><li><ol><li>a</li></ol></li><li>b</li></ol>".utf8)
        let tags = HTMLTag.tags(in: bytes)
        #expect(HTMLTag.matchingEnd(of: 1, in: tags) == 6)
        #expect(HTMLTag.matchingEnd(of: 0, in: tags) == 9)
    }
}
