import ParapetModels

/// The words school policies use for each behaviour the engine has, as ``PackDrafter`` reads
/// them. A sentence may state several rules at once ("rude or abusive towards any member of our
/// school community" is both language and a comment about a person), so every rule that matches
/// places it. To teach the drafter a new way of saying something, add the phrase here and a
/// sentence using it to the drafting tests.
public enum ClauseRules {
    static let pictures = ["photo", "image", "picture", "video", "footage", " clip"]
    static let withoutConsent = [
        "consent", "permission", "other children", "other pupils", "other students", "other people's children", "without their",
        "other people's", "other than your own", "checking with", "without asking", "without first", "have agreed", "unless",
    ]
    static let children = ["pupil", "child", "student", " kid", " son", "daughter"]
    static let naming = [" naming", " name ", " names ", " name,", " names,", "identify", "identified", "names of"]
    /// Words that put a rule on the school's own pages ("on our Social Media accounts"): a
    /// pupil's first name there, and any clause's `where: own_page`.
    static let ownPages = [
        "our social media", "our facebook", "our school facebook", "our twitter", "our page", "our site", "our school page", "our accounts",
        "these pages", "own channels",
        "own pages", "school channel", "school's page", "school's own", "school's facebook", "school's website", "school's accounts",
        "school's social media", "academy's own", "official page", "official account",
    ]
    static let contactWords = [
        "communicate with", "contact with", "as friends", "friend request", "friend or follow", "follow request", "connection request",
        "accept or initiate", "accept or send", "message pupils", "message students", "messaging", "privately", "personal contact details",
    ]
    static let concern = ["complain", "complaint", "grievance", "concern", " issue", " worr", "unhappy", " problem"]
    static let properChannel = [
        "speak to", "come and", "contact the school", "contact school", "directly", "rather than", "talk to", "chat to", "sort it",
        "appropriate channel", "brought to", "raise", "raising", " air ", "social media", "facebook", "online",
    ]

