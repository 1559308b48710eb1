import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// How text is read for the search index: fold, spaces, tokens (the rules search.js applies to queries).
@Suite struct SearchTextTests {
    static let fold = ScalarFold()

    func read(_ text: String) -> SearchText { SearchText(text, fold: Self.fold) }
    func folded(_ text: String) -> String { String(String.UnicodeScalarView(read(text).scalars)) }

    @Test func foldsEachCharacterToOne() {
        #expect(folded("ＮＰＴとSIPRI") == "nptとsipri")
        #expect(folded("（ｶﾀｶﾅ）") == "(カタカナ)")
        #expect(folded("㍻") == "㍻")  // NFKC makes two characters of it: kept as it is
        #expect(ScalarFold.fold("Å") == "å")
        for value in [0x41, 0xFF21, 0xFF76, 0x3000, 0x2460, 0xF929, 0x4E00, 0x1F600] {
            let scalar = Unicode.Scalar(value)!
            #expect(Self.fold[scalar] == ScalarFold.fold(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test func composesCombiningMarks() {
        let text = read("ﾌﾞﾀﾞﾍﾟｽﾄ と か\u{3099}")
        #expect(String(String.UnicodeScalarView(text.scalars)) == "ブダペストとが")
        #expect(text.skipped == [1, 3, 5, 8, 10, 12])
    }

    @Test func dropsSpacesNextToCJKAndKeepsOneBetweenWords() {
        let text = read("トラック 2 核対話")
        #expect(String(String.UnicodeScalarView(text.scalars)) == "トラック2核対話")
        #expect(text.skipped == [4, 6])
        #expect(folded("nuclear   arms  control ") == "nuclear arms control")
        #expect(folded("NPT を中心") == "nptを中心")
        #expect(folded("鈴木\u{3000}達治郎") == "鈴木達治郎")
        #expect(folded("a\nb") == "a\nb")
    }

    @Test func cutsCJKIntoBigramsAndTheRestIntoWords() {
        let tokens = read("核軍縮。NPT、G7の2024年").tokens()
        let expected: [(SearchToken, Int)] = [
            (.bigram("核", "軍"), 0), (.bigram("軍", "縮"), 1), (.unigram("縮"), 2), (.word("npt"), 4), (.word("g7"), 8),
            (.unigram("の"), 10), (.word("2024"), 11), (.unigram("年"), 15),
        ]
        #expect(tokens.map(\.token) == expected.map(\.0))
        #expect(tokens.map(\.position) == expected.map(\.1))
        #expect(tokens.map(\.token.key) == ["核軍", "軍縮", "縮", "npt", "g7", "の", "2024", "年"])
    }

    @Test func kinds() {
        #expect(SearchText.kind(of: "ー") == .cjk)
        #expect(SearchText.kind(of: "々") == .cjk)
        #expect(SearchText.kind(of: "・") == .other)
        #expect(SearchText.kind(of: "한") == .cjk)
        #expect(SearchText.kind(of: "\u{20B9F}") == .cjk)  // 𠮟, beyond the BMP
        #expect(SearchText.kind(of: "é") == .word)
        #expect(SearchText.kind(of: "。") == .other)
        #expect(SearchText.kind(of: "\n") == .other)
    }
}

@Suite struct HTMLScannerTests {
    func events(_ html: String) -> [String] {
        var out: [String] = []
        HTMLScanner.scan(Data(html.utf8)) { event in
            switch event {
            case .start(let tag): out.append("<\(tag.name)" + tag.attributes.map { " \($0.name)=\($0.value)" }.joined() + (tag.selfClosing ? "/>" : ">"))
            case .end(let name): out.append("</\(name)>")
            case .text(let text): out.append(text)
            }
        }
        return out
    }

    @Test func readsTagsAttributesAndText() {
        #expect(events("<!DOCTYPE html><P Class=\"a b\" id=x data-on hidden='y'>A &amp; B&#x3042;&#12354;&copy;&unknown;</p><br/>")
            == ["<p class=a b id=x data-on= hidden=y>", "A & Bああ©&unknown;", "</p>", "<br/>"])
        #expect(events("a < b <!-- <p>c</p> --> d") == ["a < b ", " d"])
        #expect(events("<title>T &lt;1&gt;</title><script>if (a</b) { '</div>' }</script>x")
            == ["<title>", "T <1>", "</title>", "<script>", "</script>", "x"])
        #expect(events("<a href=\"?a=1&amp;b=2\">") == ["<a href=?a=1&b=2>"])
        #expect(events("&#0; &#x110000;") == ["\u{FFFD} \u{FFFD}"])
    }
}

