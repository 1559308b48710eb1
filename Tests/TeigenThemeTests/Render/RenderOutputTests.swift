import Testing

@testable import TeigenTheme

/// `RenderOutput` keeps small pieces as bytes and large ones as Strings; whichever way a piece went, the output is
/// the pieces in order.
@Suite struct RenderOutputTests {
    static let large = String(repeating: "長い本文。", count: 100)

    @Test func piecesComeOutInOrder() {
        var output = RenderOutput()
        output.append("<p>")
        output.append(Self.large)
        output.appendEscaped("「A&B」<i>")
        output.append(Self.large)
        output.append("</p>\n")
        #expect(output.finish() == "<p>" + Self.large + "「A&amp;B」&lt;i&gt;" + Self.large + "</p>\n")
    }

    @Test func appendingAnOutputKeepsBothOrders() {
        for middle in ["short", Self.large] {
            var first = RenderOutput()
            first.append("a")
            first.append(Self.large)
            first.append("b")
            var second = RenderOutput()
            second.append("c")
            second.append(middle)
            second.append("d")
            first.append(second)
            #expect(first.finish() == "a" + Self.large + "b" + "c" + middle + "d")
        }
    }

    @Test func endsWithNewlineLooksAtWhicheverPartIsLast() {
        var output = RenderOutput()
        #expect(output.isEmpty && !output.endsWithNewline)
        output.append(Self.large + "\n")
        #expect(!output.isEmpty && output.endsWithNewline)
        output.append("x")
        #expect(!output.endsWithNewline)
        output.append("\n")
        #expect(output.endsWithNewline)
    }
}
