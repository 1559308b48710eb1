import Crypto
import Foundation
import TeigenCore

/// The theme's assets: CSS and JS get a content hash in their names (`css/style.3f2a9c1b.css`) and an SRI hash;
/// other files (images, fonts) keep their names. SHA-384 comes from swift-crypto (BoringSSL on Linux).
struct AssetCatalog: Sendable {
    struct Asset: Sendable {
        /// Path under `theme/assets/`.
        var sourcePath: String
        /// Path in the output.
        var outputPath: String
        var integrity: String
        var data: Data
        var displayPath: String
    }

    /// Assets by their path under `theme/assets/`.
    var assets: [String: Asset]

    init(files: [SiteFiles.File]) {
        var assets: [String: Asset] = [:]
        for file in files {
            let digest = Array(SHA384.hash(data: file.data))
            let integrity = "sha384-" + Data(digest).base64EncodedString()
            var output = file.relativePath
            let ext = (file.relativePath as NSString).pathExtension.lowercased()
            if ext == "css" || ext == "js" {
                let stem = (file.relativePath as NSString).deletingPathExtension
                output = stem + "." + Self.hex(digest.prefix(4)) + "." + ext
            }
            assets[file.relativePath] = Asset(sourcePath: file.relativePath, outputPath: output, integrity: integrity, data: file.data, displayPath: file.displayPath)
        }
        self.assets = assets
    }

    /// Feeds every asset's name, output path and SRI hash into `hasher`: the URLs and hashes templates and
    /// shortcodes write depend on them.
    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(assets.count)
        for (name, asset) in assets.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(asset.outputPath)
            hasher.combine(asset.integrity)
        }
    }

    /// Lower-case hexadecimal of `bytes`.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }, as: UTF8.self)
    }

    /// The asset named in a template (leading `/` optional).
    func asset(named name: String) -> Asset? {
        assets[String(name.trimmingCharacters(in: .whitespacesAndNewlines).drop(while: { $0 == "/" }))]
    }
}
