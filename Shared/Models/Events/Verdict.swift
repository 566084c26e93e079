import Foundation

/// The classifier's judgement of one revision of a post against its school's policy pack;
/// payload of `parapet.verdict/2` on `parapet.verdicts`, keyed by school and author (version 1,
/// without who breaches are about, is still read).
///
/// No breaches means the post is benign. The ruleset and pack versions let an operator diff two
/// rulesets on the same posts.
public struct Verdict: EventPayload, Hashable, Identifiable {
    public static let schema = EventSchema.verdictV2
    public static let topic = ParapetTopic.verdicts

    public var id: UUID
    /// The post judged (``Post/id``).
    public var postID: UUID
    /// The revision of the post judged (``Post/revision``).
    public var postRevision: Int
    public var school: String
    /// The post's author (``Post/authorKey``).
    public var authorKey: AuthorKey
    /// The classifier's ruleset (detectors and lexicons) version.
    public var rulesetVersion: String
    /// The merged policy pack applied (``PolicyPack/id``).
    public var packID: String
    /// The version of that pack.
    public var packVersion: Int
    public var decidedAt: Date
    /// The clauses broken; empty for a benign post.
    public var breaches: [ClauseBreach]

    public init(
        id: UUID = UUID(), postID: UUID, postRevision: Int, school: String, authorKey: AuthorKey, rulesetVersion: String,
        packID: String, packVersion: Int, decidedAt: Date, breaches: [ClauseBreach]
    ) {
        self.id = id
        self.postID = postID
        self.postRevision = postRevision
        self.school = school
        self.authorKey = authorKey
        self.rulesetVersion = rulesetVersion
        self.packID = packID
        self.packVersion = packVersion
        self.decidedAt = decidedAt
        self.breaches = breaches
    }

    /// The most severe breach's severity; nil for a benign verdict.
    public var severity: Severity? { breaches.map(\.severity).max() }

    /// Whether the post breaks no clause.
    public var isBenign: Bool { breaches.isEmpty }

    public var occurredAt: Date { decidedAt }

    /// `school/author`, so that one author's verdicts in one school stay in order.
    public var partitionKey: String { "\(school)/\(authorKey)" }

    enum CodingKeys: String, CodingKey {
        case id, school, breaches
        case postID = "post_id"
        case postRevision = "post_revision"
        case authorKey = "author_key"
        case rulesetVersion = "ruleset_version"
        case packID = "pack_id"
        case packVersion = "pack_version"
        case decidedAt = "decided_at"
    }
}
