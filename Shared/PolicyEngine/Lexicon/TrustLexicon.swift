import Crypto
import ParapetCodecs
import ParapetModels

/// A trust's own words (``TrustWords``, from `trust.yaml`) as the cues the detectors read, and
/// the fingerprint of everything the trust adds to the built-in rules.
enum TrustLexicon {
    /// The cue a behaviour's words give, and the cue its harmless phrases give: the same cues the
    /// built-in lists use, so the trust's words go through the same detectors and checks.
    static func cues(for behaviour: Behaviour) -> (signal: Cue, harmless: Cue?)? {
        switch behaviour {
        case .abusiveLanguage: (.swearing, .benignLanguage)
        case .grosslyObscene: (.sexual, .benignLanguage)
        case .hateSpeech: (.trustSlur, .benignLanguage)
        case .threatOfViolence: (.threatPhrase, .violenceIdiom)
        case .safeguardingExtremism: (.extremismStrong, nil)
        default: nil
        }
    }

    /// Every phrase the trust adds, with its cue, in the order `trust.yaml` gives them.
    static func cues(of trust: Trust) -> [(Cue, [String])] {
        trust.words.flatMap { words -> [(Cue, [String])] in
            guard let cues = cues(for: words.behaviour) else { return [] }
            return [(cues.signal, words.words)] + (cues.harmless.map { [($0, words.harmless)] } ?? [])
        }
    }

    /// SHA-256 in lower-case hex over the trust's words and its schools' other names, each in a
    /// fixed order; nil when the trust adds nothing, so its verdicts carry the built-in version.
    static func fingerprint(of configuration: TrustConfiguration) -> String? {
        let words = configuration.trust.words.sorted { $0.behaviour.rawValue < $1.behaviour.rawValue }
        let names = configuration.schools.filter { !$0.alsoKnownAs.isEmpty }.sorted { $0.id < $1.id }
        guard !words.isEmpty || !names.isEmpty else { return nil }
        var hash = SHA256()
        func add(_ field: String) { hash.update(data: Array(field.utf8) + [0]) }
        for entry in words {
            add("words:\(entry.behaviour.rawValue)")
            entry.words.forEach(add)
            add("harmless")
            entry.harmless.forEach(add)
        }
        for school in names {
            add("school:\(school.id)")
            school.alsoKnownAs.forEach(add)
        }
        return HexDigit.lowercased(hash.finalize())
    }
}
