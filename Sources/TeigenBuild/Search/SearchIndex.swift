import Crypto
import Foundation
import TeigenCore

/// The site's full-text search index (`search: true`), made from the built pages and searched in the
/// browser by the theme's `search.js`. One index per language, keyed by each page's `<html lang>`:
///
/// ```
/// search-index/LANG/meta.json        what the script loads first: the shards' first keys, each page's length
///                                    and title length, the CJK ranges of the tokenizer, a version
/// search-index/LANG/shards/N.bin     the postings of a range of tokens, in token order (``PostingList``)
/// search-index/LANG/pages/N.json     page N's URL, title, text and headings, for results and excerpts
/// ```
///
/// Tokens and positions follow ``SearchText``; pages are numbered in URL order. Pure: the same pages
/// give the same bytes.
public struct SearchIndex: Sendable {
    /// The folder of the index in the output.
    public static let outputFolder = "search-index/"
    /// The size a shard aims at: a query loads a few of them.
    static let shardSize = 32 * 1024
    static let format = 1

    let language: String
    /// The language's pages, in URL order.
    let documents: [SearchDocument]

    init(language: String, documents: [SearchDocument]) {
        self.language = language
        self.documents = documents.sorted { $0.url < $1.url }
    }

    /// The index files (paths under ``outputFolder``) of the HTML pages among `outputs` (output path → bytes).
    public static func files(indexing outputs: [String: Data], jobs: Int) async throws(DiagnosticError) -> [String: Data] {
        let documents = try await read(outputs, jobs: jobs)
        let fold = ScalarFold()
        var files: [String: Data] = [:]
        for (language, pages) in Dictionary(grouping: documents, by: { folderName(ofLanguage: $0.language) }).sorted(by: { $0.key < $1.key }) {
            files.merge(try await SearchIndex(language: language, documents: pages).files(fold: fold, jobs: jobs), uniquingKeysWith: { old, _ in old })
        }
        return files
    }

    /// The searchable pages among `outputs`: those marked with `data-search-body` when any page is.
    static func read(_ outputs: [String: Data], jobs: Int) async throws(DiagnosticError) -> [SearchDocument] {
        let pages = outputs.keys.filter { $0.hasSuffix(".html") && !$0.hasPrefix(outputFolder) }.sorted()
        let documents = try await BuildPipeline.parallelMap(pages, jobs: jobs) { path in
            SearchDocument(html: outputs[path]!, outputPath: path)
        }.compactMap { $0 }
        let anyMarked = documents.contains(where: \.isMarked)
        return documents.filter { $0.isMarked == anyMarked }
    }

