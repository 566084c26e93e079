import Foundation
import ParapetModels
import ParapetPolicyEngine
import ParapetTrustConfiguration
import Testing

/// Each seed school's policy differs from the others somewhere; the same post, judged under the
/// school's own pack and under another school's pack (same roster, same accounts), shows it.
@Suite("Seed schools' differences in action")
struct SeedSchoolDifferencesTests {
    let configuration: TrustConfiguration

    init() throws {
        configuration = try TrustConfiguration.load(from: LabelledCorpus.exampleTrust)
    }

    /// The verdict for a post at `school`, under that school's own pack or under the pack of
    /// `packOf` applied to the same school.
    func verdict(
        _ text: String, school: String, account: String, author: PostAuthor, underPackOf packOf: String? = nil
    ) throws -> Verdict {
        var configuration = configuration
        if let packOf, var pack = configuration.schoolPacks.first(where: { $0.school == packOf }) {
            pack.school = school
            configuration.schoolPacks.removeAll { $0.school == school }
            configuration.schoolPacks.append(pack)
        }
        let engine = try PolicyEngine(configuration: configuration)
        let now = Date(timeIntervalSince1970: 1_793_000_000)
        let post = Post(
            trust: configuration.trust.id, school: school, account: account, platform: .facebook, externalID: "seed-difference",
            author: author, text: text, createdAt: now, receivedAt: now)
        return try engine.classify(post, decidedAt: now)
    }

    func clauses(_ verdict: Verdict) -> Set<String> { Set(verdict.breaches.map(\.clauseID)) }

    @Test("Levens CE: a 13-year-old's account is under its minimum of 14, but not under Stour Provost's 13")
    func levensMinimumAgeIsFourteen() throws {
        let text = "im 13 and finally got my own insta!! follow me x"
        let author = PostAuthor(handle: "new.account.2013", kind: .unknown)
        let levens = try verdict(text, school: "levens-ce", account: "lc-parents-facebook-group", author: author)
        let underStourProvost = try verdict(
            text, school: "levens-ce", account: "lc-parents-facebook-group", author: author, underPackOf: "stour-provost")
        #expect(clauses(levens).contains("lev-age-14"))
        #expect(!underStourProvost.breaches.contains { $0.behaviour == .underageAccount })
    }

    @Test("d'Auvergne: a pupil's first name in a comment on its own page breaks its policy; Trimley's pack allows it")
    func dauvergneForbidsFirstNamesOnItsPage() throws {
        let text = "Well done Emeka, what a star!"
        let author = PostAuthor(handle: "proud.auntie.j", kind: .parent)
        let own = try verdict(text, school: "dauvergne", account: "da-facebook-page", author: author)
        let underTrimley = try verdict(text, school: "dauvergne", account: "da-facebook-page", author: author, underPackOf: "trimley-st-martin")
        #expect(clauses(own).contains("dav-first-names-own-page"))
        #expect(!underTrimley.breaches.contains { $0.behaviour == .pupilFirstNameOnOwnPage })
    }

    @Test("Trimley St Martin: staff mentioning their workplace breaks its policy; Stokes Wood's pack allows it")
    func trimleyStaffDoNotNameTheirWorkplace() throws {
        let text = "Long day at work today, parents evening until 8 then marking. Need a glass of wine!"
        let author = PostAuthor(handle: "helen.ross.520", kind: .unknown)
        let own = try verdict(text, school: "trimley-st-martin", account: "tsm-parents-facebook-group", author: author)
        let underStokesWood = try verdict(
            text, school: "trimley-st-martin", account: "tsm-parents-facebook-group", author: author, underPackOf: "stokes-wood")
        #expect(clauses(own).contains("tsm-staff-workplace"))
        #expect(!underStokesWood.breaches.contains { $0.behaviour == .staffReferringToWorkplace })
    }

    @Test("Stour Provost: staff discussing a pupil by name is its own, more serious clause")
    func stourProvostStaffDoNotDiscussPupils() throws {
        let text = "Priya in my class was an absolute superstar in our maths lesson today"
        let author = PostAuthor(handle: "james.stanford.5", kind: .unknown)
        let own = try verdict(text, school: "stour-provost", account: "sp-parents-facebook-group", author: author)
        let underStokesWood = try verdict(
            text, school: "stour-provost", account: "sp-parents-facebook-group", author: author, underPackOf: "stokes-wood")
        #expect(clauses(own).contains("sp-staff-no-discussing-pupils"))
        #expect(!clauses(underStokesWood).contains("sp-staff-no-discussing-pupils"))
        #expect((own.severity ?? .low) > (underStokesWood.severity ?? .low))
    }

    @Test("Stokes Wood: staff bringing the school into disrepute is high severity there, medium under Stour Provost's pack")
    func stokesWoodStaffReputationIsSerious() throws {
        let text = "Honestly this school is a shambles, worst place I've ever worked. Don't send your kids here."
        let author = PostAuthor(handle: "mr.bennett.runs", kind: .unknown)
        let own = try verdict(text, school: "stokes-wood", account: "sw-parents-facebook-group", author: author)
        let underStourProvost = try verdict(
            text, school: "stokes-wood", account: "sw-parents-facebook-group", author: author, underPackOf: "stour-provost")
        #expect(clauses(own).contains("sw-staff-reputation"))
        #expect(own.breaches.first { $0.clauseID == "sw-staff-reputation" }?.severity == .high)
        #expect(!clauses(underStourProvost).contains("sw-staff-reputation"))
        #expect(underStourProvost.breaches.filter { $0.behaviour == .bringingSchoolIntoDisrepute }.allSatisfy { $0.severity == .medium })
    }

    @Test("Stokes Wood: extremism goes to its own PREVENT clause, which names the designated safeguarding leads")
    func stokesWoodRoutesExtremismToPrevent() throws {
        let text = "The great replacement is real and our lads need to wake up before the race war starts"
        let author = PostAuthor(handle: "patriot.dad.88", kind: .parent)
        let own = try verdict(text, school: "stokes-wood", account: "sw-parents-facebook-group", author: author)
        let breach = try #require(own.breaches.first { $0.behaviour == .safeguardingExtremism })
        #expect(breach.clauseID == "sw-violent-extremism")
        let pack = try #require(configuration.effectivePack(for: "stokes-wood"))
        let clause = try #require(pack.clauses.first { $0.id == breach.clauseID })
        #expect(clause.recipients.contains(.designatedSafeguardingLead))
        #expect(clause.quote?.contains("PREVENT") == true)
    }
}
