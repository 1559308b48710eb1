import Foundation
import TeigenCore
import Testing

@testable import TeigenImages

@Suite struct ImageHeaderTests {
    @Test(arguments: [ImageFormat.jpeg, .png, .webp, .gif])
    func readsFormatAndSize(format: ImageFormat) throws {
        let source = try TestImages.make(format, PixelSize(width: 321, height: 123))
        let header = try ImageHeader.read(source)
        #expect(header.format == format)
        #expect(header.size == PixelSize(width: 321, height: 123))
        #expect(header.frameCount == 1)
    }

    @Test func appliesTheEXIFOrientationToTheSize() throws {
        let header = try ImageHeader.read(try TestImages.orientedWithGPS())
        #expect(header.format == .jpeg)
        #expect(header.size == PixelSize(width: 60, height: 80))
    }

    @Test func readsAnSVGsDeclaredSize() throws {
        let svg = #"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="3in" height="150pt" viewBox="0 0 10 5"><rect width="10" height="5"/></svg>"#
        let header = try ImageHeader.read(ImageSource(path: "a.svg", bytes: Data(svg.utf8)))
        #expect(header.format == .svg)
        #expect(header.size == PixelSize(width: 288, height: 200))
    }

    @Test func takesAnSVGsViewBoxWhenItsSizeIsRelative() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 640 360"><circle r="4"/></svg>"#
        let header = try ImageHeader.read(ImageSource(path: "a.svg", bytes: Data(svg.utf8)))
        #expect(header.size == PixelSize(width: 640, height: 360))
    }

    @Test func anSVGWithoutSizeHasNone() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="50%"><circle r="4"/></svg>"#
        #expect(try ImageHeader.read(ImageSource(path: "a.svg", bytes: Data(svg.utf8))).size == nil)
    }

    @Test func aBrokenSVGIsAnErrorNamingTheFile() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g></svg>"#
        let error = #expect(throws: ImageError.self) { try ImageHeader.read(ImageSource(path: "figures/broken.svg", bytes: Data(svg.utf8))) }
        #expect(error?.description.hasPrefix("image 'figures/broken.svg' is corrupt or truncated: not well-formed XML") == true)
    }

    @Test func bytesThatAreNoImageAreAnErrorNamingTheFile() throws {
        let error = #expect(throws: ImageError.self) {
            try ImageHeader.read(ImageSource(path: "static/notes.png", bytes: Data("just text, not a picture".utf8)))
        }
        #expect(error?.problem == .unsupportedFormat)
        #expect(error?.description == "'static/notes.png' is not an image Teigen can use (JPEG, PNG, WebP, GIF, SVG, AVIF, HEIF or TIFF)")
    }

    @Test func aMissingFileIsAnErrorNamingIt() throws {
        let error = #expect(throws: ImageError.self) { try ImageSource.read("site/static/missing.jpg", from: MemoryFileSystem()) }
        #expect(error?.description.hasPrefix("cannot read image 'site/static/missing.jpg'") == true)
        let diagnostic = error?.diagnostic(at: SourceLocation(path: "site/content/a.md", line: 3, column: 1), source: "x\ny\n![map](missing.jpg)\n")
        #expect(diagnostic?.description.hasPrefix("site/content/a.md:3:1: error: cannot read image 'site/static/missing.jpg'") == true)
        #expect(diagnostic?.description.hasSuffix("\n![map](missing.jpg)\n^") == true)
    }
}
