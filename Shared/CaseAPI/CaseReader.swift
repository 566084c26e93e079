import Foundation
import ParapetEscalation
import ParapetModels
import ParapetPostgres
import ParapetStore

/// Reads one case in full for someone who may see it: what the case API answers for
/// `GET /v1/cases/{id}` and what the case page shows.
public struct CaseReader: Sendable {
    let cases: CaseStore
    let posts: PostStore
    let verdicts: VerdictStore

    public init(postgres: PostgresClient) {
        cases = CaseStore(client: postgres)
        posts = PostStore(client: postgres)
        verdicts = VerdictStore(client: postgres)
    }

    /// One case with everything said about it.
    public struct Record: Sendable {
        public var listed: CaseStore.Listed
        /// The case's posts in the order they joined it, each with the verdicts of it the case holds.
        public var posts: [(post: Post?, verdicts: [Verdict])]
        /// The clauses broken, from the school's pack; empty when the pack is not loaded.
        public var clauses: [PolicyClause]
        /// What the school's procedure asks at the current step, in the policy's words.
        public var stepWords: String?
        /// Who was told, about which event, how.
        public var told: [CaseNotification]
        public var timeline: [CaseEvent]

        public var `case`: Case { listed.stored.case }
    }

    /// Case `id` if `leader` may see it; nil for one that is not there or is another school's
    /// (never told apart). `pack` is the school's pack, when loaded.
    public func read(_ id: UUID, for leader: CaseDesk.Leader, pack: (String) async -> PolicyPack?) async throws -> Record? {
        guard let listed = try await cases.find(id), leader.sees(listed.stored) else { return nil }
        let value = listed.stored.case
        let schoolPack = await pack(value.school)
        let held = Set(value.verdictIDs)
        var entries: [(post: Post?, verdicts: [Verdict])] = []
        for postID in value.postIDs {
            entries.append((try await posts.latest(id: postID), try await verdicts.verdicts(post: postID).filter { held.contains($0.id) }))
        }
        return Record(
            listed: listed, posts: entries, clauses: schoolPack?.clauses(value.clauseIDs) ?? [], stepWords: schoolPack?.words(for: value.step),
            told: try await cases.notifications(case: id), timeline: try await cases.events(case: id))
    }
}
