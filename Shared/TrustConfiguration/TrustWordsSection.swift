import Foundation
import ParapetModels

/// `words:` in `trust.yaml`: the trust's own words for the policy engine, by behaviour.
///
/// ```yaml
/// words:
///   abusive_language:
///     words: [wazzock, "absolute melter"]
///     harmless: ["Scunthorpe"]
/// ```
enum TrustWordsSection {
    /// The longest phrase accepted, in characters: a phrase is a few words, never a sentence.
    static let longestPhrase = 80

    static func read(_ reader: YAMLReader) -> [TrustWords] {
        let allowed = Set(TrustWords.behaviours.map(\.rawValue))
        guard let behaviours = reader.mapping(allowed: allowed) else { return [] }
        return TrustWords.behaviours.compactMap { behaviour -> TrustWords? in
            guard let section = behaviours.value(behaviour.rawValue, required: false) else { return nil }
            guard let fields = section.mapping(allowed: ["words", "harmless"]) else { return nil }
            let problemsBefore = section.log.problems.count
            let words = fields.value("words", required: false).map(phrases) ?? []
            let harmlessReader = fields.value("harmless", required: false)
            let harmless = harmlessReader.map(phrases) ?? []
            if let harmlessReader, !TrustWords.behavioursWithHarmless.contains(behaviour) {
                let takers = TrustWords.behavioursWithHarmless.map(\.rawValue).joined(separator: ", ")
                harmlessReader.problem("\(behaviour.rawValue) takes no harmless phrases (only \(takers) do)")
                return nil
            }
            if !fields.has("words") && !fields.has("harmless") {
                section.problem("gives no words or harmless phrases")
                return nil
            }
            // A list with a refused entry is not kept in part: the load fails and names the entry.
            guard section.log.problems.count == problemsBefore else { return nil }
            return TrustWords(behaviour: behaviour, words: words, harmless: harmless)
        }
    }

    /// A list of phrases, each checked to be something the engine can match: letters or digits,
    /// not too long, and not given twice.
    static func phrases(_ reader: YAMLReader) -> [String] {
        guard let items = reader.items() else { return [] }
        var seen: Set<String> = []
        return items.compactMap { item -> String? in
            guard let phrase = item.string()?.trimmingCharacters(in: .whitespaces) else { return nil }
            guard phrase.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
                item.problem("\"\(phrase)\" has no letter or digit to match")
                return nil
            }
            guard phrase.count <= longestPhrase else {
                item.problem("\"\(phrase.prefix(24))…\" is longer than \(longestPhrase) characters; give a word or a short phrase")
                return nil
            }
            guard seen.insert(phrase.lowercased()).inserted else {
                item.problem("\"\(phrase)\" is listed twice")
                return nil
            }
            return phrase
        }
    }
}
