import ParapetModels

/// Pupils named: full names, and first and known-as names written as a name (the word lists
/// and the roster already drop ordinary words such as "will" and "hope" used as words), and
/// any pupil name in comments on the school's own page where the pack forbids first names
/// there.
struct PeopleDetector: Detector {
    func detect(in post: PostContext, into found: inout Detections) {
        guard !post.authorIsSchool else { return }
        let ownPageRule = post.runBy == .school && post.school.settings.pupilFirstNamesOnOwnPage == .forbidden
        for view in post.allTexts {
            let hits = post.pupilNames(in: view) + Self.recoveredNames(in: view, post: post)
            guard !hits.isEmpty else { continue }
            for hit in hits {
                let evidence = view.evidence(hit.tokens, detector: "roster-name")
                switch hit.form {
                case .full:
                    found.add(.pupilFullName, [evidence])
                    found.add(.namingPupils, [evidence])
                    if ownPageRule { found.add(.pupilFirstNameOnOwnPage, [evidence]) }
                case .first, .knownAs, .titled:
                    guard Self.isPupilName(hit, in: view, post: post) else { continue }
                    found.add(.namingPupils, [evidence])
                    if ownPageRule { found.add(.pupilFirstNameOnOwnPage, [evidence]) }
                }
            }
        }
        for tagged in post.taggedPeople where tagged.people.contains(where: { post.trust.people[Int($0)].kind == .pupil }) {
            let evidence = Evidence(span: nil, attachment: tagged.attachment, matched: "tagged pupil", detector: "roster-tag")
            found.add(.namingPupils, [evidence])
            if tagged.name.split(separator: " ").count > 1 { found.add(.pupilFullName, [evidence]) }
            if ownPageRule { found.add(.pupilFirstNameOnOwnPage, [evidence]) }
        }
    }

    /// Whether a first or known-as name that matches a pupil is that pupil, rather than an
    /// adult ("Mrs Holly ...", "Jack Frost", "Harry Potter"), the same name of someone who is
    /// not at the school yet, or part of a longer word ("Jack-o'-lanterns").
    static func isPupilName(_ hit: NameHit, in view: TextView, post: PostContext) -> Bool {
        let tokens = view.tokenized.tokens
        let first = hit.tokens.lowerBound
        let after = hit.tokens.upperBound
        // A title before it makes it an adult: "Mrs Holly Gladwell", "Mr Jack".
        if first > 0, view.hits(.personTitle).contains(where: { $0.upperBound == first }) { return false }
        if after < tokens.count {
            let next = tokens[after]
            let sameSentence = view.sentence[after] == view.sentence[first]
            // Another capitalised word straight after it that is not a name we know: someone
            // else's full name ("Jack Frost", "Harry Potters"), or a name in a title.
            if sameSentence, next.flags.contains(.capitalised), !next.flags.contains(.allCaps),
                !view.names.contains(where: { $0.tokens.lowerBound == after }),
                !view.schools.contains(where: { $0.tokens.lowerBound == after }),
                !next.flags.contains(.number), !next.flags.contains(.disguised),
                !view.hits(.pupilGroup).contains(where: { $0.lowerBound == after }),
                !Self.allowedAfter.contains(view.tokenized.word(after))
            {
                return false
            }
            // "Jack-o'-lanterns": the name is the start of a hyphenated word.
            if sameSentence, view.tokenized.word(after) == "o", tokens[after].utf16.lowerBound == tokens[after - 1].utf16.upperBound + 1 {
                return false
            }
        }
        // Someone who has not started at the school yet: "my nephew Oscar starts in Reception
        // in September".
        let sentence = view.sentence[first]
        var index = first + 1
        while index < min(tokens.count, first + 8), view.sentence[index] == sentence {
            let word = view.tokenized.word(index)
            if word == "starts" || word == "starting" || word == "joins" || word == "joining" {
                if index + 1 < tokens.count, ["in", "at", "reception", "school", "nursery"].contains(view.tokenized.word(index + 1)) {
                    var ahead = index + 1
                    while ahead < min(tokens.count, index + 6), view.sentence[ahead] == sentence {
                        if ["september", "january", "april", "next"].contains(view.tokenized.word(ahead)) { return false }
                        ahead += 1
                    }
                }
            }
            index += 1
        }
        return true
    }

