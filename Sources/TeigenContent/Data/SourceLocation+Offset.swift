import TeigenCore

extension SourceLocation {
    /// The location of a UTF-8 offset into `text`, whose first line is line `firstLine` of the file at `path`;
    /// the column counts Unicode scalars.
    init(path: String, utf8Offset offset: Int, in text: String, firstLine: Int = 1) {
        let before = text.utf8.prefix(offset)
        let line = before.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { before.index(after: $0) } ?? before.startIndex
        let column = before[lineStart...].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        self.init(path: path, line: firstLine + line, column: column)
    }
}
