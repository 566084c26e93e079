/// How close, in words, two things found in a post must be to belong together: the detectors'
/// windows, named for what each one joins, so that a change to one is a change to a name a
/// reader can find. ``TextView/near(_:_:within:)`` counts the words between the two.
struct Proximity: Sendable, Hashable {
    /// The most words between the two.
    var words: Int

    // MARK: Who a word is about (accusations and negative comments)

    /// A misconduct word and the person accused: anywhere in a long sentence ("Mr X, who has
    /// been at the school for years and should know better, hit my son").
    static let allegationTarget = Proximity(words: 20)
    /// A defamatory or derogatory word and its target, by default.
    static let accusationTarget = Proximity(words: 12)
    /// A bullying word and the child it is aimed at.
    static let bullyingTarget = Proximity(words: 10)
    /// A negative trait or an insult and the person it describes ("Mrs X is lazy").
    static let traitTarget = Proximity(words: 8)
    /// A word aimed straight at the person just before it ("Mr X is a pr!ck", "the head, you
    /// absolute c*nt"), and the defamatory words that count only so close.
    static let directTarget = Proximity(words: 4)

    // MARK: Private matters

    /// A sensitive matter and the child or family it is about, across a sentence break.
    static let privateMatterSubject = Proximity(words: 12)

    // MARK: Hate speech

    /// A dehumanising or excluding word and the group it attacks.
    static let groupAttack = Proximity(words: 10)
    /// The same, for a gendered group ("women", "lads"), where the words must be tighter.
    static let genderedGroupAttack = Proximity(words: 4)
    /// A hostile adjective and the group it generalises about ("lazy foreigners").
    static let hostileAdjective = Proximity(words: 5)
    /// The same, for a gendered group.
    static let genderedHostileAdjective = Proximity(words: 3)

    // MARK: The school's name and sites

    /// A logo and the thing made with it ("school logo tees").
    static let logoOnMerchandise = Proximity(words: 6)
    /// The school's name and the thing made with it, or the claim made in it ("official").
    static let nameBeside = Proximity(words: 3)
    /// A place online and the school's own website named beside it.
    static let ownWebsite = Proximity(words: 8)
    /// Setting up and the place set up, across a sentence break.
    static let setupAcrossSentences = Proximity(words: 5)
    /// Setting up and the place set up, in one sentence.
    static let setupOfPlace = Proximity(words: 8)

    // MARK: Safeguarding

    /// Laughter or a joke that makes a risk word hyperbole ("I'm dying 😂").
    static let laughterBeside = Proximity(words: 6)
}
