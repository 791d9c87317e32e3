/// A small generated language for a character-level model: sentences from a
/// fixed grammar (article, adjective, noun, verb, article, noun, period),
/// words drawn with a seeded generator. No outside text; the same seed gives
/// the same corpus on every machine.
///
/// Its structure is what a character model can learn: spellings of a few
/// words, spaces between them, a period and a space after every sentence.
public func generatedCorpus(sentences: Int, seed: UInt64) -> String {
    let articles = ["the", "a"]
    let adjectives = ["small", "red", "quiet", "old", "bright"]
    let nouns = ["cat", "dog", "bird", "tree", "river", "stone"]
    let verbs = ["sees", "finds", "likes", "follows", "hears"]
    var generator = SeededGenerator(seed: seed)
    func pick(_ words: [String]) -> String { words[generator.integer(below: words.count)] }
    var text = ""
    for _ in 0..<sentences {
        var words = [pick(articles)]
        if generator.uniform() < 0.5 { words.append(pick(adjectives)) }
        words += [pick(nouns), pick(verbs), pick(articles), pick(nouns)]
        text += words.joined(separator: " ") + ". "
    }
    return text
}

/// The characters of a text, sorted, each with its index: the vocabulary of a
/// character-level model (one-hot rows of width V = `count`).
public struct CharacterVocabulary: Sendable, Equatable {
    /// The distinct characters, sorted.
    public let characters: [Character]
    private let indices: [Character: Int]

    /// The vocabulary of `text`.
    public init(_ text: String) {
        characters = Array(Set(text)).sorted()
        indices = Dictionary(uniqueKeysWithValues: characters.enumerated().map { ($1, $0) })
    }

    /// V, the number of characters.
    public var count: Int { characters.count }

    /// The index of each character of `text`; stops on a character outside the vocabulary.
    public func encode(_ text: String) -> [Int] {
        text.map { character in
            guard let index = indices[character] else {
                fatalError("CharacterVocabulary: \"\(character)\" is not in the vocabulary")
            }
            return index
        }
    }

    /// The text of `indices`.
    public func decode(_ indices: [Int]) -> String { String(indices.map { characters[$0] }) }
}
