/// Words a trust adds to the policy engine's built-in lists for one behaviour, without a
/// rebuild: a slur the lists lack, a local insult, or a phrase that is harmless locally
/// (`words:` in `trust.yaml`). They are part of the trust's ruleset version, so a verdict says
/// which words it was decided under.
public struct TrustWords: Codable, Sendable, Hashable {
    /// The behaviour the words are for.
    public var behaviour: Behaviour
    /// Words and phrases that signal the behaviour, matched as the built-in lists are (any case,
    /// disguised spellings; a trailing `~` takes common endings).
    public var words: [String]
    /// Words and phrases that look like the behaviour but are harmless here (a place, a club):
    /// a signal inside one of them does not count.
    public var harmless: [String]

    public init(behaviour: Behaviour, words: [String] = [], harmless: [String] = []) {
        self.behaviour = behaviour
        self.words = words
        self.harmless = harmless
    }

    /// The behaviours a trust may add words for: those whose detectors take a single word or
    /// phrase as a signal. Others need context (who, where, what else is said) that a word alone
    /// cannot give.
    public static let behaviours: [Behaviour] = [
        .abusiveLanguage, .grosslyObscene, .hateSpeech, .threatOfViolence, .safeguardingExtremism,
    ]

    /// The behaviours that also take harmless phrases: those whose detectors set a look-alike
    /// aside ("Scunthorpe", "killing it"). An extremist term stays one whatever surrounds it.
    public static let behavioursWithHarmless: [Behaviour] = [.abusiveLanguage, .grosslyObscene, .hateSpeech, .threatOfViolence]
}
