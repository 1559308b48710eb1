import Testing
import TeigenCore

/// The one HTML escaping of Teigen's own HTML, templates, XML and Pango markup.
@Suite struct HTMLTextTests {
    @Test func theFiveCharactersBecomeReferencesByteByByte() {
        #expect(HTMLText.escape(#"<a href="x">R&D 'q'</a>"#) == "&lt;a href=&quot;x&quot;&gt;R&amp;D &#39;q&#39;&lt;/a&gt;")
        // A combining mark after a quote or bracket makes one Character with it; the quote is escaped all the same.
        #expect(HTMLText.escape("a\"\u{301}<\u{338}").unicodeScalars.elementsEqual("a&quot;\u{301}&lt;\u{338}".unicodeScalars))
        #expect(HTMLText.escape("提言「本文」") == "提言「本文」")
        #expect(HTMLText.escape("") == "")
    }

    @Test func bytesAreTheStringsBytes() {
        for text in [#"<a href="x">R&D 'q'</a>"#, "a\"\u{301}<\u{338}", "提言「本文」", "", "&", "x<"] {
            var bytes: [UInt8] = [0x2A]
            HTMLText.escape(text, into: &bytes)
            #expect(bytes == [0x2A] + Array(HTMLText.escape(text).utf8), "\(text)")
        }
    }
}
