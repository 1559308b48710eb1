import TeigenContent
import TeigenCore
import Testing

/// A page body written for the render cache on disk reads back whole: the HTML, the table of contents, the
/// summary, the reading time, the images and the code blocks and formulas the tools have still to make.
@Suite struct PageBodyBytesTests {
    @Test func aConvertedBodyReadsBackTheSame() throws {
        let markdown = """
            # Title

            Summary with $x^2$ and a note[^1] and ![a map](map.png).

            ## Part

            ```swift
            let x = 1
            ```

            ### Detail

            [^1]: The note.
            [^2]: Unused.
            """
        let page = SourcePage(contentPath: "a.md", sourcePath: "site/content/a.md", text: markdown, frontMatter: FrontMatter(title: "A"), body: markdown, bodyFirstLine: 1)
        let graph = try ContentGraph.build([page], settings: GraphSettings(languages: [Language(code: "en")], languageSuffixes: false))
        var settings = MarkdownSettings()
        settings.math = true
        let converter = PageBodyRenderer(graph: graph, urls: SiteURLs(baseURL: "https://example.org/"), settings: settings, resources: ["map.png": "/a/map.png"])
        let (body, _) = converter.render(pageAt: try #require(graph.indexByContentPath["a.md"]))
        #expect(body.hasFragments)
        #expect(!body.tableOfContents.isEmpty)
        var writer = ByteWriter()
        body.write(to: &writer)
        let read = try writer.bytes.withUnsafeBytes { buffer throws -> PageBody in
            var reader = ByteReader(buffer)
            let body = try PageBody(from: &reader)
            #expect(reader.isAtEnd)
            return body
        }
        #expect(read == body)
    }
}
