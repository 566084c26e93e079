import Foundation
import ParapetModels
import ParapetPostgres
import ParapetStore

/// Reads from PostgreSQL what an email about a case needs beyond its notification: the case,
/// its latest post and the evidence the verdict found in it.
struct CaseFactsReader: Sendable {
    let cases: CaseStore
    let posts: PostStore
    let verdicts: VerdictStore

    init(client: PostgresClient) {
        cases = CaseStore(client: client)
        posts = PostStore(client: client)
        verdicts = VerdictStore(client: client)
    }

    /// What is stored about case `id`; the case is nil when it is not stored.
    struct Stored: Sendable {
        var `case`: Case?
        var post: Post?
        var evidence: [Evidence]
    }

    func read(case id: UUID) async throws -> Stored {
        guard let listed = try await cases.find(id) else { return Stored(case: nil, post: nil, evidence: []) }
        let found = listed.stored.case
        guard let postID = found.postIDs.last, let post = try await posts.latest(id: postID) else {
            return Stored(case: found, post: nil, evidence: [])
        }
        // The evidence of the verdict on the revision shown, for the clauses the case holds.
        let verdict = try await verdicts.verdicts(post: postID).last { $0.postRevision == post.revision }
        let evidence = (verdict?.breaches ?? []).filter { found.clauseIDs.contains($0.clauseID) }.flatMap(\.evidence)
        return Stored(case: found, post: post, evidence: evidence)
    }
}