    /// A language tag as a folder name: lower case, letters, digits and `-` (`ja`, `en-us`); `und` if none.
    static func folderName(ofLanguage language: String) -> String {
        let name = String(language.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        return name.isEmpty ? "und" : name
    }

    /// This language's files.
    func files(fold: ScalarFold, jobs: Int) async throws(DiagnosticError) -> [String: Data] {
        let documents = self.documents
        let read = try await BuildPipeline.parallelMap(Array(documents.indices), jobs: jobs) { page in
            Self.tokens(of: documents[page], fold: fold)
        }
        var characterPostings: [UInt64: PostingList] = [:]
        var wordPostings: [String: PostingList] = [:]
        for (page, document) in read.enumerated() {
            var start = 0
            while start < document.characterKeys.count {
                let key = document.characterKeys[start]
                var end = start + 1
                while end < document.characterKeys.count, document.characterKeys[end] == key { end += 1 }
                characterPostings[key, default: PostingList()].add(page: page, positions: document.characterPositions[start..<end])
                start = end
            }
            for (word, positions) in document.words {
                wordPostings[word, default: PostingList()].add(page: page, positions: positions[...])
            }
        }
        var postings: [(key: String, list: PostingList)] = wordPostings.map { ($0.key, $0.value) }
        postings.reserveCapacity(wordPostings.count + characterPostings.count)
        for (key, list) in characterPostings { postings.append((Self.characters(of: key), list)) }
        let (shards, firstKeys) = Self.shards(of: postings)
        let folder = Self.outputFolder + language + "/"
        var files: [String: Data] = [:]
        for (number, shard) in shards.enumerated() {
            files[folder + "shards/\(number).bin"] = Data(shard)
        }
        let titles = Dictionary(grouping: documents.map(\.title), by: { $0 }).filter { $0.value.count > 1 }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (page, document) in documents.enumerated() {
            let fragment = Fragment(
                url: document.url, title: document.title, sharedTitle: titles[document.title] != nil ? true : nil, text: document.text,
                skipped: read[page].skipped, headings: document.headings.map { [.number($0.offset), .string($0.id)] })
            files[folder + "pages/\(page).json"] = try? encoder.encode(fragment)
        }
        var digest: [UInt8] = []
        for path in files.keys.sorted() {
            digest = Array(SHA384.hash(data: digest + Array(path.utf8) + Array(SHA384.hash(data: files[path]!))))
        }
        let meta = Meta(
            format: Self.format, language: language, version: digest.prefix(8).map { String(format: "%02x", $0) }.joined(),
            pages: documents.count, shards: firstKeys, lengths: read.map(\.length), titleLengths: read.map(\.titleLength),
            cjk: SearchText.cjkRanges.map { [$0.lowerBound, $0.upperBound] })
        files[folder + "meta.json"] = try? encoder.encode(meta)
        return files
    }

    /// One page read for the index: its CJK tokens (``characterKey(_:)``) sorted with their positions,
    /// its words with theirs, the number of positions, the title's, and the characters of the text
    /// dropped (``SearchText/skipped``).
    struct ReadPage: Sendable {
        var characterKeys: [UInt64]
        var characterPositions: [Int32]
        var words: [String: [Int32]]
        var length: Int
        var titleLength: Int
        var skipped: [Int]
    }

    static func tokens(of document: SearchDocument, fold: ScalarFold) -> ReadPage {
        let text = document.searchText(fold: fold)
        var characters: [(key: UInt64, position: Int32)] = []
        characters.reserveCapacity(text.scalars.count)
        var words: [String: [Int32]] = [:]
        text.forEachToken { token, position in
            switch token {
            case .bigram(let first, let second): characters.append((characterKey(first, second), Int32(position)))
            case .unigram(let scalar): characters.append((characterKey(scalar, nil), Int32(position)))
            case .word(let word): words[word, default: []].append(Int32(position))
            }
        }
        characters.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        return ReadPage(
            characterKeys: characters.map(\.key), characterPositions: characters.map(\.position), words: words,
            length: text.scalars.count, titleLength: text.scalars.firstIndex(of: "\n") ?? text.scalars.count, skipped: text.skipped)
    }

    /// A CJK token as a number: the first character's scalar value above the second's (0 for none).
    static func characterKey(_ first: Unicode.Scalar, _ second: Unicode.Scalar?) -> UInt64 {
        UInt64(first.value) << 21 | UInt64(second?.value ?? 0)
    }

    /// The characters of a ``characterKey(_:_:)``.
    static func characters(of key: UInt64) -> String {
        var view = String.UnicodeScalarView()
        view.append(Unicode.Scalar(UInt32(key >> 21))!)
        if let second = Unicode.Scalar(UInt32(key & 0x1FFFFF)), second.value != 0 { view.append(second) }
        return String(view)
    }

    /// The postings cut into shards in key order (UTF-16 order, as JavaScript compares strings), and each
    /// shard's first key. An entry: the key's UTF-8 length and bytes, the posting list's length and bytes.
    static func shards(of postings: [(key: String, list: PostingList)]) -> (shards: [[UInt8]], firstKeys: [String]) {
        let keyed = postings.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
        var shards: [[UInt8]] = []
        var firstKeys: [String] = []
        var shard: [UInt8] = []
        for (key, list) in keyed {
            if shard.isEmpty { firstKeys.append(key) }
            let keyBytes = Array(key.utf8)
            let encoded = list.encoded
            PostingList.appendVarint(keyBytes.count, to: &shard)
            shard += keyBytes
            PostingList.appendVarint(encoded.count, to: &shard)
            shard += encoded
            if shard.count >= shardSize {
                shards.append(shard)
                shard = []
            }
        }
        if !shard.isEmpty || shards.isEmpty { shards.append(shard) }
        if firstKeys.isEmpty { firstKeys.append("") }
        return (shards, firstKeys)
    }

    /// `meta.json`.
    struct Meta: Encodable {
        var format: Int
        var language: String
        var version: String
        var pages: Int
        var shards: [String]
        var lengths: [Int]
        var titleLengths: [Int]
        var cjk: [[UInt32]]
    }

    /// `pages/N.json`: what a result shows. Offsets count Unicode scalars of `title + "\n" + text`
    /// (`skipped`) or of `text` (`headings`: `[offset, id]`).
    struct Fragment: Encodable {
        var url: String
        var title: String
        var sharedTitle: Bool?
        var text: String
        var skipped: [Int]
        var headings: [[FragmentValue]]
    }

    enum FragmentValue: Encodable {
        case number(Int)
        case string(String)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let number): try container.encode(number)
            case .string(let string): try container.encode(string)
            }
        }
    }
}
