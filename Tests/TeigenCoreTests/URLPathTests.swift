import Testing
@testable import TeigenCore

@Suite struct URLPathTests {
    @Test func basePath() {
        #expect(URLPath.basePath(ofBaseURL: "https://example.org") == "/")
        #expect(URLPath.basePath(ofBaseURL: "https://example.org/") == "/")
        #expect(URLPath.basePath(ofBaseURL: "https://example.org/sub/path") == "/sub/path/")
        #expect(URLPath.basePath(ofBaseURL: "https://example.org/sub?x=1#top") == "/sub/")
        #expect(URLPath.origin(ofBaseURL: "https://example.org/sub/") == "https://example.org")
    }

    @Test func encodesJapaneseAndKeepsStructure() {
        #expect(URLPath.encode("/members/鈴木/") == "/members/%E9%88%B4%E6%9C%A8/")
        #expect(URLPath.encode("/a b/#x?y=1") == "/a%20b/#x?y=1")
        #expect(URLPath.decode("/members/%E9%88%B4%E6%9C%A8/") == "/members/鈴木/")
        #expect(URLPath.decode("%FF") == nil)
    }

    @Test(arguments: [
        ("/a/b/", "/a/", "../"), ("/", "/", "./"), ("/a/", "/css/x.css", "../css/x.css"),
        ("/404.html", "/a/", "a/"), ("/a/b/", "/a/b/c/#x", "c/#x"), ("/a/", "/a/", "./"),
    ])
    func relative(from: String, to: String, expected: String) {
        #expect(URLPath.relative(from: from, to: to) == expected)
    }

    @Test func external() {
        #expect(URLPath.isExternal("https://x.org"))
        #expect(URLPath.isExternal("mailto:a@b"))
        #expect(URLPath.isExternal("//cdn.org/x"))
        #expect(!URLPath.isExternal("/a/b"))
        #expect(!URLPath.isExternal("a/b.md"))
        #expect(!URLPath.isExternal("a/b:c"))
        #expect(URLPath.isExternal("git+ssh://h/x") && URLPath.isExternal("x-y.z:1"))
        #expect(!URLPath.isExternal(":x") && !URLPath.isExternal("鈴木:x") && !URLPath.isExternal("a b:x") && !URLPath.isExternal("/x"))
    }

    @Test func splitsThePathFromItsQueryAndFragment() {
        #expect(URLPath.splitSuffix("a/b.md#見出し") == ("a/b.md", "#見出し"))
        #expect(URLPath.splitSuffix("鈴木/x?q=1#f") == ("鈴木/x", "?q=1#f"))
        #expect(URLPath.splitSuffix("#top") == ("", "#top"))
        #expect(URLPath.splitSuffix("a/b/") == ("a/b/", ""))
    }

    @Test func siteURLs() {
        let urls = SiteURLs(baseURL: "https://example.org/sub/")
        #expect(urls.rooted("/proposals/1/") == "/sub/proposals/1/")
        #expect(urls.rooted("//委員/") == "/sub/%E5%A7%94%E5%93%A1/" && urls.rooted("") == "/sub/" && urls.rooted("///") == "/sub/")
        #expect(urls.absolute("/") == "https://example.org/sub/")
    }
}
