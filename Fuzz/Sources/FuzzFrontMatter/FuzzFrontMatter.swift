// libFuzzer target: a page's front matter (split, decode, then the body rendered as a build would),
// the same bytes as config.yaml and as a data file.
//
// Built by scripts/fuzz.sh with `-sanitize=fuzzer,address -parse-as-library`; libFuzzer supplies `main`.
// The harness is in FrontMatterHarness.swift, shared with Tests/reliability by a symlink.
import TeigenContent
import TeigenCore
import TeigenMarkdown

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    FrontMatterHarness.run(text)
    return 0
}
