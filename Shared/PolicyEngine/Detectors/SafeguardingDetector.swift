import ParapetModels

/// Safeguarding: signs of radicalisation (PREVENT) and children at risk (self-harm, abuse,
/// neglect, grooming), routed as safeguarding rather than as bad manners.
///
/// Extremism: a strong phrase alone ("white power", "heil hitler"), or an extremist term
/// (a group, a figure, "jihad") with praise or a call to act in its sentence, or with an
/// invitation to join anywhere in the post; lessons, news and condemnation in the term's
/// sentence, and laughter in the post, turn a term back into a near miss.
///
/// Concern: a risk phrase is strong (decides alone), *voiced* (needs a pupil author, someone of
/// the household in its sentence, a worried or help-seeking voice, or a second risk), or
/// *corroborated* (needs a second risk or a worried voice: "starving", "bruises", "snapchat"
/// are everyday words until something else says a child is at risk). Laughter beside a risk
/// makes it hyperbole.
struct SafeguardingDetector: Detector {
    /// The key a phrase is compared by: no spaces, runs of one letter squeezed to one, so
    /// "don t tell", "dont tell" and "dont telll" meet.
    static func key<S: Sequence>(_ words: S) -> [UInt8] where S.Element == UInt8 {
        var result: [UInt8] = []
        for byte in words where byte != 0x20 {
            if result.last != byte { result.append(byte) }
        }
        return result
    }

    static func keys(_ phrases: [String]) -> Set<[UInt8]> {
        Set(phrases.map { phrase in key(phrase.utf8.map { byte in byte == 0x27 ? 0x20 : byte }) })
    }

    func key(of range: Range<Int>, in view: TextView) -> [UInt8] {
        var result: [UInt8] = []
        for index in range {
            for byte in view.tokenized.leet(index) where result.last != byte { result.append(byte) }
        }
        return result
    }

