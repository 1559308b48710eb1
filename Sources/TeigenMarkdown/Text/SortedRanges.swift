/// Sorted, disjoint ranges of Unicode scalar values (the generated character tables).
extension Array where Element == ClosedRange<UInt32> {
    /// Whether one of the ranges holds `value` (binary search).
    func holds(_ value: UInt32) -> Bool {
        var low = 0
        var high = count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = self[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
