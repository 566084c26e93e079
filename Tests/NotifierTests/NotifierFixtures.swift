import Foundation
import ParapetModels
import ParapetNotifications
import ParapetTrustConfiguration
import TestSupport

/// The example trust, and cases, posts and notifications about Stokes Wood made to order.
enum NotifierFixtures {
    static let trust = "oakfield-learning-trust"
    static let folder = LocalInfrastructure.repositoryRoot.appending(path: "Examples/oakfield-learning-trust")
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let london = TimeZone(identifier: "Europe/London")!

    static let configuration: TrustConfiguration = {
        do {
            return try TrustConfiguration.load(from: folder)
        } catch {
            preconditionFailure("the example trust does not load: \(error)")
        }
    }()

    static var stokesWoodPupils: [Pupil] { configuration.rosters.first { $0.school == "stokes-wood" }?.pupils ?? [] }

    /// Nathaniel Campbell, whom the case is about, and Bilal Farah, whom it is not.
    static let about = BreachSubject(kind: .pupil, id: "sw-p-0001")

    static func post(_ text: String, id: UUID = UUID()) -> Post {
        Post(
            id: id, trust: trust, school: "stokes-wood", account: "sw-parents-facebook-group", platform: .facebook, externalID: "fb-\(id)",
            author: PostAuthor(handle: "sam.parent"), text: text, createdAt: start, receivedAt: start)
    }

    static func `case`(
        id: UUID = UUID(), clauses: [String], behaviours: [Behaviour], post: UUID, about: [BreachSubject] = [about],
        allegation: AllegationManagement? = nil
    ) -> Case {
        Case(
            id: id, school: "stokes-wood", authorKey: AuthorKey(rawValue: "facebook:sam.parent"), state: .open(since: start),
            ladder: [.requestRemoval, .police], rung: 0, severity: .high, verdictIDs: [UUID()], postIDs: [post], clauseIDs: clauses,
            behaviours: behaviours, openedAt: start, updatedAt: start, about: about, allegation: allegation)!
    }

    static func notification(
        case caseID: UUID, template: CaseNotification.Template = .caseOpened, mode: NotifyMode = .immediate,
        recipients: [String] = ["head@stokeswood.example.sch.uk"], id: UUID = UUID(), at offset: TimeInterval = 0
    ) -> CaseNotification {
        CaseNotification(
            id: id, caseID: caseID, school: "stokes-wood",
            recipients: recipients.map { CaseNotification.Recipient(role: .headteacher, email: $0) }, mode: mode,
            subject: "A threat of violence – Stokes Wood Primary School", template: template, createdAt: start.addingTimeInterval(offset),
            step: .requestRemoval, nextStep: "The headteacher will ask for the post to be taken down.",
            deadline: start.addingTimeInterval(3600))
    }

    /// The same id for the same name, every run.
    static func uuid(_ name: String) -> UUID {
        var generator = SplitMix64(seed: UInt64(truncatingIfNeeded: name.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }))
        let bytes = (0..<16).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6] & 0x0F | 0x40, bytes[7], bytes[8] & 0x3F | 0x80, bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    static func clauses(_ ids: [String]) -> [PolicyClause] {
        configuration.effectivePack(for: "stokes-wood")?.clauses(ids) ?? []
    }
}
