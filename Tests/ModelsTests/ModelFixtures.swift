import Foundation
import ParapetModels
import Testing

/// Shared values and helpers for the model tests.
enum Fixture {
    /// The date an ISO 8601 string names, as Parapet decodes it.
    static func date(_ text: String) -> Date {
        guard let date = ParapetJSON.date(from: text) else { preconditionFailure("not a date: \(text)") }
        return date
    }

    /// `value` after a trip through Parapet's JSON encoder and decoder.
    static func roundTripped<Value: Codable>(_ value: Value) throws -> Value {
        try ParapetJSON.decode(Value.self, from: ParapetJSON.encode(value))
    }

    /// The top-level keys `value` encodes to.
    static func keys(of value: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: ParapetJSON.encode(value))
        return Set(try #require(object as? [String: Any]).keys)
    }

    static let author = AuthorKey(platform: .facebook, handle: "dan.r.1984")

    static let post = Post(
        id: UUID(uuidString: "5F0C2D3E-8A41-4C55-9E0B-6F1D2A3B4C5D")!, trust: "oakfield-learning-trust",
        school: "stour-provost", account: "sp-facebook-page", platform: .facebook, externalID: "104523987654321_998877",
        author: PostAuthor(handle: "dan.r.1984", displayName: "Dan R", kind: .parent),
        text: "Mrs Bell should be sacked 😡 ask Zoé's mum",
        media: [
            MediaAttachment(
                url: URL(string: "https://cdn.example.com/p/1.jpg")!, type: .image, altText: "Sports day, pool",
                sha256: String(repeating: "ab", count: 32), taggedPeople: ["olly.h"]),
            MediaAttachment(url: URL(string: "https://cdn.example.com/p/2.mp4")!, type: .video),
        ],
        replyTo: "104523987654321_998800", createdAt: date("2026-09-21T08:15:00.250Z"),
        receivedAt: date("2026-09-21T08:15:02.001Z"), permalink: URL(string: "https://facebook.com/104523987654321/posts/998877"))

    static let verdict = Verdict(
        id: UUID(uuidString: "0B8E0C8A-2F7A-4C1B-9D6E-1A2B3C4D5E6F")!, postID: post.id, postRevision: 1, school: "stour-provost",
        authorKey: author, rulesetVersion: "2026.09.1", packID: "stour-provost", packVersion: 3,
        decidedAt: date("2026-09-21T08:15:03.500Z"),
        breaches: [
            ClauseBreach(
                clauseID: "sp-negative-staff", behaviour: .negativeCommentAboutIndividual, severity: .medium,
                evidence: [Evidence(span: TextSpan(start: 9, end: 25), matched: "should be sacked", detector: "lexicon.negative-staff")]),
            ClauseBreach(
                clauseID: "sp-swimwear", behaviour: .pupilImagesSwimwearOrKit, severity: .critical,
                evidence: [
                    Evidence(span: TextSpan(start: 12, end: 16), attachment: 0, matched: "pool", detector: "alt-text.swimwear"),
                    Evidence(span: nil, attachment: 0, matched: "olly.h", detector: "tags.roster"),
                ]),
        ])

    static let ladder: [LadderStep] = [.record, .discussWithParent, .writtenWarning, .reportToPlatform]

    /// A verdict by the same author in the same school on another post.
    static func repeatVerdict(severity: Severity = .high, postID: UUID = UUID()) -> Verdict {
        var next = verdict
        next.id = UUID()
        next.postID = postID
        next.breaches = [ClauseBreach(clauseID: "sp-abuse", behaviour: .abusiveLanguage, severity: severity, evidence: [])]
        return next
    }
}
