import Testing
import TeigenCore
@testable import TeigenBuild

@Suite struct PrintLinksTests {
    let links = PrintLinks(
        urls: SiteURLs(baseURL: "https://example.org/teigen/"),
        anchors: ["/proposals/1/": "proposals-1", "/proposals/2/": "proposals-2", "/members/鈴木-達治郎/": "members-鈴木-達治郎"])

    @Test func idsAndFragmentsGetTheChapterAsPrefix() {
        let html = ##"<h2 id="提言-1">x</h2><a href="#提言-1">y</a><sup><a href="#fn-1" id="fnref-1">1</a></sup>"##
        #expect(links.rewrite(html, page: "/proposals/1/", anchor: "proposals-1") ==
            ##"<h2 id="proposals-1--提言-1">x</h2><a href="#proposals-1--提言-1">y</a><sup><a href="#proposals-1--fn-1" id="proposals-1--fnref-1">1</a></sup>"##)
    }

    @Test func linksToPagesOfTheDocumentStayInside() {
        #expect(links.href("/teigen/proposals/2/", page: "/about/", anchor: "about") == "#proposals-2")
        #expect(links.href("/teigen/proposals/2/#対話", page: "/about/", anchor: "about") == "#proposals-2--対話")
        #expect(links.href("https://example.org/teigen/proposals/1/", page: "/about/", anchor: "about") == "#proposals-1")
        #expect(links.href("/teigen/members/%E9%88%B4%E6%9C%A8-%E9%81%94%E6%B2%BB%E9%83%8E/", page: "/about/", anchor: "about") == "#members-鈴木-達治郎")
        #expect(links.href("../2/", page: "/proposals/1/", anchor: "proposals-1") == "#proposals-2")
    }

    @Test func linksToOtherPagesAndFilesBecomeTheirAbsoluteURLs() {
        #expect(links.href("/teigen/proposals/", page: "/about/", anchor: "about") == "https://example.org/teigen/proposals/")
        #expect(links.href("/teigen/files/report.pdf#page=2", page: "/about/", anchor: "about") == "https://example.org/teigen/files/report.pdf#page=2")
        #expect(links.href("https://www.armscontrol.org/act/2023-12/", page: "/about/", anchor: "about") == "https://www.armscontrol.org/act/2023-12/")
        #expect(links.href("mailto:a@example.org", page: "/about/", anchor: "about") == "mailto:a@example.org")
    }

    @Test func imagesOfTheSiteAreReadFromTheOutputFolder() {
        let html = ##"<img src="/teigen/images/a%20b.png" alt="x"><img src="https://cdn.example.org/c.png">"##
        #expect(links.rewrite(html, page: "/about/", anchor: "about") == ##"<img src="images/a%20b.png" alt="x"><img src="https://cdn.example.org/c.png">"##)
    }

    @Test func characterReferencesInValuesAreReadAndWrittenBack() {
        #expect(links.rewrite(##"<a href="/teigen/search/?q=a&amp;b=c">s</a>"##, page: "/", anchor: "top") ==
            ##"<a href="https://example.org/teigen/search/?q=a&amp;b=c">s</a>"##)
    }

    @Test func chapterAnchorsComeFromTheURL() {
        #expect(PrintLinks.anchor(ofPageAt: "/") == "top")
        #expect(PrintLinks.anchor(ofPageAt: "/proposals/1/") == "proposals-1")
    }
}
