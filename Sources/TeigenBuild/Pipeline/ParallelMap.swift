import TeigenCore

extension BuildPipeline {
    /// Maps `items` with `transform` on up to `jobs` tasks at once, keeping the order of `items`: how the
    /// steps spread their work over the cores (pages are read, decoded, converted and rendered in chunks).
    /// Throws `DiagnosticError.cancelled` when the task is cancelled, checking before each item.
    static func parallelMap<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Output
    ) async throws(DiagnosticError) -> [Output] {
        guard jobs > 1, items.count > 1 else {
            let outputs = mapUntilCancelled(items[...], transform)
            try checkCancellation()
            return outputs
        }
        let chunkSize = min(largestChunk, max(1, (items.count + jobs * 4 - 1) / (jobs * 4)))
        let outputs = await withTaskGroup(of: (Int, [Output]).self) { group in
            var next = 0
            var running = 0
            var results: [[Output]] = Array(repeating: [], count: (items.count + chunkSize - 1) / chunkSize)
            func startNext() {
                guard next < items.count, !Task.isCancelled else { return }
                let start = next
                let end = min(items.count, start + chunkSize)
                next = end
                running += 1
                group.addTask { (start / chunkSize, mapUntilCancelled(items[start..<end], transform)) }
            }
            for _ in 0..<jobs { startNext() }
            while running > 0, let (chunk, outputs) = await group.next() {
                running -= 1
                results[chunk] = outputs
                startNext()
            }
            return results.flatMap { $0 }
        }
        try checkCancellation()
        return outputs
    }

    /// The most items a task maps before taking the next chunk. Without a limit a step's last chunk, an eighth of
    /// its items, could be left to one core while the others had finished: at 100,000 pages that tail took about a
    /// second of each of the longer steps. A few hundred items cost the task group little.
    static let largestChunk = 256

    /// `items.map(transform)`, stopping early when the task is cancelled.
    private static func mapUntilCancelled<Item, Output>(_ items: ArraySlice<Item>, _ transform: (Item) -> Output) -> [Output] {
        var outputs: [Output] = []
        outputs.reserveCapacity(items.count)
        for item in items {
            if Task.isCancelled { break }
            outputs.append(transform(item))
        }
        return outputs
    }

    /// Throws `DiagnosticError.cancelled` when the build's task was cancelled (the preview server
    /// started a newer build, or is stopping).
    static func checkCancellation() throws(DiagnosticError) {
        if Task.isCancelled { throw .cancelled }
    }
}
