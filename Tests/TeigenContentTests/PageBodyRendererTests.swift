import Testing
@testable import TeigenContent

/// ``PageBodyRenderer/normalize(_:)``: a content-relative link path with `.` and `..` resolved, empty
/// segments dropped, Japanese segments kept; nil when it climbs out of `content/`.
@Suite struct PageBodyRendererTests {
    @Test(arguments: [
        ("proposals/./1.md", "proposals/1.md"), ("proposals/../about.md", "about.md"), ("a//b/", "a/b"),
        ("提言/../委員/鈴木.md", "委員/鈴木.md"), ("./", ""), ("a/b/../../c", "c"), ("...", "..."), ("a/.x/..y", "a/.x/..y"),
    ])
    func resolvesDotsAndEmptySegments(path: String, expected: String) {
        #expect(PageBodyRenderer.normalize(path) == expected)
    }

    @Test func climbingOutOfContentIsNil() {
        #expect(PageBodyRenderer.normalize("../x.md") == nil)
        #expect(PageBodyRenderer.normalize("a/../../x.md") == nil)
    }
}
