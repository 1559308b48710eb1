/// Where a top-level key of a TOML or JSON document was written, as `TOMLLocator` and `JSONLocator` find it: the
/// key, its value, and the items of an array value.
struct KeyPlace {
    /// A line and column (in Unicode scalars) in the document's text, both 1-based.
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    var key: Position
    var value: Position
    var items: [Position] = []
}
