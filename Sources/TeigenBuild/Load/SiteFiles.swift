import Foundation
import TeigenContent
import TeigenCore

/// Every input file of a build, read through the FileSystem seam: the `load` stage.
struct SiteFiles: Sendable {
    /// One file: its path relative to its root folder, the path shown in messages, and its bytes.
    struct File: Sendable {
        var relativePath: String
        var displayPath: String
        var data: Data
    }

    var configPath: String
    var configText: String
    var content: [File]
    var data: [File]
    var staticFiles: [File]
    var templates: [File]
    var assets: [File]
    /// `site/assets/`: files templates and Markdown refer to (images to process), published only when used.
    var siteAssets: [File] = []
    /// Shortcode templates: `theme/shortcodes/*.mustache`, then `site/shortcodes/*.mustache` (the site's win).
    var shortcodes: [File] = []
    /// The theme's fixed words, `theme/i18n/LANG.yaml`.
    var themeStrings: [File] = []
    /// The site's own words over the theme's, `site/i18n/LANG.yaml`.
    var siteStrings: [File] = []
    /// The files of `site/templates/` and `site/assets/` in use in place of the theme's (``templates`` and
    /// ``assets`` hold them already).
    var overrides: [Override] = []

    /// These files with the bytes of `content/`'s pages (its Markdown files) emptied: for a build that has
    /// decoded them and keeps no decoded pages for the next one. Their paths stay, and the other files are untouched.
    func withoutPageBytes() -> SiteFiles {
        var files = self
        files.content = content.map { file in
            PageSources.isPage(file.relativePath) ? File(relativePath: file.relativePath, displayPath: file.displayPath, data: Data()) : file
        }
        return files
    }

