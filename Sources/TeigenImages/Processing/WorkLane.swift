import Dispatch

/// A thread of its own for blocking libvips calls, so that they never hold one of Swift's cooperative
/// threads (two on a two-core machine) while the rest of the build waits for it.
///
/// A serial dispatch queue created by the program runs on an overcommitting thread, outside the
/// cooperative pool; the caller awaits the work's result without blocking.
struct WorkLane: Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    /// Runs `work` on the lane and returns its result.
    func run<Value: Sendable>(_ work: @escaping @Sendable () throws(ImageError) -> Value) async throws(ImageError) -> Value {
        let outcome: Result<Value, ImageError> = await withCheckedContinuation { continuation in
            queue.async {
                do throws(ImageError) {
                    continuation.resume(returning: .success(try work()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try outcome.get()
    }
}
