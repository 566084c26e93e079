import Foundation
import ParapetModels
import Testing

@Suite("Policy packs: JSON and merging onto the trust default")
struct PolicyPackMergeTests {
    static func clause(_ id: String, _ behaviour: Behaviour, _ severity: Severity, quote: String? = nil) -> PolicyClause {
        PolicyClause(
            id: id, quote: quote, behaviour: behaviour, appliesTo: [.parents], severity: severity, notify: .digest,
            recipients: [.headteacher], ladder: [.record, .discussWithParent])
    }

    static let trustDefault = PolicyPack(
        id: "default", settings: .init(minimumAccountAge: 13, pupilFirstNamesOnOwnPage: .allowed, staffMayNameWorkplace: true),
        clauses: [
            clause("naming-pupils", .namingPupils, .medium),
            clause("threats", .threatOfViolence, .critical),
            clause("staff-workplace", .staffReferringToWorkplace, .low),
        ])

    static let levens = PolicyPack(
        id: "levens", school: "levens", extends: "default", source: "seeds/levens.md", settings: .init(minimumAccountAge: 14),
        disable: ["staff-workplace"],
        clauses: [clause("naming-pupils", .namingPupils, .high, quote: "Do not name pupils"), clause("lv-logo", .unauthorisedUseOfSchoolName, .low)])

    @Test("packs and clauses round-trip, with snake_case keys")
    func roundTrip() throws {
        let clause = PolicyClause(
            id: "threats", quote: nil, rationale: "Every school forbids threats", behaviour: .threatOfViolence,
            appliesTo: [.anyone], scope: .ownPage, severity: .critical, notify: .immediate,
            recipients: [.headteacher, .designatedSafeguardingLead], ladder: [.record, .police, .reportToPlatform])
        #expect(try Fixture.roundTripped(clause) == clause)
        #expect(
            try Fixture.keys(of: clause) == [
                "id", "rationale", "behaviour", "applies_to", "where", "severity", "notify", "recipients", "ladder",
            ])
        #expect(try Fixture.roundTripped(Self.levens) == Self.levens)
        #expect(try Fixture.roundTripped(Self.trustDefault) == Self.trustDefault)
    }

    @Test("a school's clause replaces the default clause with the same id, and its own come first")
    func replacesSameID() {
        let merged = Self.levens.merged(onto: Self.trustDefault)
        #expect(merged.clauses.map(\.id) == ["naming-pupils", "lv-logo", "threats"])
        #expect(merged.clauses.first?.severity == .high)
        #expect(merged.clauses.first?.quote == "Do not name pupils")
    }

    @Test("a disabled default clause is not inherited, and the merged pack disables nothing more")
    func honoursDisable() {
        let merged = Self.levens.merged(onto: Self.trustDefault)
        #expect(!merged.clauses.contains { $0.id == "staff-workplace" })
        #expect(merged.disable.isEmpty)
    }

    @Test("settings the school leaves unset are inherited; those it sets win")
    func inheritsSettings() {
        let merged = Self.levens.merged(onto: Self.trustDefault)
        #expect(merged.settings == .init(minimumAccountAge: 14, pupilFirstNamesOnOwnPage: .allowed, staffMayNameWorkplace: true))
        #expect(merged.id == "levens")
        #expect(merged.school == "levens")
    }

    @Test("clauses for a behaviour come most severe first")
    func clausesForBehaviour() {
        let pack = PolicyPack(
            id: "x",
            clauses: [
                Self.clause("a", .namingPupils, .low), Self.clause("b", .namingPupils, .critical), Self.clause("c", .cyberbullying, .high),
            ])
        #expect(pack.clauses(for: .namingPupils).map(\.id) == ["b", "a"])
    }
}
