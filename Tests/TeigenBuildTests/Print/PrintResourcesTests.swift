import Foundation
import Testing
@testable import TeigenBuild

@Suite struct PrintResourcesTests {
    let resources = PrintResources([
        OutputFile(path: "css/print.1234.css", data: Data("@import 'base.css'; .a { background: url(\"../images/band.png\") }".utf8), origin: "t"),
        OutputFile(path: "css/base.css", data: Data("body { font: 10pt serif }".utf8), origin: "t"),
        OutputFile(path: "images/band.png", data: Data([1]), origin: "t"),
        OutputFile(path: "images/a b.png", data: Data([2]), origin: "t"),
        OutputFile(path: "images/unused.png", data: Data([3]), origin: "t"),
    ])

    @Test func theDocumentGetsTheFilesItAndItsStylesheetsReferTo() {
        let html = #"<link rel="stylesheet" href="css/print.1234.css"><img src="images/a%20b.png" srcset="images/a%20b.png 1x, https://cdn.example.org/x.png 2x"><img src="data:image/png;base64,AA=="><img src="/images/unused.png">"#
        #expect(Set(resources.referenced(by: html).keys) == ["css/print.1234.css", "css/base.css", "images/band.png", "images/a b.png"])
    }

    @Test func referencesResolveInsideTheOutputOnly() {
        #expect(PrintResources.resolve("../images/a.png", from: "css/print.css") == "images/a.png")
        #expect(PrintResources.resolve("./a.png?v=1#x", from: "") == "a.png")
        #expect(PrintResources.resolve("../../etc/passwd", from: "css/print.css") == nil)
        #expect(PrintResources.resolve("https://example.org/a.png", from: "") == nil)
        #expect(PrintResources.references(inCSS: "a { b: url( 'x.png' ) } @font-face { src: url(f.woff2) }") == ["x.png", "f.woff2"])
        #expect(PrintResources.references(inCSS: "@import \"a.css\" screen; @import url(b.css);") == ["b.css", "a.css"])
    }
}
