import Foundation
import TeigenCore

/// Prints diagnostics to standard error in the `path:line:column: error: message` form.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    static func summary(errors: Int) {
        FileHandle.standardError.write(Data("error: build failed with \(errors) error\(errors == 1 ? "" : "s"); the output folder was not changed\n".utf8))
    }
}
