// libFuzzer target: the Markdown passes (MarkdownRenderer with extensions on) and Slug.make.
// The first input byte chooses the options (see `MarkdownHarness.options(_:)`); the rest is the Markdown.
//
// Built by scripts/fuzz.sh with `-sanitize=fuzzer,address -parse-as-library`; libFuzzer supplies `main`.
// The harness is in MarkdownHarness.swift, shared with Tests/reliability by a symlink.
import TeigenCore
import TeigenMarkdown

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    MarkdownHarness.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