    /// Risk phrases that need a second risk or a worried voice beside them.
    static let corroborate = keys([
        "snapchat", "new phone", "new trainers", "lots of money", "late at night", "cash for", "staying out", "secret", "smells",
        "same clothes", "dirty clothes", "home alone", "left alone", "run away", "running away", "ran away", "starving", "kicked out",
        "thrown out", "on drugs", "takes drugs", "been drinking", "s been drinking", "drunk again", "always drunk", "drinks all the time",
        "bruises", "bruise", "bruised", "bruising", "bruiser", "bruisers", "bruisy", "not collected", "nobody picked", "no one picked",
        "nobody came", "no dinner", "no tea", "no heating", "no electric", "no lights on", "terrified of", "frightened of",
        "scared of him", "private chat", "in his car", "meet him", "picked me up", "picks her up", "picks him up", "older boy",
        "older guy", "older lad", "older man", "strange man", "strange car", "special friend", "bought me a", "pills", "razor", "blade",
        "blades", "bladed", "od", "od d", "end it", "ending it", "jump off", "jumping off", "kids screaming", "children screaming",
        "screaming and crying", "crying and screaming", "to get married", "taken abroad", "goes missing", "went missing",
        "hungry all the time", "always hungry", "sleeping on the floor", "sleeping in the car", "looking after the baby",
        "looking after the little one", "looking after the little ones", "looking after her brother", "looking after his brother",
        "looking after her brothers", "looking after his brothers", "looking after her sister", "looking after his sister",
        "looking after her sisters", "looking after his sisters", "no coats on", "no coat on", "no shoes on", "out in the street at",
        "out on the street at", "out on the streets", "wandering the streets", "roaming the streets", "out till midnight",
        "till gone midnight", "out at midnight", "crying on the step", "crying on the doorstep", "sat crying outside", "shut in the",
        "locked in the", "has to hide", "have to hide", "touch him", "in my bed", "in her bed", "don t tell", "won t tell",
        "not to tell", "mustn t tell", "met online", "someone online", "asked me to send", "asking me to send", "pictures of me",
        "photos of me", "pics of me", "wants to meet up", "asked to meet", "meet up with him", "meet me at", "gave me money",
        "gives me money", "doing jobs for", "jobs for him", "delete the messages", "deleted the messages", "delete the chat", "he loves me",
        "he says he loves me", "get in the car", "man in a car", "man in a van", "man in a silver car", "man in a white van", "carrying for",
        "selling for", "holding stuff for", "messaging the kids", "not eating", "last post", "sorry for everything", "goodbye everyone",
        "without it hurting", "best way to kill", "easiest way to kill", "quickest way to kill", "ways to die", "abuse", "abuses",
        "abused", "abusing", "abuser", "abusers", "abusive", "neglect", "neglects", "neglected", "neglecting", "neglectful",
    ])
    /// Risk phrases that a pupil's own voice, a household member in the sentence, a worried
    /// voice or a second risk make a concern.
    static let voiced = keys([
        "hit me", "hurt me", "beat me", "kicked me", "punched me", "slapped me", "hate myself", "i hate myself", "hate my life",
        "i hate my life", "can t cope", "can t go on", "can t do this anymore", "stopped eating", "don t eat anymore", "don t eat any more",
        "not eating anymore", "want to disappear", "wanna disappear", "left on my own", "left on their own", "left on his own",
        "left on her own", "left by themselves", "left home alone", "touches her", "touched her", "touching her", "touches him",
        "touched him", "touching him", "touches me", "touched me", "touching me", "hits her", "hits him", "beats her", "beats him",
        "hurts her", "hurts him", "hits them", "beats them", "dad hits", "mum hits", "step dad hits", "stepdad hits", "marks on his",
        "marks on her", "marks on my", "black eye", "burns on", "makes him sleep", "makes her sleep", "make him sleep", "make her sleep",
        "makes me sleep", "sleep in the garage", "sleep in the shed", "sleep in the car", "sleeping in the garage", "sleeping outside",
        "sleep outside", "kept off school", "keeps them off school", "locks them in", "locked them in", "locks him in", "locked him in",
        "locks her in", "locked her in", "shut them in", "locked in their room", "locked in her room", "locked in his room",
        "threw a plate", "threw it at me", "throws things at me", "with the belt", "with a belt", "with his belt", "goes mad when",
        "goes mental when", "when he s been drinking", "when she s been drinking", "collapsed drunk", "passed out drunk", "mum is drunk",
        "dad is drunk", "scared of my dad", "scared of my mum", "scared of my stepdad", "scared of what he ll do",
        "scared of what she ll do", "scared of what shell do", "scared of what hell do", "hide in my wardrobe", "hide in his wardrobe",
        "hide in her wardrobe", "comes into my room", "comes into her room", "our secret", "not allowed to tell", "promise not to tell",
        "begged me not to tell", "no one will believe", "nobody will believe", "sending me away", "sending her away", "taken to pakistan",
        "haven t eaten", "haven t had anything", "not had anything to eat", "not eaten since", "hasn t eaten", "hasn t been fed",
        "not been fed", "no one feeds", "nobody feeds", "no one ever makes me", "nobody ever makes me", "nobody makes me", "no one makes me",
        "nothing to eat", "never anything in", "nappy hasn t been changed", "nappy not changed", "not been changed for days",
        "nobody cares about me", "no one cares about me", "don t feel safe", "doesn t feel safe", "can t go home",
        "man online", "a man on", "a guy on", "a man who says", "a man who said", "messages from a man", "messaging from a man",
        "man says he s", "says he s 15", "says he s 14", "says he s 13", "says he s 16", "sends me pictures", "sent me pictures",
        "sends me photos", "sent me photos", "asked me for pictures", "asked me for photos", "asked for pictures", "asked for photos",
        "asking for pics", "asking her for pics", "asking him for pics", "asking for photos", "asked for pics", "asked me for pics",
        "asking me for pics", "asking her for photos", "nudes", "keeps asking me to send", "send him pictures", "send him photos",
        "send him pics", "wants to meet me", "wants to meet her", "wants to meet him", "bought me a phone", "gave me vapes",
        "gives me vapes", "giving them vapes", "giving the kids vapes", "vapes and cash", "vapes and money", "said not to tell",
        "told me not to tell", "telling them not to tell", "telling her not to tell", "telling him not to tell", "don t tell your mum",
        "don t tell your parents", "keep it a secret", "keep it secret", "keep it between us", "our little secret", "my boyfriend is 18",
        "my boyfriend is 19", "my boyfriend is 20", "my boyfriend is 21", "boyfriend is older", "my boyfriend is older",
        "secret boyfriend", "says he s my boyfriend", "said he s my boyfriend", "get in his car", "get in the van", "get into his car",
        "asking them to get in", "asked them to get in", "asked her to get in", "asked him to get in", "offering sweets", "offered sweets",
        "offering the kids sweets", "offering kids sweets", "offering them sweets", "approaching children", "approaching kids",
        "approached kids", "approached children", "county lines", "running drugs", "missing from home", "is grooming", "grooming her",
        "grooming him", "grooming them", "messaging the under", "messaging kids", "suicide", "self harm", "selfharm", "hurt myself",
        "burn myself", "throw myself", "overdose", "overdosed", "make myself sick", "making myself sick", "throwing up after",
        "throws up after", "cuts on her", "cuts on his", "cuts on their", "cuts all over", "scars on her", "scars on his", "scars on my",
        "wrists cut", "if i wasn t here", "if i wasn t around", "if i weren t here", "if i was gone", "if i were gone", "if i was dead",
        "if i were dead", "if i disappeared", "better off if i", "how many pills", "this is goodbye",
    ])
    /// Who lives with a child: not a risk alone, but voices a risk in their sentence.
    static let household = keys([
        "mum s boyfriend", "mums boyfriend", "mum s new boyfriend", "her boyfriend", "stepdad", "step dad", "stepfather", "step father",
        "stepmum", "step mum", "uncle", "her uncle", "his uncle", "my uncle", "lodger",
    ])
    /// Calls to join that make an extremist term a recruitment, wherever they stand.
    static let recruitment = keys([
        "dm me", "pm me", "message me", "inbox me", "get in touch", "sign up", "join us", "now recruiting", "recruiting",
        "young ones welcome", "lads welcome", "first session free", "get them in", "i ll get them in", "send their sons",
        "send your sons", "send your boys", "bring your sons", "bring your boys", "get your lads ready", "train your sons",
        "training your sons", "start training", "training weekends", "training weekend",
    ])
    /// Perpetrators of attacks, praised only by words after them ("the bomber was a hero").
    static let perpetrators = keys([
        "breivik", "tarrant", "elliot rodger", "rodger", "bin laden", "osama", "mcveigh", "dylann roof", "jihadi john", "bomber",
        "bombers", "suicide bomber", "suicide bombers", "gunman", "the attacker", "the shooter", "christchurch shooter", "mosque shooter",
    ])
    /// Terms extremist only when the post recruits ("teaches lads how to defend the nation, sign up").
    static let recruitOnly = keys([
        "defend the nation", "defend our nation", "defend our country", "defend our land", "defend our people", "defend britain",
        "defend england", "patriotic youth",
    ])
    /// What may follow "white power" and the like in an ordinary sentence ("a white power lead").
    static let benignFollowers: Set<String> = WordBook.set("safeguardingBenignFollowers")

