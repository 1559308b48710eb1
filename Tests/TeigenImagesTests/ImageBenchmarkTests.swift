import Foundation
import TeigenCore
import Testing

@testable import TeigenImages

/// Times a cold and a warm run over many photographs (for BENCHMARKS.md, not pass/fail on time):
/// `TEIGEN_IMAGE_BENCH=/folder/of/jpegs swift test --filter ImageBenchmark` makes 400 distinct sources from
/// the folder's JPEGs (each with a different trailing byte, which decoders ignore), processes them into a
/// fresh cache, then again, and prints both times. It checks that the warm run resized nothing.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TEIGEN_IMAGE_BENCH"] != nil))
struct ImageBenchmarkTests {
    /// The folder's JPEGs, as `count` files that differ in their last byte.
    struct VariedPhotos: FileSystem {
        let photos: [Data]

        func read(_ path: String) throws(FileSystemError) -> Data {
            guard let index = Int(path.dropFirst("photo".count).prefix { $0.isNumber }) else {
                throw FileSystemError(path: path, reason: "no such photo")
            }
            return photos[index % photos.count] + [UInt8(index / photos.count)]
        }

        func files(under directory: String) throws(FileSystemError) -> [String] { [] }
        func isDirectory(_ path: String) -> Bool { false }
        func isFile(_ path: String) -> Bool { true }
    }

    @Test func processesPhotosColdThenWarm() async throws {
        let folder = ProcessInfo.processInfo.environment["TEIGEN_IMAGE_BENCH"]!
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jpg") }.sorted()
        let photos = try names.map { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)) }
        let fileSystem = VariedPhotos(photos: photos)
        let count = Int(ProcessInfo.processInfo.environment["TEIGEN_IMAGE_BENCH_COUNT"] ?? "") ?? 400
        let paths = (0..<count).map { "photo\($0).jpg" }
        let cache = try TemporaryFolder("teigen-image-bench")
        let processor = ImageProcessor(cache: cache.cache)
        let clock = ContinuousClock()

        var cold: [Result<ProcessedImage, ImageError>] = []
        let coldTime = try await clock.measure { cold = try await processor.process(paths, from: fileSystem) }
        var warm: [Result<ProcessedImage, ImageError>] = []
        let warmTime = try await clock.measure { warm = try await processor.process(paths, from: fileSystem) }

        #expect(try cold.allSatisfy { try $0.get().origin == .made })
        #expect(try warm.allSatisfy { try $0.get().origin == .cache })
        let bytes = photos.map(\.count).reduce(0, +) / photos.count
        let files = try cold.map { try $0.get().variants.count }.reduce(0, +)
        print("image bench: \(count) JPEGs of \(bytes / 1024) KiB, \(files) files, concurrency \(processor.concurrency): cold \(coldTime), warm \(warmTime)")
    }
}
