/// Whether a delimiter run (`*`, `_`, `~`) can open or close, from the characters around it: as
/// libcmark 0.30.2 decides it (`scan_delims` in `inlines.c`), and as the CommonMark CJK-friendly
/// amendments decide it (their left- and right-flanking definitions and rules 2 and 6).
///
/// `before` is the character before the run and `beforeBase` the one before that (only needed, and
/// only read by the caller, when `before` is a text variation selector); `after` is the character
/// after the run. The start and end of a
/// line count as a line feed (whitespace), as in libcmark.
struct Flanking: Equatable {
    var canOpen: Bool
    var canClose: Bool

    /// What the characters around the run are, as the amendments read them.
    struct Surroundings {
        var before: UInt32
        /// The character before `before` when `before` is a text variation selector (U+000A at the
        /// start of a line); anything otherwise.
        var beforeBase: UInt32
        var after: UInt32
    }

    /// libcmark's decision for a run of `character`.
    static func commonMark(_ character: UInt8, before: UInt32, after: UInt32) -> Flanking {
        let beforeSpace = CharacterClass.isSpace(before)
        let afterSpace = CharacterClass.isSpace(after)
        let beforePunctuation = CharacterClass.isLibcmarkPunctuation(before)
        let afterPunctuation = CharacterClass.isLibcmarkPunctuation(after)
        let left = !afterSpace && (!afterPunctuation || beforeSpace || beforePunctuation)
        let right = !beforeSpace && (!beforePunctuation || afterSpace || afterPunctuation)
        return decide(character, left: left, right: right, beforePunctuation: beforePunctuation, afterPunctuation: afterPunctuation)
    }

    /// The amendments' decision: their left- and right-flanking definitions (section 6.2: CJK sequences,
    /// non-CJK punctuation, ideographic variation selectors) and rules 2 and 6 for `_`.
    ///
    /// A run with no CJK character (or ideographic variation selector) on either side is decided as
    /// libcmark decides it, even after a text variation selector, so text without CJK characters
    /// converts byte for byte as with libcmark.
    static func cjkFriendly(_ character: UInt8, _ around: Surroundings) -> Flanking {
        let before = around.before
        let after = around.after
        guard before >= 0x1100 || after >= 0x1100 else { return commonMark(character, before: before, after: after) }
        // The previous "sequence": a character, or a character and the text variation selector after it.
        var base = before
        let ideographicSelector = CharacterClass.isIdeographicVariationSelector(before)
        if CharacterClass.isTextVariationSelector(before) { base = around.beforeBase }
        let afterCJK = CharacterClass.isCJK(after)
        let baseCJK = !ideographicSelector
            && (CharacterClass.isCJK(base) || (base != before && CharacterClass.isAmbiguousPunctuationBase(base)))
        guard baseCJK || afterCJK || ideographicSelector else { return commonMark(character, before: before, after: after) }
        let beforeSpace = CharacterClass.isSpace(before)
        let afterSpace = CharacterClass.isSpace(after)
        let basePunctuation = !ideographicSelector && CharacterClass.isPunctuation(base, cjk: CharacterClass.isCJK(base))
        let afterPunctuation = CharacterClass.isPunctuation(after, cjk: afterCJK)
        let afterNonCJKPunctuation = afterPunctuation && !afterCJK
        let beforeNonCJKPunctuation = basePunctuation && !baseCJK
        let left = !afterSpace
            && (!afterNonCJKPunctuation || beforeSpace || beforeNonCJKPunctuation || baseCJK || ideographicSelector)
        let right = !beforeSpace && (!beforeNonCJKPunctuation || afterSpace || afterPunctuation || afterCJK)
        return decide(character, left: left, right: right, beforePunctuation: basePunctuation, afterPunctuation: afterPunctuation)
    }

    /// Rules 1–8 of CommonMark: `*` and `~` open when left-flanking and close when right-flanking; `_`
    /// also needs punctuation on the outer side when the run flanks both ways.
    private static func decide(
        _ character: UInt8, left: Bool, right: Bool, beforePunctuation: Bool, afterPunctuation: Bool
    ) -> Flanking {
        guard character == UInt8(ascii: "_") else { return Flanking(canOpen: left, canClose: right) }
        return Flanking(canOpen: left && (!right || beforePunctuation), canClose: right && (!left || afterPunctuation))
    }
}
