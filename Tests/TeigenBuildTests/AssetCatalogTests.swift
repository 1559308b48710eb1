import Foundation
import Testing
@testable import TeigenBuild

@Suite struct AssetCatalogTests {
    static func file(_ path: String, _ text: String) -> SiteFiles.File {
        SiteFiles.File(relativePath: path, displayPath: "theme/assets/" + path, data: Data(text.utf8))
    }

    @Test func stylesheetsGetAFingerprintAndAnSRIHashThatMatchOpenSSL() throws {
        // printf 'body { color: #222; }\n' | openssl dgst -sha384 -binary | base64   (sha384sum: 2fa105c8…)
        let catalog = AssetCatalog(files: [Self.file("css/style.css", "body { color: #222; }\n"), Self.file("img/logo.svg", "<svg/>")])
        let style = try #require(catalog.asset(named: " /css/style.css\n"))
        #expect(style.outputPath == "css/style.2fa105c8.css")
        #expect(style.integrity == "sha384-L6EFyIIGTQFc101MocMY+HF06aJlSXRuqZX7+zrhVfA+MNfYIPhfa8Qgqa7YlF9C")
        #expect(catalog.asset(named: "img/logo.svg")?.outputPath == "img/logo.svg")
        #expect(catalog.asset(named: "css/none.css") == nil)
    }

    @Test func emptyFileHashesAsSHA384OfNothing() {
        // The FIPS 180-4 value for the empty message.
        let empty = AssetCatalog(files: [Self.file("a.js", "")]).asset(named: "a.js")
        #expect(empty?.outputPath == "a.38b060a7.js")
        #expect(empty?.integrity == "sha384-" + Data(Self.bytes("38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")).base64EncodedString())
    }

    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return result
    }
}
