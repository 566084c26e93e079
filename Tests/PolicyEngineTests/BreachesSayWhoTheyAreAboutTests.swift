import Foundation
import ParapetModels
import ParapetPolicyEngine
import ParapetTrustConfiguration
import Testing

/// Each breach names who it is about, by roster id and never by name, and says when a child is
/// said to be harmed or at risk: what routing and the allegations-management step need.
@Suite("Breaches say who they are about")
struct BreachesSayWhoTheyAreAboutTests {
    let engine: PolicyEngine

    init() throws {
        engine = try PolicyEngine(configuration: try TrustConfiguration.load(from: LabelledCorpus.exampleTrust))
    }

    func breaches(_ text: String, author: PostAuthor = PostAuthor(handle: "worried.parent.77", kind: .parent)) throws -> [ClauseBreach] {
        let now = Date(timeIntervalSince1970: 1_793_000_000)
        let post = Post(
            trust: "oakfield-learning-trust", school: "stokes-wood", account: "sw-parents-facebook-group", platform: .facebook,
            externalID: "about-\(text.count)", author: author, text: text, createdAt: now, receivedAt: now)
        return try engine.classify(post, decidedAt: now).breaches
    }

    @Test("an allegation that a named teacher hurt a child names the teacher and says a child is at risk")
    func namedTeacherHurtAChild() throws {
        let breaches = try breaches("Mr Bennett grabbed my son by the arm and left bruises. Disgusting.")
        let allegation = try #require(breaches.first { $0.behaviour == .allegation }, "\(breaches.map(\.behaviour))")
        #expect(allegation.about.contains(BreachSubject(kind: .staff, id: "sw-s-003", role: "teacher")))
        #expect(allegation.childAtRisk)
        #expect(allegation.allegesHarmByStaff)
    }

    @Test("'the head' means the school's headteacher")
    func theHead() throws {
        let breaches = try breaches("The head is a liar and a fraud, she fiddled the school fund.")
        #expect(!breaches.isEmpty)
        for breach in breaches where breach.behaviour == .defamation || breach.behaviour == .allegation {
            #expect(breach.about.contains { $0.isHeadteacher && $0.id == "sw-s-001" }, "\(breach.behaviour): \(breach.about)")
            #expect(!breach.childAtRisk, "nothing says a child was harmed")
        }
    }

    @Test("an insult aimed at the chair of governors names the chair")
    func theChair() throws {
        let breaches = try breaches("Imran Hussain is a corrupt liar and should resign.")
        #expect(breaches.contains { $0.about.contains { $0.isChairOfGovernors } }, "\(breaches.map { ($0.behaviour, $0.about) })")
    }

    @Test("a member of staff's own post is about that member of staff")
    func staffConduct() throws {
        let breaches = try breaches(
            "Great day at Stokes Wood today with my class, love working here!",
            author: PostAuthor(handle: "DanOkoroTeach", kind: .unknown))
        for breach in breaches where breach.behaviour == .staffReferringToWorkplace {
            #expect(breach.about.contains(BreachSubject(kind: .staff, id: "sw-s-002", role: "deputy_headteacher")))
        }
    }

    @Test("a complaint about a policy is about no one")
    func aboutNoOne() throws {
        for breach in try breaches("The new uniform policy is a joke, complain to the governors everyone") {
            #expect(breach.about.allSatisfy { $0.id == nil }, "\(breach.about)")
            #expect(!breach.childAtRisk)
        }
    }

    @Test("names never appear in who a breach is about, only roster ids and roles")
    func noNames() throws {
        let breaches = try breaches("Mr Bennett grabbed my son by the arm and left bruises.")
        let json = String(decoding: try ParapetJSON.encode(breaches), as: UTF8.self)
        let about = breaches.flatMap(\.about)
        #expect(!about.isEmpty)
        #expect(!String(describing: about).contains("Bennett"))
        #expect(json.contains("\"about\":["))
    }
}
