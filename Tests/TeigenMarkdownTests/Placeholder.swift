import Testing
@testable import TeigenMarkdown

@Test func smoke() {
    let out = MarkdownRenderer().render("# Hi\n")
    #expect(out.html == "<h1 id=\"hi\">Hi</h1>\n")
}
