import Foundation
import ParapetEscalation
import ParapetModels
import Testing

/// Who is told, and how urgently: the clause's recipients with the routes the policies imply
/// and the law adds, never the person the post is about.
@Suite("Routing follows the policies")
struct RoutingFollowsThePoliciesTests {
    static let configuration = EscalationFixtures.configuration

    func router(_ school: String) -> CaseRouter { CaseRouter(school: school, configuration: Self.configuration) }

    func clause(_ school: String, _ id: String) throws -> PolicyClause {
        let pack = try #require(Self.configuration.effectivePack(for: school))
        return try #require(pack.clauses.first { $0.id == id }, "\(school) has no clause \(id)")
    }

    func email(_ school: String?, _ role: ContactRole) throws -> String {
        let contacts = Self.configuration.contacts + Self.configuration.trust.contacts
        return try #require(contacts.first { $0.school == school && $0.role == role }?.email, "no \(role) at \(school ?? "the trust")")
    }

    @Test("a threat of violence goes to the safeguarding lead and the head at once")
    func threat() throws {
        let route = router("stokes-wood").route([try clause("stokes-wood", "sw-threats")])
        #expect(route.mode == .immediate)
        let emails = Set(route.recipients.map(\.email))
        #expect(emails.contains(try email("stokes-wood", .designatedSafeguardingLead)))
        #expect(emails.contains(try email("stokes-wood", .headteacher)))
    }

    @Test("a misplaced complaint waits for the digest")
    func complaint() throws {
        let route = router("stokes-wood").route([try clause("stokes-wood", "sw-complaints")])
        #expect(route.mode == .digest)
        #expect(route.recipients.map(\.email) == [try email("stokes-wood", .headteacher)])
    }

    @Test("the person a post is about is never told of it, even holding two roles; the next in the chain is told instead")
    func aboutTheHead() throws {
        // At Stour Provost the head is also the designated safeguarding lead.
        let head = try #require(Self.configuration.contacts.first { $0.school == "stour-provost" && $0.role == .headteacher })
        let route = router("stour-provost").route([try clause("stour-provost", "sp-confidential")], about: [head.name])
        let emails = Set(route.recipients.map(\.email))
        let heads = Self.configuration.contacts.filter { $0.school == "stour-provost" && $0.name == head.name }.map(\.email)
        #expect(heads.count == 2, "the example's head holds two roles")
        for address in heads { #expect(!emails.contains(address), "the head is what the post is about") }
        #expect(emails.contains(try email("stour-provost", .chairOfGovernors)), "the head's line goes to the chair of governors")
        #expect(emails.contains(try email("stour-provost", .deputyDesignatedSafeguardingLead)), "the safeguarding line to the deputy")
    }

    @Test("a post about the chair of governors goes to the trust safeguarding lead")
    func aboutTheChair() throws {
        let chair = try #require(Self.configuration.contacts.first { $0.school == "stokes-wood" && $0.role == .chairOfGovernors })
        let head = try #require(Self.configuration.contacts.first { $0.school == "stokes-wood" && $0.role == .headteacher })
        let route = router("stokes-wood").route([try clause("stokes-wood", "sw-complaints")], about: [head.name, chair.name])
        #expect(route.recipients.map(\.email) == [try email(nil, .trustSafeguardingLead)])
    }

    @Test("extremism goes to both safeguarding leads at once (the PREVENT route)")
    func extremism() throws {
        let route = router("stokes-wood").route([try clause("stokes-wood", "sw-violent-extremism")])
        #expect(route.mode == .immediate)
        #expect(Set(route.recipients.map(\.role)) == [.designatedSafeguardingLead, .deputyDesignatedSafeguardingLead])
    }

    @Test("each person is told once, however many roles and clauses name them")
    func oncePerPerson() throws {
        let route = router("stour-provost").route([try clause("stour-provost", "sp-confidential"), try clause("stour-provost", "sp-respect")])
        #expect(route.recipients.count == Set(route.recipients.map { $0.email.lowercased() }).count)
    }
}
