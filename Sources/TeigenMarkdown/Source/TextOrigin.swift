/// Where the raw Markdown of a text node Teigen made is: `length` bytes from byte `offset` of `line`
/// in text `text` of the ``SourceMap``.
struct TextOrigin {
    var text: Int
    var line: Int
    var offset: Int
    var length: Int
}
