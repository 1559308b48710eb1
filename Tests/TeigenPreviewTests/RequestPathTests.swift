import Foundation
import Testing

@testable import TeigenPreview

@Suite("Request paths, ranges and entity tags")
struct RequestPathTests {
    @Test func decodesSegments() throws {
        let path = try RequestPath(encoded: "/%E6%8F%90%E8%A8%80/a%20b/")
        #expect(path.segments == ["提言", "a b"])
        #expect(path.hasTrailingSlash)
        #expect(path.key == "提言/a b")
        #expect(path.encoded == "/%E6%8F%90%E8%A8%80/a%20b/")
        let root = try RequestPath(encoded: "/")
        #expect(root.segments.isEmpty)
        #expect(root.hasTrailingSlash)
        #expect(root.encoded == "/")
        let file = try RequestPath(encoded: "/css/style.css")
        #expect(!file.hasTrailingSlash)
        #expect(try RequestPath(encoded: "/%252e%252e/").segments == ["%2e%2e"])
    }

    @Test(arguments: ["", "x", "*", "/..", "/../", "/a/../b", "/.", "/./a", "/%2e%2e", "/%2E%2e/", "/..%2f", "/a%2fb", "/a%5cb", "/a\\b", "/%00", "/a%0d%0a",
        "/%7f", "/%", "/%4", "/%zz", "/%c0%ae", "/%e0%80%ae", "/%ff", "/%ed%a0%80"])
    func rejects(_ raw: String) {
        #expect(throws: RequestPath.Invalid.self) { try RequestPath(encoded: raw) }
    }

    @Test func emptySegmentsNameNothing() throws {
        #expect(try RequestPath(encoded: "//evil.example/").hasEmptySegment)
        #expect(try RequestPath(encoded: "/a//b").hasEmptySegment)
        #expect(try !RequestPath(encoded: "/a/b/").hasEmptySegment)
    }

    @Test func ranges() {
        #expect(ByteRange(header: nil, length: 10) == .whole)
        #expect(ByteRange(header: "bytes=0-0", length: 10) == .part(0..<1))
        #expect(ByteRange(header: "bytes=2-", length: 10) == .part(2..<10))
        #expect(ByteRange(header: "bytes=-20", length: 10) == .part(0..<10))
        #expect(ByteRange(header: "bytes=9-99999999999999999999999", length: 10) == .part(9..<10))
        #expect(ByteRange(header: "bytes=99999999999999999999999-", length: 10) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=10-10", length: 10) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=-0", length: 10) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=-", length: 10) == .whole)
        #expect(ByteRange(header: "bytes=1-2,3-4", length: 10) == .whole)
        #expect(ByteRange(header: "bytes=0-1", length: 0) == .whole)
        #expect(ByteRange(header: "bytes=+1-2", length: 10) == .whole)
    }

    @Test func entityTags() {
        let tag = EntityTag(content: Data("abc".utf8))
        #expect(tag == EntityTag(content: Data("abc".utf8)))
        #expect(tag != EntityTag(content: Data("abd".utf8)))
        #expect(tag.description == "\"e71fa2190541574b-3\"")
        #expect(tag.isMatched(byIfNoneMatch: tag.description))
        #expect(tag.isMatched(byIfNoneMatch: "W/" + tag.description))
        #expect(tag.isMatched(byIfNoneMatch: " \"x\" , " + tag.description))
        #expect(!tag.isMatched(byIfNoneMatch: "\"x\""))
        #expect(tag.isMatched(byIfRange: tag.description))
        #expect(!tag.isMatched(byIfRange: "W/" + tag.description))
        #expect(tag.variant("b-1").description == "\"e71fa2190541574b-3-b-1\"")
    }
}
