import Testing
@testable import TeigenBuild

@Suite struct FootnoteInlinerTests {
    /// The Markdown module's markup for a page whose notes start at 5 (`footnoteStart: 5`), ids already
    /// prefixed by the chapter as ``PrintLinks`` leaves them.
    static let body = """
        <p>前文<sup class="footnote-ref"><a href="#c--fn-a" id="c--fnref-a" role="doc-noteref">5</a></sup>、本文<sup class="footnote-ref"><a href="#c--fn-b" id="c--fnref-b" role="doc-noteref">6</a></sup>。再び<sup class="footnote-ref"><a href="#c--fn-a" id="c--fnref-a-2" role="doc-noteref">5</a></sup>。</p>
        <section class="footnotes" role="doc-endnotes">
        <ol start="5"><li id="c--fn-a">
        <p>同覚書は</p>
        <p>第1項：尊重する</p>
        <ul>
        <li>項目</li>
        </ul>
        <p>と明記している。<a href="#c--fnref-a" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 5">↩︎</a> <a href="#c--fnref-a-2" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 5-2">↩︎<sup>2</sup></a></p>
        </li>
        <li id="c--fn-b">
        <p>Arms Control Today, December 2023. <a href="#c--fnref-b" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 6">↩︎</a></p>
        </li>
        </ol>
        </section>

        """

    @Test func eachNoteMovesToItsFirstReferenceWithTheSitesNumber() {
        let html = FootnoteInliner().inline(Self.body)
        #expect(html == """
            <p>前文\u{2060}<span class="footnote" id="c--fn-a" data-note="5"><span class="footnote__text">同覚書は</span>\
            <span class="footnote__block footnote__block--p">第1項：尊重する</span>\
            <span class="footnote__block footnote__block--ul"><span class="footnote__block footnote__block--li">項目</span></span>\
            <span class="footnote__block footnote__block--p">と明記している。</span></span>、本文\u{2060}\
            <span class="footnote" id="c--fn-b" data-note="6"><span class="footnote__text">Arms Control Today, December 2023.</span></span>\
            。再び<sup class="footnote-ref"><a href="#c--fn-a">5</a></sup>。</p>


            """)
    }

    @Test func aNoteCitedFromNowhereInTheTextStaysInTheNotesSection() {
        let body = """
            <p>本文<sup class="footnote-ref"><a href="#fn-a" id="fnref-a" role="doc-noteref">1</a></sup></p>
            <section class="footnotes" role="doc-endnotes">
            <ol><li id="fn-a">
            <p>注<sup class="footnote-ref"><a href="#fn-b" id="fnref-b" role="doc-noteref">2</a></sup> <a href="#fnref-a" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 1">↩︎</a></p>
            </li>
            <li id="fn-b">
            <p>注の注 <a href="#fnref-b" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 2">↩︎</a></p>
            </li>
            </ol>
            </section>
            """
        let html = FootnoteInliner().inline(body)
        #expect(html.contains("<span class=\"footnote\" id=\"fn-a\" data-note=\"1\">"))
        #expect(html.contains("<section class=\"footnotes\" role=\"doc-endnotes\">"))
        #expect(html.contains("<li id=\"fn-b\">"))
        #expect(!html.contains("<li id=\"fn-a\">"))
    }

    @Test func aBodyWithoutNotesIsLeftAsItIs() {
        let body = "<p>本文<sup>2</sup></p>\n<table><tr><td>x</td></tr></table>\n"
        #expect(FootnoteInliner().inline(body) == body)
    }
}
