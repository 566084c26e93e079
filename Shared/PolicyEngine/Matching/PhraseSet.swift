import Foundation

/// A set of folded words and phrases ("only joking", "lol") that detectors test a text's words
/// against, found by their bytes (`contains(bytes:)`) without making a String of each word.
///
/// Byte equality is String equality only between ASCII strings (others may be canonically
/// equivalent with different bytes). An ASCII word is String-equal to a phrase only if the
/// phrase's canonical decomposition is that ASCII word, so when every phrase is ASCII or
/// decomposes to something that is not, an ASCII word is answered by its bytes; any other word,
/// or any word tested against a set holding a phrase that decomposes to ASCII (a Kelvin sign,
/// say), is answered by the `Set<String>` of the same phrases, exactly as before.
struct PhraseSet: Sendable, ExpressibleByArrayLiteral {
    let strings: Set<String>
    private let words: WordTable
    private let bytesAnswerASCII: Bool

    init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    /// The phrases of `elements` (a list read from the word files).
    init(_ elements: [String]) {
        strings = Set(elements)
        var words = WordTable(capacity: elements.count)
        for element in strings { words.intern(element.utf8) }
        self.words = words
        bytesAnswerASCII = strings.allSatisfy { phrase in
            phrase.utf8.allSatisfy { $0 < 0x80 } || phrase.decomposedStringWithCanonicalMapping.utf8.contains { $0 >= 0x80 }
        }
    }

    func contains(_ phrase: String) -> Bool { strings.contains(phrase) }

    /// Whether the phrase written in UTF-8 as `bytes` is in the set.
    func contains(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytesAnswerASCII, bytes.allSatisfy({ $0 < 0x80 }) else { return strings.contains(String(decoding: bytes, as: UTF8.self)) }
        return words.lookup(bytes) != nil
    }
}
