import Foundation
import Testing

@testable import TeigenImages

@Suite struct ShareCardRendererTests {
    static let longTitle = "提言1：核の不使用継続と核秩序維持の重要性を再確認し、核使用リスク削減の具体的措置に向け首脳外交を主導する"
    static let siteName = "核の不使用継続と核秩序維持に向けた緊急提言"

    /// The rows (y) in `rect` of the PNG at `path` holding a pixel darker than `threshold` (0–255, mean of RGB).
    private func inkedRows(_ path: String, in rect: PixelRect, threshold: Double = 110, step: Int = 3) throws -> [Int] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try data.withUnsafeBytes { bytes in
            let image = try VipsImage.open(bytes, allFrames: false).materialized()
            var rows: [Int] = []
            for y in stride(from: rect.y, to: rect.y + rect.height, by: step) {
                for x in stride(from: rect.x, to: rect.x + rect.width, by: step) {
                    let pixel = try image.pixel(x: x, y: y)
                    if pixel.prefix(3).reduce(0, +) / 3 < threshold {
                        rows.append(y)
                        break
                    }
                }
            }
            return rows
        }
    }

    @Test func drawsA1200By630PNGWithTheStylesColoursAndInkedText() async throws {
        let folder = try TemporaryFolder()
        let card = ShareCard(title: Self.longTitle, siteName: Self.siteName, footer: "2024年3月")
        let image = try await ImageProcessor(cache: folder.cache).shareImage(for: card, page: "content/proposals/1.md")
        #expect(image.size == PixelSize(width: 1200, height: 630))
        let header = try TestImages.header(ofFile: image.path)
        #expect(header.format == .png)
        #expect(header.size == PixelSize(width: 1200, height: 630))
        #expect(!header.hasAlpha)

        let band = try TestImages.decoded(image.path, pixelAt: (8, 315)).pixel
        let corner = try TestImages.decoded(image.path, pixelAt: (1190, 10)).pixel
        #expect(band.map { Int($0) } == [0x1D, 0x36, 0x5C])
        #expect(corner.map { Int($0) } == [0xFA, 0xF8, 0xF4])

        // The title is several lines of dark ink across the middle of the card, under the site name.
        let titleRows = try inkedRows(image.path, in: PixelRect(x: 104, y: 190, width: 1000, height: 300))
        #expect(titleRows.count > 40, "the title inks \(titleRows.count) sampled rows")
        let siteRows = try inkedRows(image.path, in: PixelRect(x: 104, y: 70, width: 700, height: 50), threshold: 140, step: 2)
        #expect(!siteRows.isEmpty)
        #expect(image.byteCount > 10_000)
    }

    @Test func aLongTitleWrapsToMoreLinesThanAShortOne() throws {
        let renderer = ShareCardRenderer()
        func titleHeight(_ title: String) throws -> Int {
            let bytes = try renderer.render(ShareCard(title: title, siteName: Self.siteName))
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("card-\(UUID().uuidString).png").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let rows = try inkedRows(path, in: PixelRect(x: 104, y: 170, width: 1000, height: 400), step: 2)
            return (rows.last ?? 0) - (rows.first ?? 0)
        }
        let short = try titleHeight("提言の概要")
        let long = try titleHeight(Self.longTitle)
        #expect(short > 20 && short < 90, "one line: \(short)")
        #expect(long > 2 * short, "several lines: \(long)")
    }

    @Test func aTitleTooLongForTheCardIsCutWithAnEllipsis() throws {
        let title = String(repeating: Self.longTitle, count: 6)
        let bytes = try ShareCardRenderer().render(ShareCard(title: title, siteName: Self.siteName, footer: "footer"))
        let size = try Data(bytes).withUnsafeBytes { bytes in
            let image = try VipsImage.open(bytes, allFrames: false)
            return PixelSize(width: image.width, height: image.height)
        }
        #expect(size == PixelSize(width: 1200, height: 630))
    }

    @Test func theSameCardGivesTheSameBytesAndComesFromTheCacheTheSecondTime() async throws {
        let folder = try TemporaryFolder()
        let card = ShareCard(title: "Emergency proposal for sustaining the non-use of nuclear weapons", siteName: "Example Institute", language: "en")
        let processor = ImageProcessor(cache: folder.cache)
        let first = try await processor.shareImage(for: card, page: "en.md")
        let second = try await processor.shareImage(for: card, page: "en.md")
        #expect(first.origin == .made)
        #expect(second.origin == .cache)
        #expect(second.path == first.path)
        let again = try ShareCardRenderer().render(card)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.path)) == Data(again))

        var recoloured = card
        recoloured.style.accent = RGBColor(hex: "#8a1c1c")!
        #expect(try await processor.shareImage(for: recoloured, page: "en.md").fileName != first.fileName)
    }

    @Test func colourNamesParseAndPrint() {
        #expect(RGBColor(hex: "#1d365c") == RGBColor(red: 0x1D, green: 0x36, blue: 0x5C))
        #expect(RGBColor(hex: "fa0")?.hex == "#ffaa00")
        #expect(RGBColor(hex: "#12345") == nil)
        #expect(RGBColor(hex: "navy") == nil)
    }
}