    /// Laughing emoji that take a short post's worry back; not 😭, which may be real distress.
    static let laughingNotCrying = TextView.Emoji.laughing.subtracting([0x1F62D])

    func detect(in post: PostContext, into found: inout Detections) {
        for view in post.allTexts {
            let laughs = view.hits(.hyperbole)
            detectExtremism(in: view, laughs: laughs, into: &found)
            detectConcern(in: view, post: post, laughs: laughs, into: &found)
        }
    }

    private func detectExtremism(in view: TextView, laughs: [Range<Int>], into found: inout Detections) {
        guard view.has(.extremismStrong) || view.has(.extremismTerm) || view.has(.replacementTalk) || view.has(.callToAct) else { return }
        let calls = view.hits(.callToAct)
        // Explained, called a lie or worried about ("the PREVENT session explained the 'great
        // replacement' conspiracy theory"), with no call to act: talk about it, not of it.
        let counteredTalk = view.hits(.extremismCountered).contains { !view.isQuoted($0) }
        let countered = calls.isEmpty && counteredTalk
        var extremism = replacementRhetoric(in: view, laughs: laughs, calls: calls, countered: counteredTalk)
        var strong: [Range<Int>] = []
        for hit in view.hits(.extremismStrong) {
            if hit.upperBound < view.tokenCount, Self.benignFollowers.contains(view.tokenized.word(hit.upperBound)) { continue }
            strong.append(hit)
            if countered { continue }
            extremism.append(view.evidence(hit, detector: "extremism"))
        }
        let praise = view.hits(.extremismPraise)
        let recruits = praise.filter { hit in
            Self.recruitment.contains(key(of: hit, in: view)) && !view.inSentence(.learningContext, with: hit)
        }
        for term in view.hits(.extremismTerm) {
            if strong.contains(where: { $0.overlaps(term) }) { continue }
            // "5s" is not "SS": a short term read through digits is a coincidence.
            if term.count == 1, view.tokenized.tokens[term.lowerBound].flags.contains(.disguised), view.tokenized.leet(term.lowerBound).count <= 4 {
                continue
            }
            let learning = view.inSentence(.learningContext, with: term)
            let termKey = key(of: term, in: view)
            let after = Self.perpetrators.contains(termKey)
            let near =
                Self.recruitOnly.contains(termKey)
                ? []
                : praise.filter { hit in
                    view.sameSentence(hit, term) && !hit.overlaps(term)
                        && (!after || (hit.lowerBound >= term.upperBound && hit.lowerBound - term.upperBound <= 4))
                }
            let recruiting = recruits.filter { !$0.overlaps(term) }
            if !recruiting.isEmpty && !learning {
                extremism += [view.evidence(term, detector: "extremism")] + recruiting.map { view.evidence($0, detector: "extremism-recruitment") }
            } else if !near.isEmpty && !learning && laughs.isEmpty {
                extremism += [view.evidence(term, detector: "extremism")] + near.map { view.evidence($0, detector: "extremism-praise") }
            }
        }
        if !extremism.isEmpty { found.add(.safeguardingExtremism, extremism) }
    }

