import Testing
@testable import TeigenMarkdown

/// Shortcodes: `{{< name args >}}` on its own, or paired around Markdown, through the caller's hook.
@Suite struct ShortcodeTests {
    /// Writes `[name a=b]` and, for a paired call, the inner content inside `<div class="name">`.
    static let echo: ShortcodeRenderer = { call in
        let arguments = call.arguments.map { ($0.name.map { $0 + "=" } ?? "") + $0.value }.joined(separator: " ")
        if call.isPaired { return .html("<div class=\"\(call.name)\" data-args=\"\(arguments)\">\n\(ShortcodeCall.innerMarker)</div>") }
        return .html("<span class=\"\(call.name)\">[\(call.name) \(arguments)]</span>")
    }

    func render(_ source: String, _ hook: @escaping ShortcodeRenderer = echo) -> RenderedMarkdown {
        MarkdownRenderer().render(source, hooks: MarkdownHooks(shortcode: hook))
    }

    @Test func aCallOnItsOwnLine() {
        let page = render("前\n\n{{< figure src=\"map.png\" caption=\"地図 \\\"A\\\"\" >}}\n\n後\n")
        #expect(page.html == "<p>前</p>\n<span class=\"figure\">[figure src=map.png caption=地図 \"A\"]</span>\n<p>後</p>\n")
        #expect(page.issues.isEmpty)
    }

    @Test func aPairedCallRendersItsInnerMarkdown() {
        let source = """
            {{< note kind="warning" >}}
            Inner **Markdown**[^1] with a [link](a.md).

            ## A heading

            - item
            {{< /note >}}
            After.

            [^1]: A note.
            """
        let page = MarkdownRenderer(options: MarkdownOptions(headingAnchors: false))
            .render(source, hooks: MarkdownHooks(rewriteLink: { .replace("/x/" + $0) }, shortcode: Self.echo))
        #expect(page.html.hasPrefix("""
            <div class="note" data-args="kind=warning">
            <p>Inner <strong>Markdown</strong>
            """))
        #expect(page.html.contains("<h2 id=\"a-heading\">A heading</h2>\n<ul>\n<li>item</li>\n</ul>\n</div>\n<p>After.</p>"))
        #expect(page.html.contains("href=\"/x/a.md\""))
        #expect(page.html.contains("href=\"#fn-1\""))
        #expect(page.tableOfContents.map(\.id) == ["a-heading"])
        #expect(page.issues.isEmpty)
    }

    @Test func callsInsideTextAndNesting() {
        let page = render("文{{< ruby base=\"字\" >}}です。\n\n{{< outer >}}\n{{< inner >}}\nx\n{{< /inner >}}\n{{< /outer >}}\n")
        #expect(page.html.hasPrefix("<p>文<span class=\"ruby\">[ruby base=字]</span>です。</p>\n"))
        #expect(page.html.contains("<div class=\"outer\" data-args=\"\">\n<div class=\"inner\" data-args=\"\">\n<p>x</p>\n</div>\n</div>"))
    }

    @Test func codeLeavesTheSyntaxAlone() {
        let page = render("`{{< note >}}`\n\n```\n{{< note >}}\n```\n\n    {{< note >}}\n")
        #expect(page.html == "<p><code>{{&lt; note &gt;}}</code></p>\n<pre><code>{{&lt; note &gt;}}\n</code></pre>\n<pre><code>{{&lt; note &gt;}}\n</code></pre>\n")
    }

    @Test func withoutAHookTheSyntaxIsText() {
        #expect(MarkdownRenderer().render("{{< note >}}").html == "<p>{{&lt; note &gt;}}</p>\n")
    }

    @Test func failuresAreErrorsAtTheCallOrTheArgument() {
        let hook: ShortcodeRenderer = { call in
            call.name == "chart" ? .failure("unknown shortcode 'chart'", argument: nil) : .failure("bad kind", argument: 1)
        }
        let page = render("x\n\n  {{< chart >}}\n\n{{< note title=\"a\" kind=\"danger\" >}}\n", hook)
        #expect(page.issues == [
            MarkdownIssue(severity: .error, line: 3, column: 3, message: "unknown shortcode 'chart'"),
            MarkdownIssue(severity: .error, line: 5, column: 20, message: "bad kind"),
        ])
    }

    @Test(arguments: [
        ("{{< note title=\"open >}}", 1, 16, "this quote is never closed"),
        ("{{< >}}", 1, 5, "a shortcode needs a name after '{{<' (such as {{< figure src=\"map.png\" >}})"),
        ("{{< /note >}}", 1, 1, "'{{< /note >}}' closes no '{{< note >}}' opened before it"),
        ("日本語 {{< note a= >}}", 1, 16, "argument 'a' of shortcode 'note' has no value: write a=\"…\""),
    ])
    func syntaxErrorsArePositioned(_ source: String, _ line: Int, _ column: Int, _ message: String) {
        let page = render(source)
        #expect(page.issues == [MarkdownIssue(severity: .error, line: line, column: column, message: message)])
    }

    @Test func aTemplateWithoutInnerIsAnErrorForAPairedCall() {
        let page = render("{{< figure >}}\nx\n{{< /figure >}}\n", { _ in .html("<figure></figure>") })
        #expect(page.issues.map(\.message) == [
            "shortcode 'figure' has inner content, but its template does not write it: add {{{inner}}} to the template, or remove '{{< /figure >}}'"
        ])
    }

    @Test func resourcesAndWarningsOfTheHook() {
        let page = render("{{< figure src=\"a.png\" >}}", { _ in .html("<img>", resources: ["/a.png"], warnings: ["no alt"]) })
        #expect(page.resources == ["/a.png"])
        #expect(page.issues == [MarkdownIssue(severity: .warning, line: 1, column: 1, message: "no alt")])
    }
}

extension ShortcodeTests {
    @Test func aParagraphInAShortcodeAtTheTopIsTheSummary() {
        let page = render("{{< note title=\"提言1\" >}}\n要旨の段落。\n{{< /note >}}\n\n本文の段落。\n")
        #expect(page.summaryHTML == "<p>要旨の段落。</p>\n")
        #expect(page.summaryText == "要旨の段落。")
    }
}