@Suite struct SearchDocumentTests {
    static let page = """
        <!DOCTYPE html>
        <html lang="ja">
        <head><title>頁｜サイト</title><style>p { color: red }</style></head>
        <body>
        <header><nav>メニュー</nav></header>
        <article data-search-body>
        <h1 class="t">提言  1</h1>
        <p class="page-meta" data-search-ignore>2024年3月</p>
        <p>世界は<em>いま</em>、
        核兵器が<a href="#x">使用</a>される。\u{2060}<sup><a href="#fn1" role="doc-noteref">1</a></sup>注\u{AD}<a href="#r" role="doc-backlink">↩︎</a></p>
        <h2 id="背景">背景 <a class="heading-anchor" href="#背景" data-search-ignore>#</a></h2>
        <p aria-hidden="true">飾り</p><p hidden>隠し</p>
        <ul><li>一</li><li>二</li></ul>
        <h3>見出し</h3><p>NPT &amp; CTBT</p>
        <script>var x = "<p>";</script>
        </article>
        <footer>フッター</footer>
        </body>
        </html>
        """

    @Test func readsTheMarkedTextTitleAndHeadings() throws {
        let document = try #require(SearchDocument(html: Data(Self.page.utf8), outputPath: "proposals/1/index.html"))
        #expect(document.url == "/proposals/1/")
        #expect(document.language == "ja")
        #expect(document.title == "提言 1")
        #expect(document.isMarked)
        #expect(document.text == "世界はいま、 核兵器が使用される。注\n背景\n一\n二\n見出し\nNPT & CTBT")
        #expect(document.headings == [.init(offset: 19, id: "背景"), .init(offset: 26, id: "")])
    }

    @Test func readsTheBodyOfAnUnmarkedPageAndSkipsRedirects() throws {
        let html = "<html><head><title>Old &amp; new</title></head><body><p>Text</p><div>More</div></body></html>"
        let document = try #require(SearchDocument(html: Data(html.utf8), outputPath: "404.html"))
        #expect(!document.isMarked && document.url == "/404.html" && document.language == "")
        #expect(document.title == "Old & new" && document.text == "Text\nMore")
        let alias = "<html><head><meta http-equiv=\"refresh\" content=\"0; url=/a/\"></head><body data-search-body>a</body></html>"
        #expect(SearchDocument(html: Data(alias.utf8), outputPath: "old/index.html") == nil)
        #expect(SearchDocument.url(ofOutputPath: "index.html") == "/")
    }
}

@Suite struct SearchIndexTests {
    static func page(_ title: String, _ body: String, lang: String = "ja", marked: Bool = true) -> Data {
        Data("<html lang=\"\(lang)\"><body><main\(marked ? " data-search-body" : "")><h1>\(title)</h1>\(body)</main></body></html>".utf8)
    }

    static let outputs: [String: Data] = [
        "index.html": page("核の不使用継続と核秩序維持に向けた緊急提言", "<p>核軍備管理・軍縮への道。</p>"),
        "proposals/index.html": page("核の不使用継続と核秩序維持に向けた緊急提言", "<p>トラック 2 核対話</p>"),
        "proposals/2/index.html": page("提言 2", "<h2 id=\"a\">対話</h2><p>核軍縮と「トラック2核対話」。核軍縮。</p>"),
        "en/index.html": page("Proposal", "<p>Nuclear disarmament</p>", lang: "en"),
        "search/index.html": page("検索", "<p>キーワード</p>", marked: false),
        "404.html": page("見つかりません", "", marked: false),
        "atom.xml": Data("<feed/>".utf8),
    ]

    /// The entries of a shard: key → (pages, positions of each).
    static func entries(_ shard: Data) -> [String: [(page: Int, positions: [Int])]] {
        let bytes = [UInt8](shard)
        var index = 0
        func varint() -> Int {
            var value = 0
            var shift = 0
            while true {
                let byte = bytes[index]
                index += 1
                value |= Int(byte & 0x7F) << shift
                shift += 7
                if byte < 0x80 { return value }
            }
        }
        var out: [String: [(page: Int, positions: [Int])]] = [:]
        while index < bytes.count {
            let keyLength = varint()
            let key = String(decoding: bytes[index..<(index + keyLength)], as: UTF8.self)
            index += keyLength
            let end = varint() + index
            var pages: [(page: Int, positions: [Int])] = []
            var page = 0
            for _ in 0..<varint() {
                page += varint()
                var position = 0
                pages.append((page, (0..<varint()).map { _ in
                    position += varint()
                    return position
                }))
            }
            #expect(index == end)
            out[key] = pages
        }
        return out
    }

    static func json(_ data: Data?) throws -> [String: Any] {
        let bytes = try #require(data)
        let object = try JSONSerialization.jsonObject(with: bytes)
        return try #require(object as? [String: Any])
    }

