import Foundation
import TeigenCore

/// `.teigen-manifest.json`, written into every output folder: it marks the folder as Teigen's (a build replaces
/// an existing folder only when it holds one, or is empty) and lists every file of the build.
///
/// ```json
/// {"teigen-output": 1, "generator": "Teigen",
/// "files": [
/// "404.html",
/// "index.html"
/// ]}
/// ```
///
/// The first line identifies the file and its format version (not Teigen's version: nothing for a web host to
/// advertise, and the same manifest from every version for the same output); each further line names one file,
/// sorted, so that the manifest of an unchanged site is byte for byte the same. It holds nothing a web host would
/// not serve anyway (the paths of the published files), so deploying it is harmless; it may also be left out
/// (`rsync --exclude=/.teigen-manifest.json`). A later build can read it to recognise its previous output: the
/// folder holds exactly these files, and none was changed after the manifest was written (none is newer than it),
/// which writing only changed files, or hard-linking unchanged ones from the previous output, needs to know; such a
/// change may add what it needs per file (sizes, digests) in a new format version.
///
/// The list comes from what the build wrote, not from reading the folder back: listing ten thousand page folders
/// costs a build a fifth of its time on some disks.
enum OutputManifest {
    static let fileName = ".teigen-manifest.json"
    /// The format version, in the first line.
    static let version = 1
    static let header = "{\"teigen-output\": "

    /// Whether `folder` holds a manifest that Teigen wrote.
    static func isPresent(in folder: String, fileSystem: any FileSystem) -> Bool {
        guard let data = try? fileSystem.read(folder + "/" + fileName) else { return false }
        return data.starts(with: Data(header.utf8))
    }

    /// The manifest of a build that wrote `files` (paths relative to the output folder).
    static func text(files: [String]) -> String {
        var text = header + "\(version), \"generator\": \"Teigen\",\n\"files\": ["
        for (index, path) in files.sorted().enumerated() {
            text += (index == 0 ? "\n" : ",\n") + quoted(path)
        }
        return text + "\n]}\n"
    }

    /// Writes the manifest of `files`, every file the build wrote into the staging folder: the build's last file,
    /// newer than `newest` (nanoseconds since 1970: the newest page file the render cache keeps; ``FileStamp``). The
    /// file system's clock moves in ticks of a few milliseconds, so when the manifest's time is not yet later, it
    /// is written again a moment later (for at most 50 ms).
    static func write(into output: AtomicOutput, files: [String], newerThan newest: Int? = nil) async throws(DiagnosticError) {
        if files.contains(fileName) {
            throw DiagnosticError(.error(
                "the site has a file that would be published as /\(fileName), a name Teigen keeps for the manifest of its output; rename it",
                at: SourceLocation(path: SiteFiles.display(output.destination.path))))
        }
        do {
            // Always written anew, never linked from the last output: its time is the build's last write, which the
            // render cache compares the pages' times with (``FileStamp``).
            let data = Data(text(files: files).utf8)
            var stamp = try output.write(data, to: fileName, linking: false)
            let deadline = ContinuousClock.now + .milliseconds(50)
            while let newest, let written = stamp?.modified, written <= newest, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(1))
                stamp = try output.write(data, to: fileName, linking: false)
            }
        } catch {
            throw WriteFailure.report([error])
        }
    }

    /// `text` as a JSON string.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                if scalar.value < 0x20 {
                    result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
