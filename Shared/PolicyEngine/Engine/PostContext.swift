import Foundation
import ParapetModels

/// Everything the detectors read about one post: its texts as the matcher sees them, who wrote
/// it, where, and what is attached.
struct PostContext {
    // What the detectors read of the post itself, not the whole `Post`: copying that into every
    // context retained and released each of its dozen strings for every post.
    /// The post's attachments.
    let media: [MediaAttachment]
    /// Whether the post replies to another.
    let isReply: Bool
    let createdAt: Date
    let school: CompiledSchool
    let trust: CompiledTrust
    /// Who runs the account posted on (the school, a parents' group, …): all the detectors read
    /// of the account, kept rather than a copy of it.
    let runBy: MonitoredAccount.Operator
    let text: TextView
    /// Alt texts of the attachments that have one.
    let altTexts: [TextView]
    /// The roster person whose handle wrote the post, if any.
    let authorPerson: Person?
    let author: AuthorRole
    /// The school itself posting on its own account.
    let authorIsSchool: Bool
    /// The age the author says they are, if they do.
    let declaredAge: DeclaredAge?
    /// Every text of the post: the body, then the alt texts (stored: every detector walks it).
    let allTexts: [TextView]

    /// `post` is borrowed: an initialiser takes its arguments owned by default, which made the
    /// caller copy the whole post (retaining each of its strings) for every context.
    init(post: borrowing Post, school: CompiledSchool, trust: CompiledTrust, account: CompiledAccount) {
        media = post.media
        isReply = post.replyTo != nil
        createdAt = post.createdAt
        self.school = school
        self.trust = trust
        runBy = account.runBy
        text = TextView(text: post.text, attachment: nil, trust: trust, school: school.index)
        altTexts = post.media.enumerated().compactMap { index, media in
            guard let alt = media.altText, !alt.isEmpty else { return nil }
            return TextView(text: alt, attachment: index, trust: trust, school: school.index)
        }
        allTexts = altTexts.isEmpty ? [text] : [text] + altTexts
        declaredAge = DeclaredAge.find(in: text)
        let handle = CompiledTrust.handleKey(post.author.handle)
        let person = trust.person(withHandle: handle).map { trust.people[Int($0)] }
        authorPerson = person
        switch person?.kind {
        case .pupil: author = .pupil
        case .staff: author = .staff
        case .governor: author = .governor
        case nil:
            switch post.author.kind {
            case .parent: author = .parent
            case .staff: author = .staff
            case .pupil: author = .pupil
            case .governor: author = .governor
            case .public, .unknown:
                // Someone who says they are 11 is a pupil, whatever the platform guessed.
                if let declaredAge, declaredAge.years < 18 {
                    author = .pupil
                } else {
                    author = post.author.kind == .public ? .publicMember : .unknown
                }
            }
        }
        let ownAccount = account.runBy == .school
        authorIsSchool =
            ownAccount
            && (handle == account.externalHandleKey || handle == account.lowercasedID
                || post.author.displayName == account.name || post.author.displayName == school.school.name)
    }

    /// Attached images (anything not video or other).
    var images: [Int] {
        media.indices.filter { media[$0].type == .image }
    }

    /// Names of people tagged in images, matched against the post school's roster.
    var taggedPeople: [(attachment: Int, people: [Int32], name: String)] {
        var result: [(Int, [Int32], String)] = []
        for index in media.indices {
            for name in media[index].taggedPeople ?? [] {
                let view = TextView(text: name, attachment: index, trust: trust, school: school.index)
                let people = view.names.flatMap(\.people)
                if !people.isEmpty { result.append((index, people, name)) }
            }
        }
        return result
    }

    /// The roster pupils of this school named in `view`.
    func pupilNames(in view: TextView) -> [NameHit] { view.pupilNames }

    /// The staff and governors of this school named in `view`.
    func adultNames(in view: TextView) -> [NameHit] { view.adultNames }

