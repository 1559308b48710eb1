import Foundation
import TeigenCore

/// Prints diagnostics to standard error in the `path:line:column: error: message` form.
enum DiagnosticPrinter {
    /// Prints `diagnostics`, at most `DiagnosticList.defaultLimit` of each kind, then how many more there are.
    static func print(_ diagnostics: [Diagnostic]) {
        var text = ""
        for line in DiagnosticList(diagnostics).lines {
            text += line + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func summary(errors: Int) {
        FileHandle.standardError.write(Data("error: build failed with \(errors) error\(errors == 1 ? "" : "s"); the output folder was not changed\n".utf8))
    }
}
