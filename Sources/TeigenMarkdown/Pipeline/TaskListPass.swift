import CCmark

/// GitHub's task lists: a list item whose first paragraph starts with `[ ]`, `[x]` or `[X]` and a
/// space (or a tab) is a task. The marker leaves the text; a disabled checkbox takes its place
/// (checked for `x`), the item gets `class="task-list-item"` and its list `class="contains-task-list"`,
/// so themes can style them:
///
/// ```html
/// <ul class="contains-task-list">
/// <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="" /> 未完了</li>
/// </ul>
/// ```
struct TaskListPass {
    /// Makes a task of the item whose first paragraph is `paragraph` (block `block` of the map), if it is one.
    func run(_ paragraph: CmarkNode, block: Int, in context: ConversionContext) {
        guard paragraph.type == CMARK_NODE_PARAGRAPH, let item = paragraph.parent, item.type == CMARK_NODE_ITEM,
            item.firstChild == paragraph, let list = item.parent, let text = paragraph.firstChild, text.type == CMARK_NODE_TEXT,
            text.tag == nil, text.startLine > 0
        else { return }
        let literal = text.literalBytes
        guard literal.count >= 3, literal[0] == 0x5B, literal[2] == 0x5D,
            literal[1] == 0x20 || literal[1] == 0x78 || literal[1] == 0x58
        else { return }
        var end = 3
        while end < literal.count, literal[end] == 0x20 || literal[end] == 0x09 { end += 1 }
        // A space or tab must follow, unless the marker ends the line.
        guard end > 3 || (literal.count == 3 && (text.next.map { $0.isLineBreak } ?? false)) else { return }
        let checked = literal[1] != 0x20
        let located = context.map.locate(line: text.startLine, column: text.startColumn, block: block)
        let source = context.map.blocks[block].text
        let rest = Array(literal[end...])
        let checkbox = CmarkNode.tagged(block: false, .taskItem(checked: checked))
        text.insertBefore(checkbox)
        if rest.isEmpty {
            text.free()
        } else {
            rest.withUnsafeBufferPointer { text.setLiteral($0) }
            context.map.setOrigin(
                TextOrigin(text: source, line: located.line, offset: located.offset + end, length: text.endColumn - text.startColumn + 1 - end),
                of: text)
        }
        item.tag = .taskItem(checked: checked)
        list.tag = .taskList
    }
}
