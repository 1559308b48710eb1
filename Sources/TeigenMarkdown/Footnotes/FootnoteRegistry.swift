/// The footnotes of one document: definitions by label, numbers in order of first reference, and
/// every reference made.
struct FootnoteRegistry {
    /// Every definition found, in source order (duplicates included; the first one of a label is used).
    let definitions: [FootnoteDefinition]
    /// Definition index of each label key (the first definition).
    private var firstDefinition: [ExactString: Int] = [:]
    /// Whether each definition is the first one of its label.
    private var isFirst: [Bool]
    /// Definition indices of the notes, in note-number order (note N is `notes[N - 1]`).
    private(set) var notes: [Int] = []
    /// Note index (0-based position in ``notes``) of each definition, `nil` while it is unused.
    private var noteOfDefinition: [Int?]
    /// For each reference made, its note index and its ordinal among that note's references (1-based).
    private(set) var references: [(note: Int, ordinal: Int)] = []
    /// Number of references to each note.
    private(set) var referenceCounts: [Int] = []

    init(definitions: [FootnoteDefinition]) {
        self.definitions = definitions
        isFirst = [Bool](repeating: false, count: definitions.count)
        noteOfDefinition = [Int?](repeating: nil, count: definitions.count)
        firstDefinition.reserveCapacity(definitions.count)
        for (index, definition) in definitions.enumerated() {
            let key = ExactString(definition.key)
            if firstDefinition[key] == nil {
                firstDefinition[key] = index
                isFirst[index] = true
            }
        }
    }

    /// Whether definition `index` is the first one of its label (the one used).
    func isFirstDefinition(_ index: Int) -> Bool {
        isFirst[index]
    }

    /// Records a reference to the note labelled `key`, numbering the note if it is new.
    /// Returns the reference's index, or `nil` when no definition has that label.
    mutating func addReference(to key: String) -> Int? {
        guard let definition = firstDefinition[ExactString(key)] else { return nil }
        let note: Int
        if let known = noteOfDefinition[definition] {
            note = known
        } else {
            note = notes.count
            notes.append(definition)
            noteOfDefinition[definition] = note
            referenceCounts.append(0)
        }
        referenceCounts[note] += 1
        references.append((note, referenceCounts[note]))
        return references.count - 1
    }

    /// Definitions that are duplicates of an earlier one with the same label.
    var duplicateDefinitions: [FootnoteDefinition] {
        definitions.indices.filter { !isFirst[$0] }.map { definitions[$0] }
    }

    /// First definitions that no rendered text refers to.
    var unusedDefinitions: [FootnoteDefinition] {
        definitions.indices.filter { isFirst[$0] && noteOfDefinition[$0] == nil }.map { definitions[$0] }
    }
}