    /// Reads the site folder and the theme folder. All unreadable files are reported together, and so are
    /// symbolic links that lead outside the site (see `SymlinkPolicy`) and input that leads into the output folder.
    static func load(options: BuildOptions, fileSystem: any FileSystem) async throws(DiagnosticError) -> SiteFiles {
        let site = options.sourceDirectory.path
        let theme = options.themeDirectory.path
        var errors: [Diagnostic] = []
        let configPath = try ConfigFile.path(in: site, fileSystem: fileSystem)
        var configText = ""
        var policy = SymlinkPolicy(options: options, configPath: Self.display(configPath), fileSystem: fileSystem)
        try ConfigFile.checkLink(at: configPath, policy: policy, fileSystem: fileSystem)
        do {
            configText = try ConfigFile.text(at: configPath, fileSystem: fileSystem)
        } catch {
            errors += error.diagnostics
        }
        // Problems with the configuration are reported by the parse stage, with the others of the site, unless
        // a link is refused: then they may be why it was.
        var configProblems: [Diagnostic] = []
        do throws(DiagnosticError) {
            let allowances = try ConfigLoader.symlinkAllowances(in: configText, path: Self.display(configPath))
            errors += policy.allow(allowances, site: site, configText: configText, fileSystem: fileSystem)
        } catch {
            configProblems = error.diagnostics
        }
        if !fileSystem.isDirectory(theme + "/templates") {
            errors.append(.error("theme has no templates folder: '\(Self.display(theme))/templates' (is --theme right?)", at: SourceLocation(path: Self.display(theme))))
        }
        var reader = FolderReader(fileSystem: fileSystem, policy: policy, options: options)
        let notHidden: @Sendable (String) -> Bool = { path in !path.split(separator: "/").contains { $0.hasPrefix(".") } }
        let isTemplate: @Sendable (String) -> Bool = { notHidden($0) && $0.hasSuffix(".mustache") }
        let templates = Override.overlay(
            try await reader.read(site + "/templates", keep: isTemplate), over: try await reader.read(theme + "/templates", keep: isTemplate))
        let siteAssets = try await reader.read(site + "/assets", keep: notHidden)
        // A file of site/assets replaces the theme's asset of the same path; the others are sources that Markdown and
        // templates use (images), published only through them.
        let assets = Override.overlay(siteAssets, over: try await reader.read(theme + "/assets", keep: notHidden), replacingOnly: true)
        var loaded = SiteFiles(
            configPath: Self.display(configPath), configText: configText,
            content: try await reader.read(site + "/content", keep: notHidden),
            data: try await reader.read(site + "/data", keep: { notHidden($0) && DataLoader.isDataFile($0) }),
            staticFiles: try await reader.read(site + "/static"),
            templates: templates.files, assets: assets.files, siteAssets: siteAssets,
            shortcodes: try await reader.read(theme + "/shortcodes", keep: isTemplate) + reader.read(site + "/shortcodes", keep: isTemplate))
        loaded.overrides = templates.overrides + assets.overrides
        loaded.themeStrings = try await reader.read(theme + "/i18n", keep: isStringsFile)
        loaded.siteStrings = try await reader.read(site + "/i18n", keep: isStringsFile)
        errors += reader.errors
        if reader.refusedLinks { errors += configProblems }
        if let output = options.outputDirectory {
            errors += OutputFolder(output, fileSystem: fileSystem).placementProblems(inputs: reader.inputs)
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return loaded
    }

    /// Whether the file at this path of an `i18n/` folder holds a language's words (`en.yaml`).
    static func isStringsFile(_ path: String) -> Bool {
        !path.contains("/") && !path.hasPrefix(".") && (path.hasSuffix(".yaml") || path.hasSuffix(".yml"))
    }

    /// The fixed words of each of the site's languages (the default first), read without building: the
    /// configuration and the `i18n/` folders of the theme and the site alone. For the preview server's own
    /// pages before a build succeeded.
    static func words(options: BuildOptions, fileSystem: any FileSystem) async throws(DiagnosticError) -> [I18nTable] {
        let config = try BuildPipeline.configuration(options: options, fileSystem: fileSystem)
        let configPath = try ConfigFile.path(in: options.sourceDirectory.path, fileSystem: fileSystem)
        var policy = SymlinkPolicy(options: options, configPath: display(configPath), fileSystem: fileSystem)
        _ = policy.allow(config.allowSymlinksOutside, site: options.sourceDirectory.path, configText: "", fileSystem: fileSystem)
        var reader = FolderReader(fileSystem: fileSystem, policy: policy, options: options)
        let strings = I18nFiles(
            theme: try await reader.read(options.themeDirectory.path + "/i18n", keep: isStringsFile),
            site: try await reader.read(options.sourceDirectory.path + "/i18n", keep: isStringsFile), languages: config.languages)
        return config.languages.map { strings.tables[$0.code] ?? I18nTable.builtIn(language: $0.code) }
    }

    /// Decodes UTF-8 text, reporting the position of the first invalid byte.
    static func text(_ data: Data, path: String) throws(DiagnosticError) -> String {
        if let text = String(validating: data, as: UTF8.self) {
            let nul = data.withUnsafeBytes { buffer -> Int? in
                guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
                return base.distance(to: UnsafeRawPointer(found))
            }
            if let nul {
                // Where the first NUL is: its line, and its column in Unicode scalars.
                let before = text.utf8.prefix(nul)
                let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                let lineStart = before.lastIndex(of: 0x0A).map { before.index(after: $0) } ?? before.startIndex
                let column = before[lineStart...].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                throw DiagnosticError(.error(
                    "file contains a NUL byte here: is this a binary file with a text extension?", at: SourceLocation(path: path, line: line, column: column)))
            }
            return text
        }
        var line = 1
        var column = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + length
            if length == 0 || end > data.endIndex || String(validating: data[index..<end], as: UTF8.self) == nil {
                break
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = end
        }
        throw DiagnosticError(.error("file is not valid UTF-8 (invalid byte at this position); save it as UTF-8", at: SourceLocation(path: path, line: line, column: column)))
    }

    /// A path as shown in messages: relative to the working directory when below it.
    static func display(_ path: String) -> String {
        path.hasPrefix(workingDirectory) ? String(path.dropFirst(workingDirectory.count)) : path
    }

    /// The working directory with a trailing `/`, read once: Teigen never changes it.
    static let workingDirectory = FileManager.default.currentDirectoryPath + "/"
}
