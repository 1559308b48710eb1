import Foundation
import TeigenCore
import Testing

@testable import TeigenImages

@Suite struct ImageCacheTests {
    @Test func pruningKeepsTheEntriesInUseAndRemovesTheRest() async throws {
        let folder = try TemporaryFolder()
        let processor = ImageProcessor(cache: folder.cache)
        let kept = try await processor.process(try TestImages.make(.png, PixelSize(width: 50, height: 50), name: "kept.png"))
        let dropped = try await processor.process(try TestImages.make(.png, PixelSize(width: 60, height: 50), name: "dropped.png"))
        #expect(try folder.cache.prune(keeping: [kept.key]) == 1)
        #expect(FileManager.default.fileExists(atPath: kept.path(of: kept.variants[0])))
        #expect(!FileManager.default.fileExists(atPath: dropped.cacheDirectory))
        #expect(try await processor.process(try TestImages.make(.png, PixelSize(width: 50, height: 50), name: "kept.png")).origin == .cache)
    }

    @Test func theCacheSitsBesideTheSiteFolder() {
        #expect(ImageCache.directory(forSite: "/work/project/site") == "/work/project/.teigen-cache/images")
        #expect(ImageCache.directory(forSite: "/work/project/site/") == "/work/project/.teigen-cache/images")
    }
}
