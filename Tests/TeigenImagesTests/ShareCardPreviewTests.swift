import Foundation
import Testing

@testable import TeigenImages

/// Writes sample share cards for a person to look at: `TEIGEN_SHARE_CARD_PREVIEW=/tmp/cards swift test
/// --filter ShareCardPreview` leaves `long.png`, `short.png`, `english.png` and `dark.png` there.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TEIGEN_SHARE_CARD_PREVIEW"] != nil))
struct ShareCardPreviewTests {
    static let samples: [(name: String, card: ShareCard)] = [
        ("long", ShareCard(title: ShareCardRendererTests.longTitle, siteName: ShareCardRendererTests.siteName, footer: "2024年3月")),
        ("short", ShareCard(title: "提言の概要", siteName: ShareCardRendererTests.siteName, footer: "2024年3月")),
        ("english", ShareCard(
            title: "Emergency Recommendations for Sustaining the Non-Use of Nuclear Weapons and the Nuclear Order",
            siteName: "Emergency Recommendations", footer: "March 2024", language: "en")),
        ("dark", ShareCard(
            title: "提言3：核軍備管理の新たな枠組み構築に向けて米中ロの対話を促す", siteName: ShareCardRendererTests.siteName,
            style: ShareCardStyle(
                background: RGBColor(hex: "#14243d")!, text: RGBColor(hex: "#f4f1ea")!, muted: RGBColor(hex: "#a9b4c4")!,
                accent: RGBColor(hex: "#c9a44c")!))),
    ]

    @Test(arguments: samples.map(\.name))
    func writesSample(name: String) throws {
        let folder = ProcessInfo.processInfo.environment["TEIGEN_SHARE_CARD_PREVIEW"]!
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let card = Self.samples.first { $0.name == name }!.card
        let bytes = try ShareCardRenderer().render(card)
        let path = folder + "/" + name + ".png"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try TestImages.header(ofFile: path).size == PixelSize(width: 1200, height: 630))
    }
}
