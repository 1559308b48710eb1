import Foundation
import TeigenCore
import Testing

@testable import TeigenImages

@Suite struct ImageProcessorTests {
    @Test func makesEachWidthInWebPAndTheOriginalFormatNeverLarger() async throws {
        let folder = try TemporaryFolder()
        let processor = ImageProcessor(cache: folder.cache)
        let image = try await processor.process(try TestImages.make(.png, PixelSize(width: 1000, height: 600), name: "site/static/chart one.png"))

        #expect(image.origin == .made)
        #expect(image.header == ImageHeader(format: .png, size: PixelSize(width: 1000, height: 600), frameCount: 1, hasAlpha: false))
        let expected: [(ImageFormat, Int, Int)] = [(.webp, 480, 288), (.webp, 960, 576), (.webp, 1000, 600), (.png, 480, 288), (.png, 960, 576), (.png, 1000, 600)]
        #expect(image.variants.map { [$0.format.rawValue, "\($0.size!.width)x\($0.size!.height)"] } == expected.map { [$0.0.rawValue, "\($0.1)x\($0.2)"] })
        let short = String(image.key.prefix(8))
        #expect(image.variants.map(\.fileName) == [
            "chart-one-480.\(short).webp", "chart-one-960.\(short).webp", "chart-one-1000.\(short).webp",
            "chart-one-480.\(short).png", "chart-one-960.\(short).png", "chart-one-1000.\(short).png",
        ])
        for variant in image.variants {
            let path = image.path(of: variant)
            let decoded = try TestImages.header(ofFile: path)
            #expect(decoded.format == variant.format)
            #expect(decoded.size == variant.size)
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == variant.byteCount)
        }
        #expect(image.fallback?.fileName == "chart-one-1000.\(short).png")
    }

    @Test(arguments: [ImageFormat.jpeg, .webp, .gif])
    func keepsTheSourceFormatBesideWebP(format: ImageFormat) async throws {
        let folder = try TemporaryFolder()
        let options = ImageOptions(widths: [100, 200], jpegQuality: 82, webpQuality: 80, webpEffort: 4, pngCompression: 9)
        let image = try await ImageProcessor(cache: folder.cache, options: options).process(try TestImages.make(format, PixelSize(width: 150, height: 90)))
        let formats = Set(image.variants.map(\.format))
        #expect(formats == Set([.webp, format]))
        #expect(image.variants(in: format).map { $0.size! } == [PixelSize(width: 100, height: 60), PixelSize(width: 150, height: 90)])
        for variant in image.variants {
            #expect(try TestImages.header(ofFile: image.path(of: variant)).size == variant.size)
        }
    }

    @Test func turnsPhotosUprightAndStripsGPSAndEveryOtherMetadataField() async throws {
        let folder = try TemporaryFolder()
        let source = try TestImages.orientedWithGPS()
        #expect(try source.bytes.withUnsafeBytes { try VipsImage.open($0, allFrames: false).fieldNames }.contains("exif-ifd3-GPSLatitude"))

        let image = try await ImageProcessor(cache: folder.cache).process(source)
        #expect(image.variants.count == 2)
        for variant in image.variants {
            #expect(variant.size == PixelSize(width: 60, height: 80))
            let top = try TestImages.decoded(image.path(of: variant), pixelAt: (30, 10))
            let bottom = try TestImages.decoded(image.path(of: variant), pixelAt: (30, 70))
            #expect(top.pixel[0] > 150 && top.pixel[2] < 100, "red on top, as the orientation says: \(top.pixel)")
            #expect(bottom.pixel[2] > 150 && bottom.pixel[0] < 100, "blue below: \(bottom.pixel)")
            let metadata = top.fields.filter { $0.hasPrefix("exif") || $0.hasPrefix("xmp") || $0.hasPrefix("iptc") || $0.hasPrefix("icc") || $0 == "orientation" }
            #expect(metadata.isEmpty, "\(variant.fileName) keeps \(metadata)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: image.path(of: variant)))
            #expect(bytes.range(of: Data("TestCam".utf8)) == nil)
            #expect(bytes.range(of: Data("Exif".utf8)) == nil)
        }
    }

    @Test func servesAVIFAsWebPAndJPEG() async throws {
        let folder = try TemporaryFolder()
        // 40×30, red, made with `vips heifsave red.v small.avif --compression av1`.
        let source = ImageSource(path: "Fixtures/small.avif", bytes: try Data(contentsOf: TestImages.fixtures.appendingPathComponent("small.avif")))
        #expect(try ImageHeader.read(source).format == .avif)
        let image = try await ImageProcessor(cache: folder.cache).process(source)
        #expect(image.variants.map(\.format) == [.webp, .jpeg])
        #expect(image.fallback?.size == PixelSize(width: 40, height: 30))
        #expect(try TestImages.header(ofFile: image.path(of: image.fallback!)).format == .jpeg)
    }

    @Test func keepsAnimationsAnimated() async throws {
        let folder = try TemporaryFolder()
        let source = try TestImages.twoFrames()
        let header = try ImageHeader.read(source)
        #expect(header.format == .gif && header.size == PixelSize(width: 40, height: 30) && header.frameCount == 2)
        let options = ImageOptions(widths: [20], jpegQuality: 82, webpQuality: 80, webpEffort: 4, pngCompression: 9)
        let image = try await ImageProcessor(cache: folder.cache, options: options).process(source)
        #expect(image.variants.map(\.format) == [.webp, .gif])
        for variant in image.variants {
            #expect(variant.size == PixelSize(width: 20, height: 15))
            let decoded = try TestImages.header(ofFile: image.path(of: variant))
            #expect(decoded.frameCount == 2, "\(variant.fileName)")
            #expect(decoded.size == PixelSize(width: 20, height: 15))
        }
    }

    @Test func theSameInputGivesTheSameBytes() async throws {
        let first = try TemporaryFolder()
        let second = try TemporaryFolder()
        let sources = try [ImageFormat.jpeg, .png, .webp, .gif].map { try TestImages.make($0, PixelSize(width: 700, height: 500), name: "a.\($0.fileExtension)") }
        for source in sources {
            let one = try await ImageProcessor(cache: first.cache).process(source)
            let two = try await ImageProcessor(cache: second.cache).process(source)
            #expect(one.variants == two.variants)
            for (a, b) in zip(one.variants, two.variants) {
                #expect(FileManager.default.contentsEqual(atPath: one.path(of: a), andPath: two.path(of: b)), "\(a.fileName)")
            }
        }
    }

    @Test func aSecondRunTakesTheFilesFromTheCache() async throws {
        let folder = try TemporaryFolder()
        let source = try TestImages.make(.jpeg, PixelSize(width: 900, height: 300))
        let first = try await ImageProcessor(cache: folder.cache).process(source)
        let stamps = try first.variants.map { try FileManager.default.attributesOfItem(atPath: first.path(of: $0))[.modificationDate] as? Date }

        let second = try await ImageProcessor(cache: folder.cache).process(source)
        #expect(first.origin == .made)
        #expect(second.origin == .cache)
        #expect(second == ProcessedImage(sourcePath: first.sourcePath, header: first.header, variants: first.variants, cacheDirectory: first.cacheDirectory, key: first.key, origin: .cache))
        #expect(try second.variants.map { try FileManager.default.attributesOfItem(atPath: second.path(of: $0))[.modificationDate] as? Date } == stamps)

        var options = ImageOptions.default
        options.jpegQuality = 60
        let third = try await ImageProcessor(cache: folder.cache, options: options).process(source)
        #expect(third.origin == .made)
        #expect(third.key != first.key)
    }

    @Test func processesManyImagesAtOnceInTheirOrder() async throws {
        let folder = try TemporaryFolder()
        let sources = try (0..<10).map { index in
            try TestImages.make(index % 2 == 0 ? .jpeg : .png, PixelSize(width: 200 + index * 60, height: 100), name: "img\(index).x")
        }
        let broken = ImageSource(path: "broken.jpg", bytes: Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]))
        let results = try await ImageProcessor(cache: folder.cache, concurrency: 3).process(sources + [broken])
        #expect(results.count == 11)
        for (index, result) in results.prefix(10).enumerated() {
            let image = try result.get()
            #expect(image.sourcePath == "img\(index).x")
            #expect(image.header.size?.width == 200 + index * 60)
        }
        #expect(throws: ImageError.self) { try results[10].get() }
    }

    @Test func twoBuildsFillingOneCacheAtOnceAgree() async throws {
        let folder = try TemporaryFolder()
        let sources = try (0..<6).map { try TestImages.make(.png, PixelSize(width: 500 + $0, height: 300), name: "p\($0).png") }
        async let one = ImageProcessor(cache: folder.cache, concurrency: 2).process(sources)
        async let two = ImageProcessor(cache: folder.cache, concurrency: 2).process(sources)
        let (first, second) = try await (one, two)
        for (a, b) in zip(first, second) {
            let (x, y) = (try a.get(), try b.get())
            #expect(x.variants == y.variants)
            for variant in x.variants {
                #expect(try TestImages.header(ofFile: x.path(of: variant)).size == variant.size)
            }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.cache.directory + "/tmp")
        #expect(leftovers.isEmpty)
    }

    @Test func aCancelledBatchStopsWithCancellationError() async throws {
        let folder = try TemporaryFolder()
        let sources = try (0..<4).map { try TestImages.make(.jpeg, PixelSize(width: 300, height: 200), name: "c\($0).jpg") }
        let processor = ImageProcessor(cache: folder.cache, concurrency: 2)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await processor.process(sources)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(!FileManager.default.fileExists(atPath: folder.cache.directory))
    }

    @Test func aTruncatedImageIsAnErrorNamingTheFile() async throws {
        let folder = try TemporaryFolder()
        let whole = try TestImages.make(.jpeg, PixelSize(width: 400, height: 300))
        let truncated = ImageSource(path: "site/static/photo.jpg", bytes: whole.bytes.prefix(whole.bytes.count / 2))
        let error = await #expect(throws: ImageError.self) { try await ImageProcessor(cache: folder.cache).process(truncated) }
        #expect(error?.description.hasPrefix("image 'site/static/photo.jpg' is corrupt or truncated: ") == true)
    }

    @Test func passesSVGThroughUnchanged() async throws {
        let folder = try TemporaryFolder()
        let svg = Data(#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect width="120" height="80"/></svg>"#.utf8)
        let image = try await ImageProcessor(cache: folder.cache).process(ImageSource(path: "figures/flow.svg", bytes: svg))
        #expect(image.variants.count == 1)
        #expect(image.variants[0].fileName == "flow.\(image.key.prefix(8)).svg")
        #expect(image.variants[0].size == PixelSize(width: 120, height: 80))
        #expect(try Data(contentsOf: URL(fileURLWithPath: image.path(of: image.variants[0]))) == svg)
    }

    @Test func readsSourcesThroughTheFileSystemWhenTheirTurnComes() async throws {
        let folder = try TemporaryFolder()
        let png = try TestImages.make(.png, PixelSize(width: 40, height: 30))
        let files = MemoryFileSystem(["site/static/a.png": png.bytes])
        let results = try await ImageProcessor(cache: folder.cache).process(["site/static/a.png", "site/static/gone.png"], from: files)
        #expect(try results[0].get().header.size == PixelSize(width: 40, height: 30))
        #expect(throws: ImageError.self) { try results[1].get() }
        if case .failure(let error) = results[1] {
            #expect(error.description.hasPrefix("cannot read image 'site/static/gone.png'"))
        }
    }
}