    /// Verbs that, straight after a name that is also a word, make it a child doing something:
    /// "Hope did amazing", "Frank smashed the Y3 race" (not "Hope everyone has", "Mark my words").
    static let childVerbs: Set<String> = WordBook.set("peopleChildVerbs")
    /// Words before a name, written in any case, that make it a child's name: "well done matt".
    static let praiseBefore: [String] = WordBook.current.list("peoplePraiseBefore")

    /// Pupils' first names that are also words, which the matcher leaves out at the start of a
    /// sentence or in lower case, taken back where what is around them makes them a child:
    /// "Hope did amazing at the Eisteddfod", "Hope from Year 6 read her poem", "well done matt".
    static func recoveredNames(in view: TextView, post: PostContext) -> [NameHit] {
        var result: [NameHit] = []
        let tokens = view.tokenized.tokens
        // Only a token whose letters are a one-word first or known-as name can be taken back:
        // the matcher listed those, and most posts have none.
        for index in view.nameWordTokens {
            let flags = tokens[index].flags
            guard !flags.contains(.allCaps), !flags.contains(.tagged), view.tokenized.leet(index).count >= 3 else { continue }
            let opensSentence = flags.contains(.sentenceStart) && flags.contains(.capitalised)
            let praised =
                index > 0 && view.sentence[index - 1] == view.sentence[index]
                && praiseBefore.contains { view.tokenized.leet(index - 1).elementsEqual($0.utf8) }
            guard opensSentence || (praised && (!flags.contains(.capitalised) || flags.contains(.sentenceStart))) else { continue }
            let word = view.tokenized.word(index)
            guard OrdinaryWords.names.contains(word) else { continue }
            guard !view.names.contains(where: { $0.tokens.contains(index) }) else { continue }
            let next = index + 1 < tokens.count && view.sentence[index + 1] == view.sentence[index] ? view.tokenized.word(index + 1) : ""
            var child = false
            if opensSentence {
                if childVerbs.contains(next) { child = true }
                if next == "from" || next == "in", index + 2 < tokens.count,
                    view.hits(.pupilGroup).contains(where: { $0.lowerBound == index + 2 })
                        || view.hits(.childWord).contains(where: { $0.lowerBound == index + 2 })
                {
                    child = true
                }
            }
            if praised,
                next.isEmpty || childVerbs.contains(next) || next == "on" || next == "and"
                    || tokens[index].utf16.upperBound < (index + 1 < tokens.count ? tokens[index + 1].utf16.lowerBound - 1 : Int32.max)
            {
                child = true
            }
            guard child, let term = post.trust.vocabulary.lookup(view.tokenized.plain(index)) else { continue }
            // The patterns this word alone completes: those ending on the root's step on it.
            let automaton = post.trust.automaton
            for slot in automaton.endingSlots(at: automaton.step(from: 0, on: term)) {
                guard case .name(let entry) = post.trust.endingPatterns[slot].payload else { continue }
                let name = post.trust.names[Int(entry)]
                guard name.form == .first || name.form == .knownAs, let people = name.people(of: post.school.index) else { continue }
                let pupils = people.filter { post.trust.people[Int($0)].kind == .pupil }
                if !pupils.isEmpty { result.append(NameHit(form: name.form, people: pupils, tokens: index..<(index + 1))) }
            }
        }
        return result
    }

    /// Capitalised words that may follow a pupil's first name without making it someone
    /// else's: "Maisie Year 6", "Tilda Happy birthday" (emoji-less run-ons), "Well done Ruby!! Congrats".
    private static let allowedAfter: Set<String> = WordBook.set("peopleAllowedAfter")
}