    @Test func writesOneIndexPerLanguage() async throws {
        let files = try await SearchIndex.files(indexing: Self.outputs, jobs: 2)
        #expect(Set(files.keys) == [
            "search-index/en/meta.json", "search-index/en/pages/0.json", "search-index/en/shards/0.bin",
            "search-index/ja/meta.json", "search-index/ja/pages/0.json", "search-index/ja/pages/1.json",
            "search-index/ja/pages/2.json", "search-index/ja/shards/0.bin",
        ])
        let meta = try Self.json(files["search-index/ja/meta.json"])
        #expect(meta["pages"] as? Int == 3)
        #expect(meta["language"] as? String == "ja")
        #expect((meta["shards"] as? [String])?.count == 1)
        #expect((meta["cjk"] as? [[Int]])?.first == [0x1100, 0x11FF])
        // Pages in URL order; the search and 404 pages (not marked) are left out.
        let urls = try (0..<3).map { try Self.json(files["search-index/ja/pages/\($0).json"])["url"] as? String }
        #expect(urls == ["/", "/proposals/", "/proposals/2/"])
    }

    @Test func postingsHoldEveryTokenAtItsPositions() async throws {
        let files = try await SearchIndex.files(indexing: Self.outputs, jobs: 1)
        let entries = Self.entries(try #require(files["search-index/ja/shards/0.bin"]))
        // Page 2 reads 提言2 \n 対話 \n 核軍縮と「トラック2核対話」。核軍縮。 (title, heading, paragraph).
        #expect(entries["軍縮"]?.map(\.page) == [0, 2])
        #expect(entries["軍縮"]?.map(\.positions) == [[28], [8, 23]])
        #expect(entries["2"]?.map(\.page) == [1, 2])
        #expect(entries["2"]?.map(\.positions) == [[26], [2, 16]])
        #expect(entries["ク"]?.map(\.page) == [1, 2])  // the end of トラック before 2: a unigram
        #expect(entries["nuclear"] == nil)
        let keys = Array(entries.keys).sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        #expect(keys.contains("核軍") && keys.contains("提言"))
        let english = Self.entries(try #require(files["search-index/en/shards/0.bin"]))
        #expect(english["nuclear"]?.first?.positions == [9])
    }

    @Test func fragmentsCarryTextHeadingsAndSharedTitles() async throws {
        let files = try await SearchIndex.files(indexing: Self.outputs, jobs: 1)
        let home = try Self.json(files["search-index/ja/pages/0.json"])
        let index = try Self.json(files["search-index/ja/pages/1.json"])
        let proposal = try Self.json(files["search-index/ja/pages/2.json"])
        #expect(home["sharedTitle"] as? Bool == true && index["sharedTitle"] as? Bool == true)
        #expect(proposal["sharedTitle"] == nil)
        #expect(index["text"] as? String == "トラック 2 核対話")
        #expect(index["skipped"] as? [Int] == [26, 28])  // after the 21-character title and its line break
        #expect(proposal["title"] as? String == "提言 2")
        let headings = try #require(proposal["headings"] as? [[Any]])
        #expect(headings.count == 1 && headings[0][0] as? Int == 0 && headings[0][1] as? String == "a")
        #expect(proposal["skipped"] as? [Int] == [2])  // the space of 提言 2
    }

    @Test func theSamePagesGiveTheSameBytes() async throws {
        let first = try await SearchIndex.files(indexing: Self.outputs, jobs: 1)
        let second = try await SearchIndex.files(indexing: Self.outputs, jobs: 4)
        #expect(first == second)
        var changed = Self.outputs
        changed["proposals/2/index.html"] = Self.page("提言 2", "<p>核軍縮。</p>")
        let third = try await SearchIndex.files(indexing: changed, jobs: 1)
        #expect(try Self.json(third["search-index/ja/meta.json"])["version"] as? String
            != (try Self.json(first["search-index/ja/meta.json"])["version"] as? String))
    }

    @Test func indexesEveryPageWhenNoneIsMarked() async throws {
        let outputs = ["a/index.html": Self.page("A", "<p>一</p>", marked: false), "b/index.html": Self.page("B", "<p>二</p>", marked: false)]
        let files = try await SearchIndex.files(indexing: outputs, jobs: 1)
        #expect(try Self.json(files["search-index/ja/meta.json"])["pages"] as? Int == 2)
        #expect(try await SearchIndex.files(indexing: [:], jobs: 1).isEmpty)
    }

    @Test func manyPagesSplitIntoShardsInKeyOrder() async throws {
        var outputs: [String: Data] = [:]
        for number in 0..<300 {
            let words = (0..<40).map { "w\(number)x\($0) 語\(number % 50)の\($0)" }.joined(separator: " ")
            outputs["p/\(number)/index.html"] = Self.page("頁\(number)", "<p>\(words)</p>")
        }
        let files = try await SearchIndex.files(indexing: outputs, jobs: 2)
        let meta = try Self.json(files["search-index/ja/meta.json"])
        let firsts = try #require(meta["shards"] as? [String])
        #expect(firsts.count > 3)
        #expect(firsts == firsts.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        for (number, first) in firsts.enumerated() {
            let entries = Self.entries(try #require(files["search-index/ja/shards/\(number).bin"]))
            let keys = entries.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            #expect(keys.first == first)
            if number + 1 < firsts.count { #expect(keys.last!.utf16.lexicographicallyPrecedes(firsts[number + 1].utf16)) }
        }
        #expect(SearchIndex.folderName(ofLanguage: "en-US") == "en-us" && SearchIndex.folderName(ofLanguage: "") == "und")
    }
}
