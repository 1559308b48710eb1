import Testing
import TeigenCore
@testable import TeigenContent

/// Data files in YAML, JSON, TOML and CSV, and their errors at file:line:column.
@Suite struct DataLoaderTests {
    func decode(_ text: String, _ path: String) throws -> TemplateValue {
        try DataLoader().decode(text, path: path)
    }

    func headers(_ text: String, _ path: String) -> [String] {
        do {
            _ = try decode(text, path)
            return []
        } catch {
            return (error as? DiagnosticError)?.diagnostics.map(\.header) ?? ["\(error)"]
        }
    }

    @Test func eachFormatGivesTheSameValues() throws {
        let expected: TemplateValue = .array([
            .map([("name", .string("鈴木")), ("role", .string("座長"))]),
            .map([("name", .string("佐藤")), ("role", .string("委員"))]),
        ])
        #expect(try decode("- name: 鈴木\n  role: 座長\n- name: 佐藤\n  role: 委員\n", "site/data/m.yaml") == expected)
        #expect(try decode("[{\"role\": \"座長\", \"name\": \"鈴木\"}, {\"name\": \"佐藤\", \"role\": \"委員\"}]", "site/data/m.json") == expected)
        #expect(try decode("[[m]]\nname = \"鈴木\"\nrole = \"座長\"\n[[m]]\nrole = \"委員\"\nname = \"佐藤\"\n", "site/data/m.toml") == .map([("m", expected)]))
        #expect(try decode("name,role\n鈴木,座長\n佐藤,委員\n", "site/data/m.csv") == expected)
    }

