/// The word lists: phrases written as people type them, each tagged with the cue it gives.
///
/// A phrase is tokenised exactly as post text is, so it matches whatever case, accents or
/// disguise a post uses. A word ending in `~` also matches its common endings (`kill~`: kills,
/// killed, killing, killer…). A word with an apostrophe also matches without it ("don't", "dont").
enum Lexicon {
    static var all: [(Cue, [String])] {
        language + violence + conduct + people + accusations + complaints + privacy + staff + sites + images + safeguarding
    }

    /// Endings `~` stands for.
    static let endings = ["", "s", "es", "ed", "d", "ing", "in", "er", "ers", "y", "ies", "ier", "iest", "ly", "ness"]

    /// Words that stand behind `*` and `#` in disguised spellings ("f*ck", "c**t", "sh*t").
    static let disguiseTargets: Set<Cue> = [
        .swearing, .sexual, .slurRace, .slurReligion, .slurSexuality, .slurGender, .slurDisability, .insult,
    ]
}
