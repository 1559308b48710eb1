import CVipsBridge

/// libvips, started once per process and sized so that it does not fight the build for the machine's cores.
///
/// Teigen runs several images at once on lanes of its own (`ImageProcessor`), so libvips's own worker pool
/// is one thread per pipeline: the parallelism is across images, where it scales, not inside one
/// small resize, where threads mostly wait on each other. libvips's operation cache is off: a build
/// reads each source once, so cached operations would only hold memory.
enum VipsRuntime {
    /// The outcome of starting libvips; evaluated once, the first time an image is touched.
    private static let start: Result<String, VipsFailure> = {
        guard teigen_vips_start(1, 0, 0) == 0 else {
            return .failure(VipsFailure.take(doing: "start"))
        }
        return .success(String(cString: teigen_vips_version()))
    }()

    /// Starts libvips if it has not started yet; throws if it cannot start.
    static func ensureStarted() throws(VipsFailure) {
        _ = try start.get()
    }

    /// The libvips version ("8.14.1"), part of every cache key: another libvips may encode other bytes.
    static func version() throws(VipsFailure) -> String {
        try start.get()
    }
}