    /// The date the post was made, for ages.
    var postedOn: CalendarDate {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/London") ?? .gmt, from: createdAt)
        return CalendarDate(year: components.year ?? 2026, month: components.month ?? 1, day: components.day ?? 1)
    }
}

/// Helpers the people, photo, staff and school-name families share.
extension PostContext {
    /// Words after a bare place name ("Stour Provost", "Trimley") that make it the school:
    /// "Trimley Year 4 parents", "Levens families", "Stour Provost leavers".
    private static let schoolFollowers: Set<String> = WordBook.set("postContextSchoolFollowers")
    /// Words after a bare place name that make it the village or town ("Trimley St Martin
    /// village fete", "Levens village group").
    private static let placeFollowers: Set<String> = WordBook.set("postContextPlaceFollowers")

    /// Mentions of the post's own school in `view`. A match that spells out "school",
    /// "primary" or "CE", or is followed by a word about the school ("Trimley Year 4",
    /// "Levens parents"), is `strong`; a bare place name ("snowing in Trimley", "Stour
    /// Provost village") is `weak`, and is dropped when what follows makes it the place.
    func ownSchoolMentions(in view: TextView) -> (strong: [Range<Int>], weak: [Range<Int>]) {
        var strong: [Range<Int>] = []
        var weak: [Range<Int>] = []
        for mention in view.schools where mention.school == school.index {
            let range = mention.tokens
            var spelled = false
            for index in range where Self.schoolFollowers.contains(view.tokenized.word(index)) { spelled = true }
            if spelled || range.count >= 4 { strong.append(range); continue }
            if range.upperBound < view.tokenCount, !view.tokenized.tokens[range.upperBound].flags.contains(.sentenceStart) {
                let next = view.tokenized.word(range.upperBound)
                if Self.schoolFollowers.contains(next) { strong.append(range); continue }
                if Self.placeFollowers.contains(next) { continue }
            }
            if range.lowerBound > 0 {
                let before = view.tokenized.word(range.lowerBound - 1)
                if before == "through" || before == "via" || before == "near" || before == "around" || before == "round" { continue }
            }
            weak.append(range)
        }
        return (strong, weak)
    }

    /// Whether a word shortly before `range` in its sentence negates it: "not", "never", "no",
    /// "don't", "can't", "won't", "please don't message me", "not to send friend requests".
    static func negated(_ range: Range<Int>, in view: TextView, window: Int = 4) -> Bool {
        let text = view.tokenized
        var index = range.lowerBound - 1
        let stop = max(0, range.lowerBound - window)
        while index >= stop {
            if view.sentence[index] != view.sentence[range.lowerBound] { return false }
            let word = text.leet(index)
            if word.elementsEqual("t".utf8), index > 0, text.tokens[index - 1].flags.contains(.apostropheAfter) { return true }
            if view.phrase(index..<(index + 1), isIn: negations) { return true }
            index -= 1
        }
        return false
    }

    private static let negations = PhraseSet(WordBook.current.list("postContextNegations"))

    /// Whether the sentence holding token `index` is a question (ends with "?").
    static func isQuestion(_ index: Int, in view: TextView) -> Bool {
        let tokens = view.tokenized.tokens
        var last = index
        while last + 1 < tokens.count && view.sentence[last + 1] == view.sentence[index] { last += 1 }
        let start = Int(tokens[last].utf16.upperBound)
        let end = last + 1 < tokens.count ? Int(tokens[last + 1].utf16.lowerBound) : view.tokenized.utf16Count
        guard start < end else { return false }
        let utf16 = view.text.utf16
        guard let from = utf16.index(utf16.startIndex, offsetBy: start, limitedBy: utf16.endIndex),
            let to = utf16.index(utf16.startIndex, offsetBy: end, limitedBy: utf16.endIndex)
        else { return false }
        return utf16[from..<to].contains(UInt16(UInt8(ascii: "?")))
    }
}
