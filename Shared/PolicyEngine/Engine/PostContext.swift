import Foundation
import ParapetModels

/// Everything the detectors read about one post: its texts as the matcher sees them, who wrote
/// it, where, and what is attached.
struct PostContext {
    let post: Post
    let school: CompiledSchool
    let trust: CompiledTrust
    let account: MonitoredAccount
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

    init(post: Post, school: CompiledSchool, trust: CompiledTrust, account: MonitoredAccount) {
        self.post = post
        self.school = school
        self.trust = trust
        self.account = account
        text = TextView(text: post.text, attachment: nil, trust: trust, school: school.index)
        altTexts = post.media.enumerated().compactMap { index, media in
            guard let alt = media.altText, !alt.isEmpty else { return nil }
            return TextView(text: alt, attachment: index, trust: trust, school: school.index)
        }
        declaredAge = DeclaredAge.find(in: text)
        let handle = CompiledTrust.handleKey(post.author.handle)
        let person = trust.handles[handle].map { trust.people[Int($0)] }
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
                if let declaredAge, declaredAge.years < 18 { author = .pupil } else { author = post.author.kind == .public ? .publicMember : .unknown }
            }
        }
        let ownAccount = account.runBy == .school
        authorIsSchool = ownAccount
            && (handle == CompiledTrust.handleKey(account.externalID) || handle == account.id.lowercased()
                || post.author.displayName == account.name || post.author.displayName == school.school.name)
    }

    /// Attached images (anything not video or other).
    var images: [Int] {
        post.media.indices.filter { post.media[$0].type == .image }
    }

    /// Names of people tagged in images, matched against the post school's roster.
    var taggedPeople: [(attachment: Int, people: [Int32], name: String)] {
        var result: [(Int, [Int32], String)] = []
        for index in post.media.indices {
            for name in post.media[index].taggedPeople ?? [] {
                let view = TextView(text: name, attachment: index, trust: trust, school: school.index)
                let people = view.names.flatMap(\.people)
                if !people.isEmpty { result.append((index, people, name)) }
            }
        }
        return result
    }

    /// Every text of the post: the body, then the alt texts.
    var allTexts: [TextView] { [text] + altTexts }

    /// The roster pupils of this school named in `view`.
    func pupilNames(in view: TextView) -> [NameHit] {
        view.names.compactMap { hit in
            let pupils = hit.people.filter { trust.people[Int($0)].kind == .pupil }
            return pupils.isEmpty ? nil : NameHit(form: hit.form, people: pupils, tokens: hit.tokens)
        }
    }

    /// The staff and governors of this school named in `view`.
    func adultNames(in view: TextView) -> [NameHit] {
        view.names.compactMap { hit in
            let adults = hit.people.filter { trust.people[Int($0)].kind != .pupil }
            return adults.isEmpty ? nil : NameHit(form: hit.form, people: adults, tokens: hit.tokens)
        }
    }

    /// The date the post was made, for ages.
    var postedOn: CalendarDate {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/London") ?? .gmt, from: post.createdAt)
        return CalendarDate(year: components.year ?? 2026, month: components.month ?? 1, day: components.day ?? 1)
    }
}
