import Testing
@testable import TeigenMarkdown

/// Images through the caller's ``ImageResolver``: its HTML in place of `<img>`, errors and missing alt text positioned.
@Suite struct ImageHookTests {
    static let resolver: ImageResolver = { reference in
        switch reference.destination {
        case "missing.png": .failure("image not found: 'missing.png'")
        case let destination where destination.hasPrefix("http"): .keep
        default: .html("<picture alt=\"\(reference.alt)\" title=\"\(reference.title ?? "")\"></picture>", resources: ["/" + reference.destination])
        }
    }

    func render(_ source: String) -> RenderedMarkdown {
        MarkdownRenderer().render(source, hooks: MarkdownHooks(rewriteLink: { .replace("/r/" + $0) }, image: Self.resolver))
    }

    @Test func theHookWritesTheImage() {
        let page = render("![地図 *A*](map.png \"題\") ![外](https://example.org/a.png)")
        #expect(page.html == "<p><picture alt=\"地図 A\" title=\"題\"></picture> <img src=\"/r/https://example.org/a.png\" alt=\"外\" /></p>\n")
        #expect(page.resources == ["/map.png"])
        #expect(page.issues.isEmpty)
    }

    @Test func missingImagesAndMissingAltText() {
        let page = render("本文\n\n  ![](map.png) and ![図](missing.png)\n")
        #expect(page.issues == [
            MarkdownIssue(
                severity: .warning, line: 3, column: 3,
                message: "image 'map.png' has no alt text: describe it between the brackets (![…](map.png)) for readers who cannot see it"),
            MarkdownIssue(severity: .error, line: 3, column: 20, message: "image not found: 'missing.png'"),
        ])
    }
}
