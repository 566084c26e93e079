/// The word lists: phrases written as people type them, each tagged with the cue it gives,
/// read from the data files in `Words/` (``WordBook``).
///
/// A phrase is tokenised exactly as post text is, so it matches whatever case, accents or
/// disguise a post uses. A word ending in `~` also matches its common endings (`kill~`: kills,
/// killed, killing, killer…). A word with an apostrophe also matches without it ("don't", "dont").
enum Lexicon {
    static var all: [(Cue, [String])] { WordBook.current.cues }

    /// The named phrase lists the detectors read, each checked to be in the files.
    static let listNames = [
        "childMockery", "harassmentStrong", "harassmentExposure", "harassmentPersistence", "harassmentPresence", "harassmentEvasion",
        "harassmentTaunt",
    ]

    /// Mocking a child in a photo or a line-up by looks ("the ginger one", "the fat kid").
    static var childMockery: [String] { WordBook.current.list("childMockery") }
    /// Harassment signs, by kind: the detector counts kinds (`conduct-lists.words`).
    static var harassmentStrong: [String] { WordBook.current.list("harassmentStrong") }
    static var harassmentExposure: [String] { WordBook.current.list("harassmentExposure") }
    static var harassmentPersistence: [String] { WordBook.current.list("harassmentPersistence") }
    static var harassmentPresence: [String] { WordBook.current.list("harassmentPresence") }
    static var harassmentEvasion: [String] { WordBook.current.list("harassmentEvasion") }
    static var harassmentTaunt: [String] { WordBook.current.list("harassmentTaunt") }

    /// Endings `~` stands for.
    static let endings = ["", "s", "es", "ed", "d", "ing", "in", "er", "ers", "y", "ies", "ier", "iest", "ly", "ness"]

    /// Words that stand behind `*` and `#` in disguised spellings ("f*ck", "c**t", "sh*t").
    static let disguiseTargets: Set<Cue> = [
        .swearing, .sexual, .slurRace, .slurReligion, .slurSexuality, .slurGender, .slurDisability, .insult, .trustSlur,
    ]
}
