import Foundation
import ParapetModels
import ParapetTrustConfiguration

/// The posts the engine benchmark classifies: a seeded mix like a trust's real traffic.
///
/// About four in five are benign (questions, thanks, reminders, lost property, some using names
/// that are ordinary words as words), one in five breaks a clause (swearing, threats, complaints,
/// allegations, pupils named in full, bullying, photos of children, staff naming their school),
/// and a third of those are obfuscated (`f*ck`, `sh1t`, `s.h.i.t`, `f u c k`, Cyrillic look-alikes,
/// zero-width spaces, repeated letters). Lengths run from a few words to several paragraphs, and
/// about one post in six names a person on the roster.
struct EngineSyntheticPosts {
    static let benign: [String] = [
        "Does anyone know if the school is open on Friday? The letter said inset day but the website says otherwise.",
        "Well done to the Year 6 football team, brilliant result on Saturday!",
        "Lost a blue water bottle with a name label near the main gate, please message me if you find it x",
        "Reminder that the PTA cake sale is after school on Thursday. All proceeds go to the library fund.",
        "I hope the weather holds for sports day, will bring sun cream and hats for everyone",
        "Has anyone got a spare book bag? Ours has fallen apart and the office has sold out",
        "What time does the nativity start? Grandparents are coming down from Leeds",
        "Thank you to all the staff for a lovely Christmas fair, the kids had a great time",
        "Is it non-uniform day tomorrow or next week? Can't find the letter anywhere",
        "Can anyone recommend a tutor for Year 5 maths? Happy to pay, just want some extra support",
        "The traffic on the school road this morning was awful, roadworks again by the roundabout",
        "Grace and faith were the themes of the harvest assembly, really moving to watch",
        "Parking is a nightmare at pick up, the council really need to sort the zig zags out",
        "Does the after school club run in half term? Need to book if so",
        "Just a heads up that the swimming gala results are on the website now, well done all",
        "Anyone walking to school from the Meadows estate fancy sharing the walk on Mondays?",
        "Lovely to see the new library open, the reading corner looks amazing",
        "My daughter's tooth fell out at school today and the office gave her a little envelope, so sweet",
        "Can someone remind me what we need for the Year 3 trip to the museum? Packed lunch and coat?",
        "Will the school be collecting for the food bank again this year? We have tins to give",
    ]

    static let breaking: [String] = [
        "The new head is a fucking idiot and everyone knows it",
        "What a load of shit, three weeks and still no reply from the office",
        "If that teacher grabs my kid again I'll smash his face in, I mean it",
        "I'd like to raise a concern about how the school handled the lunch money issue, nobody replies to emails",
        "Worst school in the county, don't send your kids here, honestly a joke of a school",
        "Nobody likes you, you're such a loser, everyone hates you",
        "Mr Evans is a liar and a thief, he was sacked from his last school",
        "We know where you live and we'll be at your door every day until you listen",
        "Go back to your own country, we don't want your lot here",
        "The Year 4 teacher is useless, can't teach and shouldn't be working with children",
        "Her mum is in prison and the little one has ADHD, social services are involved apparently",
        "Screenshot of the email the head sent me about the exclusion meeting, judge for yourselves",
        "Add me on snap kids, message me if you need help with homework",
        "I've made a Facebook page for all the Year 3 parents at the school, join here",
    ]

    static let obfuscated: [String] = [
        "this school is a f*cking joke", "what a load of sh1t", "s.h.i.t service from the office again",
        "f u c k this place", "the head is a tw@t", "absolute bollox, the lot of them", "sh\u{200B}it parking and sh\u{200B}it teachers",
        "\u{0455}\u{04BB}it school", "fuuuuuck this", "stupid f-ing rules", "what a w4nker", "I will k1ll him",
    ]

    static let padding: [String] = [
        "We moved here last year and on the whole it has been fine.",
        "The children have settled in well and made lots of friends.",
        "I know the staff work hard and it is not an easy job.",
        "There was a letter about it in the bags last week but I must have missed it.",
        "Anyway, just wanted to say something before the holidays.",
        "Sorry for the long post, I have been meaning to write this for a while.",
        "The after school clubs are brilliant and the choir sounded lovely at the concert.",
        "My eldest went here too and we never had any problems back then.",
    ]

