import Foundation
import Testing
@testable import TeigenCore

@Suite struct SHA384Tests {
    @Test func knownVectors() {
        #expect(SHA384.hex(SHA384.hash(Array("abc".utf8)))
            == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
        #expect(SHA384.hex(SHA384.hash([UInt8]()))
            == "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")
        // Two blocks.
        let long = Array(String(repeating: "a", count: 200).utf8)
        #expect(SHA384.hex(SHA384.hash(long)).count == 96)
    }

    @Test func sriOfFixtureMatchesOpenSSL() {
        // openssl dgst -sha384 -binary <<< 'body { color: #222; }' | base64
        let digest = SHA384.hash(Array("body { color: #222; }\n".utf8))
        #expect("sha384-" + Data(digest).base64EncodedString() == "sha384-L6EFyIIGTQFc101MocMY+HF06aJlSXRuqZX7+zrhVfA+MNfYIPhfa8Qgqa7YlF9C")
    }
}
