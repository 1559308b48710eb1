import Testing

@testable import TeigenImages

@Suite struct VariantPlanTests {
    private func header(_ format: ImageFormat, width: Int, alpha: Bool = false) -> ImageHeader {
        ImageHeader(format: format, size: PixelSize(width: width, height: width / 2), frameCount: 1, hasAlpha: alpha)
    }

    @Test func widthsLargerThanTheImageGiveWayToItsOwnWidth() {
        #expect(VariantPlan(header: header(.jpeg, width: 1000), options: .default).widths == [480, 960, 1000])
        #expect(VariantPlan(header: header(.jpeg, width: 300), options: .default).widths == [300])
        #expect(VariantPlan(header: header(.jpeg, width: 4000), options: .default).widths == [480, 960, 1440])
        #expect(VariantPlan(header: header(.jpeg, width: 960), options: .default).widths == [480, 960])
    }

    @Test func eachWidthIsWebPAndAFormatBrowsersShow() {
        #expect(VariantPlan(header: header(.jpeg, width: 10), options: .default).formats == [.webp, .jpeg])
        #expect(VariantPlan(header: header(.png, width: 10), options: .default).formats == [.webp, .png])
        #expect(VariantPlan(header: header(.gif, width: 10), options: .default).formats == [.webp, .gif])
        #expect(VariantPlan(header: header(.webp, width: 10), options: .default).formats == [.webp])
        #expect(VariantPlan(header: header(.tiff, width: 10), options: .default).formats == [.webp, .jpeg])
        #expect(VariantPlan(header: header(.avif, width: 10, alpha: true), options: .default).formats == [.webp, .png])
    }

    @Test func optionsOutOfRangeAreNamed() {
        var options = ImageOptions.default
        #expect(options.problem == nil)
        options.widths = [480, 0]
        #expect(options.problem == "images.widths has 0; a width is 1 to 16384 pixels")
        options = .default
        options.webpQuality = 101
        #expect(options.problem == "images.webpQuality is 101; it is 1 to 100")
    }
}
