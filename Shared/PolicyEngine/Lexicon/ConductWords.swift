extension Lexicon {
    static let conduct: [(Cue, [String])] = [
        (
            .bullying,
            [
                "nobody likes you", "no one likes you", "noone likes you", "nobody likes u", "no one likes u", "everyone hates u",
                "nobody wants u", "no one wants u", "nobody likes her", "nobody likes him", "no one likes her",
                "no one likes him", "everyone hates you", "everybody hates you", "everyone hates her", "everyone hates him", "we all hate",
                "no friends", "no mates", "billy no mates", "nobody wants you", "no one wants you", "nobody wants her", "nobody wants him",
                "no one wants her", "no one wants him", "nobody wants to play", "don t play with", "dont play with", "leave her out",
                "leave him out", "leave them out", "not invited", "don t invite", "don t talk to", "ignore her", "ignore him", "loser~",
                "fat", "fatty", "fatso", "fat cow", "fat pig", "whale", "lard", "lard arse", "lardarse", "chubby", "porky", "piggy", "tubby",
                "podgy", "oink~", "waddling", "waddles", "lay off the pies", "ate all the pies", "ugly", "minger~", "minging", "munter~",
                "smelly", "stinks", "stinky", "smells", "tramp", "weirdo~", "freak~", "nerd~", "geek~", "cry baby", "crybaby", "big baby",
                "such a baby", "teachers pet", "teacher s pet", "four eyes", "specky", "ginger", "gingers", "nit~", "nitty", "flea~", "rat",
                "pig", "gross", "disgusting", "worthless", "pathetic", "waste of space", "nobody cares about you", "no one cares about you",
                "nobody cares what you", "go die", "kys", "kill yourself", "kill urself", "neck yourself", "go away and die",
                "why are you even alive", "you should leave", "leave the school", "move schools", "you don t belong", "get out of our",
                "dumb", "stupid", "thick", "retard", "spaz", "div", "loner", "saddo", "emo", "goth", "chav", "skank", "slag", "slut",
                "bitch", "ho", "hoe", "sket", "brace face", "pizza face", "spotty", "zit", "big nose", "dog", "dogface", "horse face",
                "rate her", "rate him", "ugliest", "fattest", "smelliest", "weirdest", "everyone laugh", "laughing at you", "laugh at her",
                "laugh at him", "laughs at her", "laughs at him", "embarrass~", "humiliat~", "mock~", "make fun of her", "make fun of him",
                "roasting her", "roasting him", "diss~", "humble her", "humble him", "let s humble",
                "thinks she s famous", "thinks he s famous", "thinks she s all that", "thinks he s all that", "can stand him",
                "can stand her", "can t stand him", "can t stand her", "who let him out", "who let her out", "looking like that",
                "the state of her", "the state of him", "look at the state of", "wets himself", "wets herself", "wet himself",
                "wet herself", "avoids him", "avoids her", "everyone avoids", "nobody plays with", "no one plays with", "nobody sits with",
                "no one sits with", "nobody will sit with", "horrible little", "nasty little", "vile little", "little brat", "spoilt brat",
                "brat", "brats", "keep your kids away from", "keep your kids well away", "stuck up", "little madam", "the odd one",
            ] + Lexicon.childMockery
        ),
        (
            .pileOn,
            [
                "everyone go", "everyone comment", "everyone message", "everyone send", "everyone report", "everyone share", "share this",
                "share if", "let s all", "lets all", "spam her", "spam him", "spam his", "spam her", "tag her", "tag him", "tag everyone",
                "pass it on", "send it round", "send this to", "screenshot this", "get everyone to", "make sure everyone", "group chat",
                "add her to", "add him to", "vote", "rate", "let s humble",
            ]
        ),
        (
            .reportedSpeech,
            [
                "called him", "called her", "called my", "calling him", "calling her", "calling my", "called them", "calls him", "calls her",
                "said he was", "said she was", "said he s", "said she s", "told him he", "told her she", "told my", "being called",
                "been called", "was called", "is being called", "keep calling", "kept calling", "being bullied", "been bullied",
                "was bullied", "is bullied", "bullied by", "being picked on", "was picked on", "reported", "has told me", "came home saying",
                "came home upset", "came home crying", "says they", "say they", "said they", "apparently", "they said", "yelling that",
                "shouting that", "screaming that", "threatened to", "threatening to", "said he d", "said she d", "said he would",
                "said she would", "said he ll", "said she ll", "that he d", "that she d", "that they d",
            ]
        ),
        (.intimidation, harassmentStrong + harassmentExposure + harassmentPersistence + harassmentPresence + harassmentEvasion + harassmentTaunt),
        (
            .mobilise,
            [
                "everyone message", "everyone ring", "everyone call", "everyone email", "everyone complain", "everyone go", "let s all",
                "lets all", "all message", "all ring", "all call", "give her a call", "give him a call", "give her a ring", "give him a ring",
                "tell her what", "tell him what", "send her", "send him", "send that", "flood", "bombard", "spam", "tag her", "tag him",
                "tag that", "share her", "share his", "share this", "pass this on", "share far and wide", "pay her a visit",
                "pay him a visit", "protest outside", "picket", "every one of you", "every single one of you", "every one of u", "all of you",
                "all of u", "200 of us", "few of us should", "dm her", "dm him", "message her", "message him", "ring her", "ring him",
                "call her", "call him", "ring it", "text it", "go and tell her", "go and tell him", "everyone give her", "everyone give him",
                "give her a beep", "give him a beep", "keep dming her", "keep dming him", "so they can ring", "email her", "email him",
                "inbox her", "inbox him", "flood her", "flood his", "flood their",
            ]
        ),
    ]

    /// Mocking a child in a photo or a line-up by looks ("the ginger one", "the fat kid").
    static let childMockery = [
        "the ginger one", "the chubby one", "the fat one", "the ugly one", "the weird one", "the smelly one", "the spotty one",
        "the fat kid", "the ugly kid", "the weird kid", "the smelly kid", "the chubby kid", "the fat boy", "the fat girl",
        "the ugly boy", "the ugly girl", "the little fat one", "the ginger kid", "the ginger boy", "the ginger girl",
    ]

    // Harassment signs, by kind. The detector counts kinds: one alone is everyday talk ("every
    // day", "her number"), two together aimed at a person is hounding. Plain words, no `~`.

    /// Cruel or menacing enough alone.
    static let harassmentStrong = [
        "i know where you live", "we know where you live", "know where you live", "know where she lives", "know where he lives",
        "know where they live", "make your life hell", "make her life hell", "make his life hell", "make your life a misery",
        "make her life a misery", "make his life a misery", "hound her out", "hound him out", "hounded out", "drive her out",
        "drive him out", "run her out", "run him out", "followed her home", "followed him home", "follow her home", "follow him home",
        "stalk", "stalking", "stalked", "stalker", "doxx", "doxxed", "doxxing", "dox", "won t leave her alone", "won t leave him alone",
        "never leave you alone", "don t get to ignore me", "not getting a minute s peace", "won t get a minute s peace",
        "can t hide from", "you haven t heard the last", "which house is yours", "i m watching you", "i am watching you",
        "we re watching you", "we are watching you", "knows we re watching", "know we re watching",
    ]
    /// Where someone lives, what they drive, how to reach them, or who they are, told to others.
    static let harassmentExposure = [
        "your address", "her address", "his address", "new address", "lives on", "lives in the", "lives at", "lives above",
        "lives next to", "the house with", "which house", "what car", "her car s the", "his car s the", "her car is the",
        "his car is the", "she parks on", "he parks on", "she s the one with", "he s the one with", "her name s", "his name s",
        "her name is", "his name is", "her number is", "his number is", "this is her number", "this is his number", "her number",
        "his number", "her mobile", "his mobile", "her phone number", "his phone number", "got your number", "her insta is",
        "his insta is", "her instagram is", "his instagram is", "her handle", "his handle", "her personal", "his personal",
        "find out your name", "find out her name", "find out his name", "find out where", "now you all know", "so you all know who",
        "screenshot below", "works as a",
        "where she works", "where he works", "name and shame", "naming and shaming", "expose her", "expose him", "exposing her",
        "exposing him",
    ]
    /// Keeping at it: every day, until they give in.
    static let harassmentPersistence = [
        "every day", "every single day", "every morning", "every single morning", "every night", "every single night", "every hour",
        "on the hour", "every time", "every week", "all week", "every pick up", "every run", "every post", "every single post",
        "again and again", "over and over", "and again", "from now on", "day and night", "until he", "until she", "until you",
        "till he", "till she", "till you", "until they", "till they", "until mrs", "until mr", "till mrs", "till mr", "until miss",
        "won t stop until", "will not stop until", "not stopping until", "not stopping till", "won t stop till", "i won t stop",
        "keep posting", "keep commenting", "keep messaging", "keep dming", "keep ringing", "keep calling", "keep emailing",
        "keep tagging", "just keep", "times this week", "more next week", "make a hundred", "hearing from me", "not going away",
        "i m not going away", "we re not going away", "this isn t over", "it s not over", "every day until", "every single day until",
        "keep going until", "keep posting until",
    ]
    /// Turning up where someone is, or watching them.
    static let harassmentPresence = [
        "at your door", "at her door", "at his door", "front door", "on your doorstep", "on her doorstep", "on his doorstep",
        "outside your house", "outside her house", "outside his house", "outside your home", "outside her home", "outside his home",
        "parked outside", "outside your classroom", "outside her classroom", "outside his classroom", "turn up at your",
        "turn up at her", "turn up at his", "pop round", "visit her", "visit him", "keep an eye on her", "keep an eye on him",
        "keeping an eye on", "where you go", "where she goes", "where he goes", "past her house", "past his house", "past your house",
        "i ll be there", "stood outside", "own doorstep", "turn up at",
    ]
    /// Getting round blocks and deletions.
    static let harassmentEvasion = [
        "blocked me", "block me", "blocked my number", "you can block me", "hide my comments", "delete it and i ll",
        "made a third", "another account", "new account", "accounts just so", "delete my comments", "made 6 accounts",
    ]
    /// Taunts that turn a grievance into a campaign against someone.
    static let harassmentTaunt = [
        "see how you like it", "see how she likes it", "see how he likes it", "taste of her own medicine", "taste of his own medicine",
        "taste of your own medicine", "see how long she lasts", "see how long he lasts", "make her feel welcome",
        "make him feel welcome", "do what you like with that", "don t think i won t", "shame if", "you ll be hearing from",
        "post it in every", "make sure everyone knows", "everyone will know",
    ]
}
