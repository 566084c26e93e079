/// What a word or phrase from the word lists suggests. Detectors combine cues with each other,
/// with the people named and with the post's context; no cue decides a behaviour alone unless
/// its detector says so.
enum Cue: UInt8, CaseIterable, Sendable {
    // Language
    case swearing, mildSwearing, insult, selfDeprecation
    case sexual, sexualAmbiguous
    case slurRace, slurReligion, slurSexuality, slurGender, slurDisability
    case identityGroup, dehumanising, exclusion, generalisation, hostileAdjective
    // Violence
    case violence, violenceIdiom, threatIntent, threatPhrase, harmWish
    // Conduct
    case bullying, pileOn, reportedSpeech, intimidation, mobilise
    /// Spreading a picture or video of a child to mock them (`03-conduct.words`).
    case spreading, mocking, notSpreading
    // People and places
    case personReference, staffRole, childWord, ownChild, adultRelative, thirdPartyChild, personTitle, schoolWord, pupilGroup, externalBody
    // Accusations and complaints
    case misconduct, defamatory, accidentContext, negativeTrait, complaint, complaintResolved, praise, disrepute, question
    // Privacy
    case sensitive, privateChannel, revealing, schedulingOnly
    // Staff
    case contactInvite, workplace, officialChannel
    // Names and sites
    case commerce, officialClaim, authorised, siteSetup, schoolOwnWebsite
    // Age
    case ageStatement, pastTense
    // Images
    case swimwear, kitOrder, event, groupOfChildren, soloChild, nonPersonImage
    // Safeguarding
    case extremismStrong, extremismTerm, extremismPraise, learningContext, replacementTalk, callToAct, usAndThem, extremismCountered, selfHarm,
        abuseAtHome, grooming, thirdPartyConcern, hyperbole
    // added by allegation, defamation, negative_comment_about_individual
    case reportedElsewhere, misconductIdiom, personDescription
    // added by abusive_language, grossly_obscene, hate_speech (language): innocent phrases holding a rude-looking word
    // ("pussy willow", "blue tits", "Dick Whittington"), and friendly teasing ("love you really", "only joking")
    case benignLanguage, affection
    // Something the school did to a family, or a request to it to change: signs of a grievance.
    case grievance
    /// Things the school decides or runs: its policies, systems, meals, trips.
    case schoolMatter
    /// A slur a trust added (`words: hate_speech` in `trust.yaml`): read as the built-in slurs are.
    case trustSlur
}

extension Cue {
    /// The case's name ("groupOfChildren"), as string interpolation writes it, for evidence's
    /// detector names: kept once, since interpolating an enum reflects on it every time.
    var name: String { Self.names[Int(rawValue)] }

    /// By raw value: the cases are declared without raw values, so they count from 0 in order.
    private static let names: [String] = allCases.map { "\($0)" }
}
