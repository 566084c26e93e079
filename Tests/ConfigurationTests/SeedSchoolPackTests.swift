import Foundation
import ParapetModels
import ParapetTrustConfiguration
import Testing

/// Every seed school's pack quotes its own policy for every behaviour that policy names, and
/// encodes where the policies differ. `Fixtures/seed-policies.json` keeps, per school, the
/// behaviours its policy names and the passages of it (checked against the policy when they were
/// written down) that its pack must quote, so the test needs nothing outside the repository.
@Suite("Seed school packs")
struct SeedSchoolPackTests {
    struct Expectation: Decodable {
        var seed: String
        var behaviours: [Behaviour]
        var quotes: [String]
        /// Ladder step → the policy's words for it.
        var procedure: [String: String]
    }

    /// school id → the seed file and the behaviours that policy itself names.
    static let expectations: [String: Expectation] = {
        guard let url = Bundle.module.url(forResource: "Fixtures/seed-policies", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let decoded = try? JSONDecoder().decode([String: Expectation].self, from: data)
        else { return [:] }
        return decoded
    }()

    static let schools = ["stour-provost", "stokes-wood", "dauvergne", "trimley-st-martin", "levens-ce"]

    /// Text compared as a reader would: typographic quotes as plain ones, bullets dropped,
    /// whitespace collapsed.
    static func normalised(_ text: String) -> String {
        let mapped = text.map { character -> String in
            switch character {
            case "\u{2018}", "\u{2019}": "'"
            case "\u{201C}", "\u{201D}": "\""
            case "\u{2013}", "\u{2014}": "-"
            case "\u{00B7}", "\u{2022}": " "
            default: String(character)
            }
        }.joined()
        return mapped.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test("each behaviour the school's policy names has a clause quoting that policy's own words", arguments: schools)
    func quotesOwnPolicy(school: String) throws {
        let trust = try TrustConfiguration.load(from: ExampleTrust.folder)
        let expectation = try #require(Self.expectations[school], "no expectations for \(school)")
        let ownPack = try #require(trust.schoolPacks.first { $0.school == school })
        #expect(ownPack.source == expectation.seed)
        #expect(!expectation.behaviours.isEmpty)
        for behaviour in expectation.behaviours {
            let quoting = ownPack.clauses.filter { $0.behaviour == behaviour && $0.quote != nil }
            #expect(!quoting.isEmpty, "\(school): no clause of its own for \(behaviour.rawValue)")
        }
        // Every quote in the school's own pack is one of the policy's passages written down in the
        // fixture, and every passage written down there is quoted by some clause.
        let passages = Set(expectation.quotes.map(Self.normalised))
        let quoted = Set(try ownPack.clauses.map { Self.normalised(try #require($0.quote, "\($0.id) has no quote")) })
        for clause in ownPack.clauses {
            let quote = Self.normalised(clause.quote ?? "")
            #expect(passages.contains(quote), "\(clause.id): quote is not one of \(expectation.seed)'s passages: \(quote)")
        }
        for passage in passages.subtracting(quoted) {
            #expect(Bool(false), "\(school): no clause quotes \(expectation.seed)'s passage: \(passage)")
        }
    }

    @Test("each ladder step the school's policy describes carries the policy's own words for it", arguments: schools)
    func procedureInPolicyWords(school: String) throws {
        let trust = try TrustConfiguration.load(from: ExampleTrust.folder)
        let expectation = try #require(Self.expectations[school], "no expectations for \(school)")
        let pack = try #require(trust.effectivePack(for: school))
        #expect(!expectation.procedure.isEmpty)
        let words = Dictionary(uniqueKeysWithValues: pack.procedure.map { ($0.key.rawValue, Self.normalised($0.value)) })
        #expect(words == expectation.procedure.mapValues(Self.normalised))
        // Every step with words is one a case of this school can reach.
        let climbed = Set(pack.clauses.flatMap(\.ladder))
        for step in pack.procedure.keys {
            #expect(climbed.contains(step), "\(school): words for \(step.rawValue), which no clause climbs")
        }
    }

    @Test("a case says what the procedure asks next in the school's words: Stokes Wood's meeting, Levens CE's first step")
    func namedProcedureSteps() throws {
        let trust = try TrustConfiguration.load(from: ExampleTrust.folder)
        let stokes = try #require(trust.effectivePack(for: "stokes-wood"))
        #expect(
            stokes.words(for: .meetingWithHeadteacher)?.contains(
                "asked to attend a meeting with the Headteacher to discuss the breaking of the Home-School Agreement") == true)
        let levens = try #require(trust.effectivePack(for: "levens-ce"))
        #expect(
            levens.words(for: .discussWithParent)?.contains("as a first step the school will usually discuss the matter with the parent")
                == true)
        #expect(trust.defaultPack.procedure.isEmpty, "the trust default quotes no school")
    }

    @Test("Levens CE holds accounts to a minimum age of 14, the others to 13")
    func levensMinimumAge() throws {
        let trust = try TrustConfiguration.load(from: ExampleTrust.folder)
        #expect(trust.effectivePack(for: "levens-ce")?.settings.minimumAccountAge == 14)
        for school in Self.schools where school != "levens-ce" {
            #expect(trust.effectivePack(for: school)?.settings.minimumAccountAge == 13, "\(school)")
        }
    }

    @Test("d'Auvergne forbids pupils' first names in comments on its own page; others allow them")
    func dauvergneFirstNames() throws {
        let trust = try TrustConfiguration.load(from: ExampleTrust.folder)
        let pack = try #require(trust.effectivePack(for: "dauvergne"))
        #expect(pack.settings.pupilFirstNamesOnOwnPage == .forbidden)
        let clause = try #require(pack.clauses(for: .pupilFirstNameOnOwnPage).first)
        #expect(clause.scope == .ownPage)
        #expect(clause.quote?.contains("Well done, John") == true)
        #expect(trust.effectivePack(for: "stour-provost")?.settings.pupilFirstNamesOnOwnPage == .allowed)
    }

    @Test("Trimley St Martin's staff must not refer to their workplace")
    func trimleyWorkplace() throws {
        let trust = try TrustConfiguration.load(from: ExampleTrust.folder)
        let pack = try #require(trust.effectivePack(for: "trimley-st-martin"))
        #expect(pack.settings.staffMayNameWorkplace == false)
        let clause = try #require(pack.clauses(for: .staffReferringToWorkplace).first { $0.quote != nil })
        #expect(clause.appliesTo.contains(.staff))
        #expect(trust.effectivePack(for: "levens-ce")?.settings.staffMayNameWorkplace == true)
    }

    @Test("Stokes Wood routes extremism to its designated safeguarding leads at once (PREVENT)")
    func stokesWoodPrevent() throws {
        let trust = try TrustConfiguration.load(from: ExampleTrust.folder)
        let pack = try #require(trust.effectivePack(for: "stokes-wood"))
        let clause = try #require(pack.clauses(for: .safeguardingExtremism).first { $0.quote != nil })
        #expect(clause.quote?.contains("PREVENT") == true)
        #expect(clause.recipients.contains(.designatedSafeguardingLead))
        #expect(clause.notify == .immediate)
        #expect(clause.ladder.contains(.safeguardingReferral))
    }

    @Test("Stour Provost asks parents to tell the school before setting up a site that refers to it")
    func stourProvostUnofficialSite() throws {
        let trust = try TrustConfiguration.load(from: ExampleTrust.folder)
        let pack = try #require(trust.effectivePack(for: "stour-provost"))
        let clause = try #require(pack.clauses(for: .unofficialSchoolSite).first { $0.quote != nil })
        #expect(clause.quote?.contains("let the school know") == true)
    }
}
