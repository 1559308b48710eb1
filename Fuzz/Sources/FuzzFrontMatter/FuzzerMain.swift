import CFuzzerDriver

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts libFuzzer on `LLVMFuzzerTestOneInput`. Shared by both targets (FuzzMarkdown has a symlink to this file).
///
/// libFuzzer's own `main` cannot be used: SwiftPM links every executable target with
/// `--defsym main=<Target>_main`, so the target must define that entry point itself.
@main
enum FuzzerMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            return fuzz(data, size)
        }
        exit(status)
    }
}