    @Test func jsonKeepsItsTypes() throws {
        let value = try decode("{\"n\": 3, \"x\": 1.5, \"e\": 1e2, \"t\": true, \"f\": false, \"z\": null, \"s\": \"a\\u00e9\\n\", \"l\": [1, \"2\"]}", "d.json")
        #expect(value == .map([
            ("e", .double(100)), ("f", .bool(false)), ("l", .array([.int(1), .string("2")])), ("n", .int(3)), ("s", .string("aé\n")),
            ("t", .bool(true)), ("x", .double(1.5)), ("z", .null),
        ]))
        #expect(try decode("\u{FEFF}[1]", "d.json") == .array([.int(1)]))
    }

    @Test func tomlKeepsItsTypesAndDates() throws {
        let value = try decode("""
            title = "研究会"
            count = 13
            ratio = 0.5
            open = false
            day = 2024-03-26
            at = 2024-01-14T09:30:00+09:00
            local = 2024-01-14T09:30:00
            time = 07:45:00.5
            [members]
            chair = "鈴木"

            """, "d.toml")
        #expect(value == .map([
            ("at", .string("2024-01-14T09:30:00+09:00")), ("count", .int(13)), ("day", .string("2024-03-26")), ("local", .string("2024-01-14T09:30:00")),
            ("members", .map([("chair", .string("鈴木"))])), ("open", .bool(false)), ("ratio", .double(0.5)), ("time", .string("07:45:00.5")),
            ("title", .string("研究会")),
        ]))
    }

    @Test func csvQuotingLineBreaksAndBlankLines() throws {
        let text = "\u{FEFF}名前,メモ,空\r\n\"Suzuki, T.\",\"二行の\r\nメモ\",\r\n\r\n佐藤,\"「引用」と \"\"引用符\"\"\",\"\"\r\n"
        #expect(try decode(text, "d.csv") == .array([
            .map([("名前", .string("Suzuki, T.")), ("メモ", .string("二行の\r\nメモ")), ("空", .string(""))]),
            .map([("名前", .string("佐藤")), ("メモ", .string("「引用」と \"引用符\"")), ("空", .string(""))]),
        ]))
        // The last line needs no line ending, and an empty last field stays.
        #expect(try decode("a,b\n1,", "d.csv") == .array([.map([("a", .string("1")), ("b", .string(""))])]))
        #expect(try decode("", "d.csv") == .array([]))
        #expect(try decode("\n\na\n1\n", "d.csv") == .array([.map([("a", .string("1"))])]))
        #expect(try decode("a,b\n", "d.csv") == .array([]))
    }

    @Test(arguments: [
        ("{\n  \"a\": 1,\n  \"b\": [1, 2,\n}\n", "site/data/x.json", "site/data/x.json:4:1: error: invalid JSON: invalid value"),
        ("{\n  \"名前\": \"鈴木\",\n  \"a\": \"x\n\"}", "site/data/x.json", "site/data/x.json:3:10: error: invalid JSON: unescaped control character"),
        ("{\"a\": 1", "site/data/x.json", "site/data/x.json:1:8: error: invalid JSON: unexpected end of file during JSON parse"),
        ("{\n  \"a\": 1,\n  \"a\": 2\n}", "site/data/x.json", "site/data/x.json:3:3: error: duplicate key 'a' in JSON object"),
        ("[{\"k\": 1, \"k\": 2}]", "site/data/x.json", "site/data/x.json:1:11: error: duplicate key 'k' in JSON object"),
        ("a = 1\nb = \n", "site/data/x.toml", "site/data/x.toml:2:5: error: invalid TOML: Error while parsing key-value pair: expected value, saw '\\n'"),
        ("a = 1\na = 2\n", "site/data/x.toml", "site/data/x.toml:2:5: error: invalid TOML: Error while parsing key-value pair: cannot redefine existing integer 'a'"),
        ("{\n  \"title\": \"x\"\n  \"weight\": 1\n}", "site/data/x.json", "site/data/x.json:3:3: error: invalid JSON: invalid value"),
        ("{\"a\": 01}", "site/data/x.json", "site/data/x.json:1:8: error: invalid JSON: number with leading zero"),
        ("名前 = \"x\"\n", "site/data/x.toml", "site/data/x.toml:1:1: error: invalid TOML: Error while parsing root table: expected keys, tables, whitespace or comments, saw '名'"),
        ("a,b\n1,2,3\n4\n", "site/data/x.csv", "site/data/x.csv:2:1: error: this row has 3 fields, but the header row has 2 (a value with a comma in it is written in quotes: \"a, b\")"),
        ("a,b\n1,\"2\"x\n", "site/data/x.csv", "site/data/x.csv:2:6: error: invalid CSV: a quote may only start a field and close it; a field with quotes in it is written in quotes, each quote inside doubled (\"a \"\"b\"\" c\")"),
        ("a,b\n1,\"open\n2,3\n", "site/data/x.csv", "site/data/x.csv:2:3: error: invalid CSV: this quote is never closed"),
        ("a,a\n1,2\n", "site/data/x.csv", "site/data/x.csv:1:1: error: the header row names column 'a' twice"),
        ("a,,c\n1,2,3\n", "site/data/x.csv", "site/data/x.csv:1:1: error: column 2 of the header row has no name"),
    ])
    func errorsArePositioned(text: String, path: String, expected: String) {
        #expect(headers(text, path).first == expected)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let json = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(headers(json, "x.json") == ["x.json:1:514: error: invalid JSON: too many nested arrays or dictionaries"])
        let toml = "a = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        #expect(headers(toml, "x.toml").first?.hasPrefix("x.toml:1:") == true)
        #expect(headers(toml, "x.toml").first?.contains("nested") == true)
    }

    @Test func everyShortOrLongRowIsReported() {
        #expect(headers("a,b\n1,2,3\n4\n", "x.csv") == [
            "x.csv:2:1: error: this row has 3 fields, but the header row has 2 (a value with a comma in it is written in quotes: \"a, b\")",
            "x.csv:3:1: error: this row has 1 fields, but the header row has 2",
        ])
        // Rows after a quoted line break are counted from the right line.
        #expect(headers("a,b\n\"x\ny\",1\n1\n", "x.csv") == ["x.csv:4:1: error: this row has 1 fields, but the header row has 2"])
    }

    @Test func dataFilesAreKnownByTheirExtension() {
        #expect(DataFormat(path: "members.yaml") == .yaml)
        #expect(DataFormat(path: "members.en.yml") == .yaml)
        #expect(DataFormat(path: "a/b.JSON") == .json)
        #expect(DataFormat(path: "b.toml") == .toml)
        #expect(DataFormat(path: "b.csv") == .csv)
        #expect(DataFormat(path: "notes.txt") == nil)
        #expect(DataFormat(path: "a.d/README") == nil)
    }

    @Test func oneNameInTwoFormatsIsAnError() {
        let files = [
            ("members.yaml", "site/data/members.yaml"), ("members.json", "site/data/members.json"), ("members.en.yaml", "site/data/members.en.yaml"),
            ("a/b.csv", "site/data/a/b.csv"), ("a/b.yml", "site/data/a/b.yml"), ("other.toml", "site/data/other.toml"),
        ]
        #expect(DataLoader.nameConflicts(among: files).map(\.header) == [
            "site/data/a/b.yml: error: two data files would both be 'data.a.b': site/data/a/b.csv and site/data/a/b.yml; keep one",
            "site/data/members.yaml: error: two data files would both be 'data.members': site/data/members.json and site/data/members.yaml; keep one",
        ])
    }
}
