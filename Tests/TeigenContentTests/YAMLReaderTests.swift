import Testing
import TeigenCore
@testable import TeigenContent

/// ``YAMLReader``: a scalar's type comes from its text and style (plain `true`, `1`, `1.5`, `~` are typed;
/// quoted ones are strings), keys that look like numbers or booleans are still keys, and a key written twice
/// is an error at its second line, however it is spelled in the mapping.
@Suite struct YAMLReaderTests {
    private let reader = YAMLReader(path: "site/data/x.yaml", fileText: "", firstLine: 1)

    private func value(_ yaml: String) throws -> TemplateValue {
        let node = try #require(try reader.compose(yaml))
        return YAMLReader.value(of: node)
    }

    @Test func plainScalarsAreTypedAndQuotedOnesAreStrings() throws {
        let yaml = """
            t: true
            y: yes
            f: Off
            n: ~
            e:
            i: 42
            h: 0x1F
            d: 1.5
            x: 1e3
            s: 'true'
            q: "42"
            w: 令和6年
            l: [on, 7, "7", null]
            """
        #expect(try value(yaml) == .map([
            ("t", .bool(true)), ("y", .bool(true)), ("f", .bool(false)), ("n", .null), ("e", .null), ("i", .int(42)),
            ("h", .int(31)), ("d", .double(1.5)), ("x", .string("1e3")), ("s", .string("true")), ("q", .string("42")),
            ("w", .string("令和6年")), ("l", .array([.bool(true), .int(7), .string("7"), .null])),
        ]))
    }

    @Test func keysThatLookTypedStayKeys() throws {
        #expect(try value("true: a\n1: b\nnull: c\n") == .map([("true", .string("a")), ("1", .string("b")), ("null", .string("c"))]))
    }

    @Test(arguments: [
        ("a: 1\nb: 2\na: 3\n", "duplicate key 'a'", 3),
        ("1: x\n2: y\n1: z\n", "duplicate key '1'", 3),
        ("m:\n  true: 1\n  true: 2\n", "duplicate key 'true'", 3),
    ])
    func aKeyWrittenTwiceIsAnError(yaml: String, message: String, line: Int) {
        let reader = YAMLReader(path: "site/data/x.yaml", fileText: yaml, firstLine: 1)
        do {
            _ = try reader.compose(yaml)
            Issue.record("no error for \(yaml)")
        } catch {
            let diagnostic = error.diagnostics.first
            #expect(diagnostic?.message.contains(message) == true)
            #expect(diagnostic?.location.line == line)
        }
    }

    /// Texts that differ are different keys, even when YAML would read them as the same boolean.
    @Test func differentlySpelledKeysAreDifferentKeys() throws {
        #expect(try value("true: a\nTrue: b\n") == .map([("true", .string("a")), ("True", .string("b"))]))
    }
}