    /// `count` posts over the trust's schools and accounts; seeded.
    static func make(_ count: Int, trust: EngineSyntheticTrust, seed: UInt64 = 7) -> [Post] {
        var random = BenchmarkRandom(seed: seed)
        let configuration = trust.configuration
        let accountsBySchool = Dictionary(grouping: configuration.accounts, by: \.school)
        let created = Date(timeIntervalSince1970: 1_790_000_000)
        return (0..<count).map { number in
            let schoolIndex = random.below(configuration.schools.count)
            let school = configuration.schools[schoolIndex]
            let account = random.pick(accountsBySchool[school.id] ?? [])
            var text: String
            let roll = random.below(100)
            if roll < 80 {
                text = random.pick(benign)
            } else if roll < 93 {
                text = random.pick(breaking)
            } else {
                text = random.pick(obfuscated)
            }
            // One post in six names someone on the roster: a pupil in full, a first name, a member of staff.
            if random.below(6) == 0, let pupil = trust.pupils[schoolIndex].randomElement(using: &random),
                let adult = trust.staff[schoolIndex].randomElement(using: &random)
            {
                let first = pupil.name.split(separator: " ").first.map(String.init) ?? pupil.name
                let surname = adult.name.split(separator: " ").last.map(String.init) ?? adult.name
                switch random.below(4) {
                case 0: text = "\(pupil.name) in Year \(pupil.yearGroup) " + text.prefix(1).lowercased() + text.dropFirst()
                case 1: text = "My son's friend \(first) said " + text.prefix(1).lowercased() + text.dropFirst()
                case 2: text = "Thanks Mrs \(surname) for sorting it. " + text
                default: text += " (\(first) says hi)"
                }
            }
            // Lengths: most a sentence or two, some a paragraph, a few several paragraphs.
            let length = random.below(10)
            if length >= 6 {
                let sentences = length == 9 ? 12 + random.below(12) : 2 + random.below(4)
                for _ in 0..<sentences {
                    text += " " + random.pick(padding)
                }
            }
            let handle: String
            let kind: PostAuthor.Kind
            if account.runBy == .school, random.below(3) == 0 {
                (handle, kind) = (account.externalID, .unknown)
            } else if random.below(20) == 0, let member = trust.staff[schoolIndex].first(where: { !$0.handles.isEmpty }) {
                (handle, kind) = (member.handles.values.first ?? "staff", .unknown)
            } else {
                (handle, kind) = ("parent.\(random.below(5000))", random.below(4) == 0 ? .public : .parent)
            }
            var media: [MediaAttachment] = []
            if random.below(12) == 0 {
                let alt = random.pick([
                    "Year 3 class at sports day", "my daughter with her certificate", "the swimming gala, kids in their costumes",
                    "poster for the summer fair", "the new playground",
                ])
                media = [MediaAttachment(url: URL(string: "https://media.invalid/\(number).jpg")!, type: .image, altText: alt)]
            }
            return Post(
                id: UUID(uuid: uuid(number, seed: seed)), trust: configuration.trust.id, school: school.id, account: account.id,
                platform: account.platform, externalID: "bench-\(number)", author: PostAuthor(handle: handle, kind: kind), text: text,
                media: media, createdAt: created, receivedAt: created)
        }
    }

    private static func uuid(_ number: Int, seed: UInt64) -> uuid_t {
        var random = BenchmarkRandom(seed: seed &+ UInt64(number))
        let a = random.next()
        let b = random.next()
        return (
            UInt8(truncatingIfNeeded: a), UInt8(truncatingIfNeeded: a >> 8), UInt8(truncatingIfNeeded: a >> 16), UInt8(truncatingIfNeeded: a >> 24),
            UInt8(truncatingIfNeeded: a >> 32), UInt8(truncatingIfNeeded: a >> 40), UInt8(truncatingIfNeeded: a >> 48) & 0x0F | 0x40,
            UInt8(truncatingIfNeeded: a >> 56), UInt8(truncatingIfNeeded: b) & 0x3F | 0x80, UInt8(truncatingIfNeeded: b >> 8),
            UInt8(truncatingIfNeeded: b >> 16), UInt8(truncatingIfNeeded: b >> 24), UInt8(truncatingIfNeeded: b >> 32),
            UInt8(truncatingIfNeeded: b >> 40), UInt8(truncatingIfNeeded: b >> 48), UInt8(truncatingIfNeeded: b >> 56)
        )
    }
}
