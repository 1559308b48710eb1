import TeigenContent

/// The files a build copies as they are (the `copied files` step): the theme's assets (CSS and JS under
/// fingerprinted names), `site/static/`, and the files beside pages in `content/`.
enum CopiedFiles {
    static func files(of input: SiteInput) -> [OutputFile] {
        let assets = input.assets.assets.values.sorted { $0.outputPath < $1.outputPath }.map { asset in
            OutputFile(path: asset.outputPath, data: asset.data, origin: asset.displayPath)
        }
        let staticFiles = input.files.staticFiles.map { file in
            OutputFile(path: file.relativePath, data: file.data, origin: file.displayPath)
        }
        let resources = input.files.content.filter { !PageSources.isPage($0.relativePath) }.map { file in
            let sitePath = input.resources[file.relativePath] ?? "/" + file.relativePath
            return OutputFile(path: String(sitePath.dropFirst()), data: file.data, origin: file.displayPath)
        }
        return assets + staticFiles + resources
    }
}