    /// Replacement talk with a call to act, or with "us and them"; or a call to act against a
    /// group: extremist rhetoric without a slur or a named movement. Not when laughed off,
    /// explained or put down without a call to act (`countered`: the text explains, disputes or
    /// worries about such talk outside quotes).
    private func replacementRhetoric(in view: TextView, laughs: [Range<Int>], calls: [Range<Int>], countered: Bool) -> [Evidence] {
        guard laughs.isEmpty else { return [] }
        let talk = view.hits(.replacementTalk)
        guard !talk.isEmpty || !calls.isEmpty else { return [] }
        let sides = view.hits(.usAndThem) + view.hits(.identityGroup)
        if calls.isEmpty {
            guard !countered, !view.has(.learningContext), Set(talk.map { view.phrase($0) }).count >= 2 || !talk.isEmpty && !sides.isEmpty else {
                return []
            }
        } else {
            guard !talk.isEmpty || !sides.isEmpty else { return [] }
        }
        return (talk + calls + sides).sorted { $0.lowerBound < $1.lowerBound }.map { view.evidence($0, detector: "extremism-rhetoric") }
    }

    private func detectConcern(in view: TextView, post: PostContext, laughs: [Range<Int>], into found: inout Detections) {
        guard view.has(.selfHarm) || view.has(.abuseAtHome) || view.has(.grooming) else { return }
        let emoji = view.tokenCount < 30 && view.holds(anyOf: Self.laughingNotCrying)
        enum Tier { case strong, voiced, corroborate }
        var risks: [(hit: Range<Int>, cue: Cue, tier: Tier)] = []
        var household: [Range<Int>] = []
        for cue in [Cue.selfHarm, .abuseAtHome, .grooming] {
            for hit in view.hits(cue) {
                let riskKey = key(of: hit, in: view)
                if Self.household.contains(riskKey) {
                    household.append(hit)
                    continue
                }
                if laughs.contains(where: { view.sameSentence($0, hit) || TextView.near($0, hit, within: .laughterBeside) }) || emoji { continue }
                // The same words under two cues, or inside a longer risk, are one risk.
                if risks.contains(where: { $0.hit == hit }) { continue }
                let tier: Tier = Self.corroborate.contains(riskKey) ? .corroborate : Self.voiced.contains(riskKey) ? .voiced : .strong
                risks.append((hit, cue, tier))
            }
        }
        guard !risks.isEmpty else { return }
        let worried = view.has(.thirdPartyConcern)
        var concern: [Evidence] = []
        for risk in risks {
            let others = risks.filter { !$0.hit.overlaps(risk.hit) }
            // A second risk vouches for a weak one; two everyday words ("snapchat", "new phone") take a third.
            let vouched = others.contains { $0.tier != .corroborate } || others.count >= 2
            let accepted: Bool
            switch risk.tier {
            case .strong: accepted = true
            case .voiced:
                accepted =
                    worried || !others.isEmpty || post.author == .pupil
                    || household.contains { view.sameSentence($0, risk.hit) } || view.inSentence(.adultRelative, with: risk.hit)
            case .corroborate: accepted = worried || vouched
            }
            if accepted { concern.append(view.evidence(risk.hit, detector: "safeguarding-\(risk.cue)")) }
        }
        if !concern.isEmpty { found.add(.safeguardingConcern, concern) }
    }
}