    public static let all: [ClauseRule] = [
        ClauseRule(
            .cyberbullying,
            [
                "bully", "bullie", "bullying", "picking on", "pick on", "gang up", "ganging up", "pile on", "pile-on", "encouraging others to join",
                "meant to hurt", "intended to hurt", "humiliat",
            ]),
        ClauseRule(
            .harassment,
            ["harass", "pester", "repeatedly", "single out", "intimidat", "campaign of", "repeated messages", "targeting", "stalk", "hound"]),
        ClauseRule(
            .hateSpeech,
            [
                "racis", "racial", "sexist", "homophob", "transphob", "disablist", "hate speech", "hatred", "hateful", "discriminat", "prejudic",
                "bigot", "religio",
            ]),
        ClauseRule(.threatOfViolence, ["violence", "violent", "threat", "harm anyone", "hurt anyone", "to harm"], unless: ["extremis"]),
        ClauseRule(.grosslyObscene, ["obscen", "grossly offensive", "indecent", "pornograph", "sexually explicit", "explicit", "lewd"]),
        ClauseRule(
            .abusiveLanguage,
            [
                "abusive", " rude", " language", "swear", "profan", "hurtful", "off-hand", "vulgar", "crude", "foul", "expletive",
            ]),
        ClauseRule(
            .negativeCommentAboutIndividual,
            [
                "derogatory", "negative or offensive", "negative/offensive", "negative comments", "offensive comments", "courtesy", "respectful",
                "respect for", "rude or abusive towards", "hurtful", "insult", "belittl", "mock", "criticis", "ridicul", "demean", "disparag",
                "unkind", "nasty", "personal attack",
            ]),
        ClauseRule(.defamation, ["defam", "libel", "slander", "untrue", "false statement", "falsehood", "false claim", "false or"]),
        ClauseRule(.allegation, ["allegation", "accusation", "accuse", "unfounded claim"]),
        ClauseRule(
            .misplacedComplaint,
            [
                "complaints about", "complain about", "making complaints", "air grievances", "airing grievances", "not the place to raise",
            ]),
        ClauseRule(.misplacedComplaint, concern, alsoNeeds: [properChannel], unless: ["safeguarding", "at risk", "safety"]),
        ClauseRule(.namingPupils, naming + ["to do with pupils"], alsoNeeds: [children], unless: ["full name", "surname"]),
        ClauseRule(.pupilFullName, ["full name", "surname"], alsoNeeds: [children]),
        ClauseRule(.pupilFirstNameOnOwnPage, naming + ["first name"], alsoNeeds: [children, ownPages]),
        ClauseRule(.photoWithoutConsent, pictures, alsoNeeds: [withoutConsent]),
        ClauseRule(
            .pupilImagesSwimwearOrKit,
            [
                "swimming costume", "swimwear", "swimsuit", "leotard", "pe kit", "sports kit", "changing room", "changing for", "underwear",
                "state of undress",
            ]),
        ClauseRule(
            .confidentialInformation,
            [
                "confidential", "business-sensitive", "sensitive information", "personal information about", "personal details", "medical",
                "where they live", "home address", "disclos", "internal business", "business of the school", "academy business", "school business",
            ]),
        ClauseRule(
            .privateMatters,
            [
                "specific matters", "personal matters", "matters between", "personal comments", "private matters", "private lives",
                "family circumstances", "personal circumstances", "gossip",
            ]),
        ClauseRule(
            .bringingSchoolIntoDisrepute,
            [
                "disrepute", "reputation", "lower the school", "good name of the school", "links the school to", "standing of the",
                "public confidence", "embarrass the school", "undermine",
            ]),
        ClauseRule(.unofficialSchoolSite, ["set up a site", "site that refers to", "page in the school's name", "representing the"]),
        ClauseRule(
            .unofficialSchoolSite, ["set up", "create", "start a", "run a"],
            alsoNeeds: [[" site", " page", " group", " forum", " account"], ["school", "academy", "represent", " name"]]),
        ClauseRule(
            .unauthorisedUseOfSchoolName,
            [
                "school's name", "school's logo", "name of the school", " logo", " badge", " crest", "branding", "academy's name",
            ]),
        ClauseRule(
            .underageAccount,
            [
                "age of 13", "age of 14", "years old", "age limit", "under the age", "under 13", "aged 13", "minimum age", "age requirement",
                "old enough", "too young", "age restriction",
            ]),
        ClauseRule(.safeguardingExtremism, ["extremis", "radicalis", "radicaliz", "terroris"]),
        ClauseRule(
            .safeguardingConcern,
            [
                "safeguarding concern", "at risk", "child's safety", "unsafe", "in danger", "child protection", "designated safeguarding lead",
                "worried about a friend", "worried about a child",
            ], alsoNeeds: [["report", " tell", " pass", "contact", "refer", "inform", " must", " should", "asked to"]]),
        ClauseRule(.staffReferringToWorkplace, ["place of work", "workplace", "where they work", "employer"], staffOnly: true),
        ClauseRule(.staffContactWithPupils, contactWords, alsoNeeds: [["pupil", "parent", "child", "student"]], staffOnly: true),
        ClauseRule(.staffPostingPupilImages, pictures, unless: ["consent form"], staffOnly: true),
        ClauseRule(
            .staffReplyingAboutSchool,
            [
                "respond to", " reply", "replies", " redirect", "opinions about", "information or opinions", "drawn into", "comment on posts",
                "engage with",
            ], staffOnly: true),
    ]

    /// Words that make a sentence a rule although it names no behaviour the engine has: these
    /// sentences are listed in the draft for a person to place.
    public static let ruleWords = [
        "should not", "must not", "must ", "do not", "don't", "never", "not allowed", "not permitted", "cannot", "will not be tolerated",
        "not tolerate", "not acceptable", "inappropriate", "please", "we ask", "asked to", "asked not to", "expected to", "ensure",
        "responsibility", "obliged", "should ", "agree not", "no place", "not the place", "under no circumstances", "avoid", "will not",
        "only ", "no one", "nobody", "may not", "are not to", "police", "will be treated", "will be dealt with", "advise",
    ]
}
