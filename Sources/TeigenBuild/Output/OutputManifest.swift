import Foundation
import TeigenCore

#if canImport(Glibc)
import Glibc
#endif

/// `.teigen-manifest.json`, written into every output folder: it marks the folder as Teigen's (a build replaces
/// an existing folder only when it holds one, or is empty) and lists every file of the build with its size.
///
/// ```json
/// {"teigen-output": 1, "generator": "Teigen",
/// "files": [
/// {"path": "404.html", "size": 1532},
/// {"path": "index.html", "size": 10240}
/// ]}
/// ```
///
/// The first line identifies the file and its format version (not Teigen's version: nothing for a web host to
/// advertise, and the same manifest from every version for the same output); each further line describes one file, sorted by
/// path, so that the manifest of an unchanged site is byte for byte the same. It holds nothing a web host would
/// not serve anyway (the paths and sizes of the published files), so deploying it is harmless; it may also be left
/// out (`rsync --exclude=/.teigen-manifest.json`). A later build can read it to recognise its previous output:
/// the folder holds exactly these files, at these sizes, and none was changed after the manifest was written
/// (none is newer than it), which is what writing only changed files, or hard-linking unchanged ones from the
/// previous output, needs to know.
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

    /// The manifest of the files in `folder`.
    static func text(listing folder: String) throws(DiagnosticError) -> String {
        var entries: [(path: String, size: Int)] = []
        try collect(folder, relative: "", into: &entries)
        entries.sort { $0.path < $1.path }
        var text = header + "\(version), \"generator\": \"Teigen\",\n\"files\": ["
        for (index, entry) in entries.enumerated() {
            text += (index == 0 ? "\n" : ",\n") + "{\"path\": \(quoted(entry.path)), \"size\": \(entry.size)}"
        }
        return text + "\n]}\n"
    }

    /// Writes the manifest of what the staging folder holds into it: the last file of a build.
    static func write(into output: AtomicOutput) throws(DiagnosticError) {
        if FileManager.default.fileExists(atPath: output.stagingPath + "/" + fileName) {
            throw DiagnosticError(.error(
                "the site has a file that would be published as /\(fileName), a name Teigen keeps for the manifest of its output; rename it",
                at: SourceLocation(path: SiteFiles.display(output.destination.path))))
        }
        try output.write(Data(text(listing: output.stagingPath).utf8), to: fileName)
    }

    /// Appends the regular files below `path` (with their sizes), without following symbolic links.
    private static func collect(_ path: String, relative: String, into entries: inout [(path: String, size: Int)]) throws(DiagnosticError) {
        guard let directory = opendir(path) else {
            throw DiagnosticError(.error("cannot list the staging folder to write \(fileName): \(String(cString: strerror(errno)))", at: SourceLocation(path: path)))
        }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(cString: raw.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." || (relative.isEmpty && name == fileName) { continue }
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try collect(path + "/" + name, relative: childRelative, into: &entries)
            case S_IFREG: entries.append((childRelative, Int(info.st_size)))
            default: break
            }
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
