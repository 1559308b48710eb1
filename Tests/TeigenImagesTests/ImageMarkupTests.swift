import Testing

@testable import TeigenImages

@Suite struct ImageMarkupTests {
    private func image(_ format: ImageFormat, widths: [Int], formats: [ImageFormat]) -> ProcessedImage {
        let variants = formats.flatMap { variantFormat in
            widths.map { ImageVariant(fileName: "map-\($0).0123abcd.\(variantFormat.fileExtension)", format: variantFormat, size: PixelSize(width: $0, height: $0 / 2), byteCount: 100) }
        }
        return ProcessedImage(
            sourcePath: "map.\(format.fileExtension)", header: ImageHeader(format: format, size: PixelSize(width: 2000, height: 1000), frameCount: 1, hasAlpha: false),
            variants: variants, cacheDirectory: "/cache", key: "0123abcd", origin: .made
        )
    }

    @Test func writesAPictureWithAWebPSourceAndAnImgFallback() {
        let markup = ImageMarkup(image: image(.jpeg, widths: [480, 960], formats: [.webp, .jpeg]), alt: "核弾頭数の \"推移\" <2024>")
        #expect(markup.html == """
            <picture><source type="image/webp" srcset="map-480.0123abcd.webp 480w, map-960.0123abcd.webp 960w" sizes="(max-width: 960px) 100vw, 960px">\
            <img src="map-960.0123abcd.jpg" srcset="map-480.0123abcd.jpg 480w, map-960.0123abcd.jpg 960w" sizes="(max-width: 960px) 100vw, 960px" \
            width="960" height="480" alt="核弾頭数の &quot;推移&quot; &lt;2024&gt;" loading="lazy" decoding="async"></picture>
            """)
    }

    @Test func aWebPSourceIsALoneImg() {
        let markup = ImageMarkup(image: image(.webp, widths: [480], formats: [.webp]), alt: "", urlPrefix: "/media/", sizes: "50vw", loading: .eager, className: "wide")
        #expect(markup.html == """
            <img src="/media/map-480.0123abcd.webp" srcset="/media/map-480.0123abcd.webp 480w" sizes="50vw" width="480" height="240" alt="" class="wide" fetchpriority="high" decoding="async">
            """)
    }

    @Test func anSVGIsAnImgWithItsSize() {
        var svg = image(.svg, widths: [], formats: [])
        svg.variants = [ImageVariant(fileName: "flow.0123abcd.svg", format: .svg, size: PixelSize(width: 120, height: 80), byteCount: 10)]
        #expect(ImageMarkup(image: svg, alt: "a & b").html == """
            <img src="flow.0123abcd.svg" width="120" height="80" alt="a &amp; b" loading="lazy" decoding="async">
            """)
    }
}
