import Testing
import TeigenCore
@testable import TeigenTheme

@Suite struct ThemeTests {
    @Test func rendersWithInheritancePartialsEscapingAndLambdas() throws {
        let theme = try Theme(
            templates: [
                "base": "<title>{{page.title}}</title>{{> partials/nav}}<main>{{$main}}{{/main}}</main>",
                "partials/nav": "<nav>{{#site.menus}}<a href=\"{{url}}\">{{name}}</a>{{/site.menus}}</nav>",
                "page": "{{<base}}{{$main}}{{{page.content}}}<a href=\"{{#relURL}}/x/{{/relURL}}\">x</a>{{/main}}{{/base}}",
            ],
            paths: [:])
        let html = theme.render(
            "page",
            context: [
                "page": .map([("title", .string("<script>")), ("content", .string("<p>本文</p>"))]),
                "site": .map([("menus", .array([.map([("name", .string("提言")), ("url", .string("/p/"))])]))]),
            ],
            lambdas: ["relURL": { "/sub" + $0 }])
        #expect(html == "<title>&lt;script&gt;</title><nav><a href=\"/p/\">提言</a></nav><main><p>本文</p><a href=\"/sub/x/\">x</a></main>")
    }

    @Test func syntaxErrorHasTemplatePosition() {
        #expect {
            try Theme(templates: ["page": "<h1>\n{{#page}}\n</h1>"], paths: ["page": "theme/templates/page.mustache"])
        } throws: { error in
            let header = (error as? DiagnosticError)?.diagnostics.first?.header ?? ""
            return header.hasPrefix("theme/templates/page.mustache:") && header.contains("error: template syntax error: section is never closed")
        }
    }

    @Test func partialLoopIsAnError() {
        #expect {
            try Theme(templates: ["a": "x{{> b}}", "b": "{{> a}}"], paths: ["a": "t/a.mustache", "b": "t/b.mustache"])
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.header) == ["t/b.mustache:1:1: error: templates include each other in a loop: a → b → a"]
        }
    }

    @Test func missingPartialIsAnError() {
        #expect {
            try Theme(templates: ["a": "{{> partials/none}}"], paths: ["a": "t/a.mustache"])
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.header
                == "t/a.mustache:1:1: error: template includes 'partials/none', which does not exist (looked for theme/templates/partials/none.mustache)"
        }
    }

    @Test func lookupOrder() {
        let lookup = TemplateLookup()
        #expect(lookup.candidates(kind: .page, layout: nil, sections: ["proposals"]) == ["proposals/page", "page"])
        #expect(lookup.candidates(kind: .section, layout: nil, sections: ["a", "b"]) == ["b/section", "a/section", "section"])
        #expect(lookup.candidates(kind: .home, layout: nil, sections: []) == ["home", "section"])
        #expect(lookup.candidates(kind: .page, layout: "wide", sections: ["a"]) == ["wide"])
    }
}
