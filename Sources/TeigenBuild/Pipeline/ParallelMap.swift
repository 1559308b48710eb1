extension BuildPipeline {
    /// Maps `items` with `transform` on up to `jobs` tasks at once, keeping the order of `items`: how the
    /// steps spread their work over the cores (pages are read, decoded, converted and rendered in chunks).
    static func parallelMap<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Output
    ) async -> [Output] {
        guard jobs > 1, items.count > 1 else { return items.map(transform) }
        let chunkSize = max(1, (items.count + jobs * 4 - 1) / (jobs * 4))
        return await withTaskGroup(of: (Int, [Output]).self) { group in
            var next = 0
            var running = 0
            var results: [[Output]] = Array(repeating: [], count: (items.count + chunkSize - 1) / chunkSize)
            func startNext() {
                guard next < items.count else { return }
                let start = next
                let end = min(items.count, start + chunkSize)
                next = end
                running += 1
                group.addTask { (start / chunkSize, items[start..<end].map(transform)) }
            }
            for _ in 0..<jobs { startNext() }
            while running > 0, let (chunk, outputs) = await group.next() {
                running -= 1
                results[chunk] = outputs
                startNext()
            }
            return results.flatMap { $0 }
        }
    }
}
