import Foundation
import ParapetModels
import Testing

/// Messages as another service (or another language) would write them: keys in any order,
/// lower-case UUIDs, dates without fractions or with offsets, optional fields left out or null.
@Suite("Reading messages by schema, as other services send them")
struct IncomingEventDecodingTests {
    static let postV1 = """
        {
          "schema": "parapet.post/1",
          "id": "3b241101-e2bb-4255-8caf-4136c566a962",
          "trust": "oakfield-learning-trust",
          "school": "stour-provost",
          "occurred_at": "2026-09-21T09:15:00+01:00",
          "payload": {
            "id": "5f0c2d3e-8a41-4c55-9e0b-6f1d2a3b4c5d",
            "trust": "oakfield-learning-trust",
            "school": "stour-provost",
            "account": "sp-facebook-page",
            "platform": "facebook",
            "external_id": "104523987654321_998877",
            "author": {"handle": "dan.r.1984", "display_name": "Dan R", "kind": "parent"},
            "text": "Mrs Bell should be sacked 😡",
            "media": [
              {"url": "https://cdn.example.com/p/1.jpg", "type": "image", "alt_text": "Sports day, pool",
               "sha256": null, "tagged_people": ["olly.h"]}
            ],
            "reply_to": null,
            "created_at": "2026-09-21T08:15:00Z",
            "received_at": "2026-09-21T08:15:02.5Z",
            "revision": 1
          }
        }
        """

    static let verdictV1 = """
        {"payload": {"breaches": [{"clause_id": "sp-negative-staff", "behaviour": "negative_comment_about_individual",
            "severity": "medium", "evidence": [{"matched": "should be sacked",
            "detector": "lexicon.negative-staff", "span": {"utf16_start": 9, "utf16_end": 25}}]}],
          "decided_at": "2026-09-21T08:15:03.5Z", "id": "0b8e0c8a-2f7a-4c1b-9d6e-1a2b3c4d5e6f",
          "post_id": "5f0c2d3e-8a41-4c55-9e0b-6f1d2a3b4c5d", "post_revision": 1, "school": "stour-provost",
          "author_key": "facebook:dan.r.1984", "ruleset_version": "2026.09.1", "pack_id": "stour-provost", "pack_version": 3},
         "schema": "parapet.verdict/1", "id": "9c6d2f6e-55a5-4a5c-8f7e-2c1b0a998877", "trust": "oakfield-learning-trust",
         "school": "stour-provost", "occurred_at": "2026-09-21T08:15:03.500Z"}
        """

    static let caseEventV1 = """
        {"schema": "parapet.case-event/1", "id": "e2f1c3a4-0000-4000-8000-000000000001", "trust": "oakfield-learning-trust",
         "school": "stour-provost", "occurred_at": "2026-09-21T12:16:00Z",
         "payload": {"id": "e2f1c3a4-0000-4000-8000-000000000002", "case_id": "6a1f0000-0000-4000-8000-00000000c0de",
           "sequence": 2, "school": "stour-provost", "kind": "acknowledged", "role": "designated_safeguarding_lead",
           "at": "2026-09-21T12:16:00Z", "actor": {"kind": "leader", "name": "dsl@sp.example.sch.uk"}}}
        """

    static let notificationV1 = """
        {"schema": "parapet.notification/1", "id": "e2f1c3a4-0000-4000-8000-000000000003", "trust": "oakfield-learning-trust",
         "school": "stour-provost", "occurred_at": "2026-09-21T08:16:01Z",
         "payload": {"id": "e2f1c3a4-0000-4000-8000-000000000004", "case_id": "6a1f0000-0000-4000-8000-00000000c0de",
           "school": "stour-provost", "recipients": [{"role": "headteacher", "email": "head@sp.example.sch.uk"}],
           "mode": "immediate", "subject": "Serious post about a member of staff", "template": "case_opened",
           "created_at": "2026-09-21T08:16:01Z"}}
        """

    static func read(_ json: String) throws(EventDecodingError) -> IncomingEvent {
        try IncomingEvent(json: Data(json.utf8))
    }

    /// `json` with its first occurrence of `old` replaced by `new`.
    static func read(_ json: String, replacing old: String, with new: String) throws(EventDecodingError) -> IncomingEvent {
        guard let range = json.range(of: old) else { preconditionFailure("\(old) is not in the message") }
        return try read(json.replacingCharacters(in: range, with: new))
    }

    @Test("this build accepts the four version-1 schemas and parapet.verdict/2, side by side")
    func acceptedSchemas() {
        #expect(
            IncomingEvent.acceptedSchemas.map(\.description) == [
                "parapet.case-event/1", "parapet.notification/1", "parapet.post/1", "parapet.verdict/1", "parapet.verdict/2",
            ])
    }

    @Test("parapet.post/1 from another service")
    func post() throws {
        guard case .post(let envelope) = try Self.read(Self.postV1) else {
            Issue.record("not a post")
            return
        }
        #expect(envelope.schema == .postV1)
        #expect(envelope.occurredAt == Fixture.date("2026-09-21T08:15:00Z"))
        let post = envelope.payload
        #expect(post.id == UUID(uuidString: "5F0C2D3E-8A41-4C55-9E0B-6F1D2A3B4C5D"))
        #expect(post.author == PostAuthor(handle: "dan.r.1984", displayName: "Dan R", kind: .parent))
        #expect(
            post.media == [
                MediaAttachment(
                    url: URL(string: "https://cdn.example.com/p/1.jpg")!, type: .image, altText: "Sports day, pool", taggedPeople: ["olly.h"])
            ])
        #expect(post.replyTo == nil && post.permalink == nil && post.editedAt == nil && !post.isRemoved)
        #expect(post.receivedAt == Fixture.date("2026-09-21T08:15:02.500Z"))
        #expect(post.revision == 1)
    }

    @Test("parapet.verdict/1 from another service")
    func verdict() throws {
        guard case .verdict(let envelope) = try Self.read(Self.verdictV1) else {
            Issue.record("not a verdict")
            return
        }
        let verdict = envelope.payload
        #expect(envelope.header.schema == .verdictV1)
        #expect(verdict.authorKey == Fixture.author)
        #expect(verdict.severity == .medium)
        #expect(verdict.packID == "stour-provost" && verdict.packVersion == 3)
        #expect(verdict.breaches.first?.evidence.first?.span == TextSpan(start: 9, end: 25))
        #expect(verdict.breaches.first?.evidence.first?.attachment == nil)
    }

    @Test("parapet.verdict/2 says who each breach is about, and reads beside /1 into the same verdict")
    func verdictV2() throws {
        var text = Self.verdictV1.replacingOccurrences(of: "parapet.verdict/1", with: "parapet.verdict/2")
        text = text.replacingOccurrences(
            of: #""severity": "medium", "evidence""#,
            with:
                #""severity": "medium", "about": [{"kind": "staff", "id": "sp-s-001", "role": "headteacher"}, {"kind": "child"}], "child_at_risk": true, "evidence""#
        )
        guard case .verdict(let envelope) = try Self.read(text), case .verdict(let old) = try Self.read(Self.verdictV1) else {
            Issue.record("not a verdict")
            return
        }
        #expect(envelope.header.schema == .verdictV2)
        let breach = try #require(envelope.payload.breaches.first)
        #expect(breach.about == [BreachSubject(kind: .staff, id: "sp-s-001", role: "headteacher"), BreachSubject(kind: .child)])
        #expect(breach.childAtRisk && breach.allegesHarmByStaff == false, "a negative comment is not an allegation of harm")
        #expect(old.payload.breaches.first?.about == [], "a /1 breach names no one")
        var upgraded = old.payload
        upgraded.breaches[0].about = breach.about
        upgraded.breaches[0].childAtRisk = true
        #expect(envelope.payload == upgraded, "the rest reads the same")
    }

    @Test("parapet.case-event/1 from another service")
    func caseEvent() throws {
        guard case .caseEvent(let envelope) = try Self.read(Self.caseEventV1) else {
            Issue.record("not a case event")
            return
        }
        #expect(envelope.payload.kind == .acknowledged(by: .designatedSafeguardingLead))
        #expect(envelope.payload.actor == .leader("dsl@sp.example.sch.uk"))
        #expect(envelope.payload.caseID == UUID(uuidString: "6A1F0000-0000-4000-8000-00000000C0DE"))
        #expect(envelope.payload.sequence == 2)
    }

    @Test("parapet.notification/1 from another service")
    func notification() throws {
        guard case .notification(let envelope) = try Self.read(Self.notificationV1) else {
            Issue.record("not a notification")
            return
        }
        #expect(envelope.payload.recipients == [.init(role: .headteacher, email: "head@sp.example.sch.uk")])
        #expect(envelope.payload.mode == .immediate)
        #expect(envelope.payload.template == .caseOpened)
        #expect(envelope.schema == .notificationV1)
    }

    @Test("what Parapet writes, Parapet reads back as the same event")
    func ownOutput() throws {
        let envelope = Envelope(trust: "oakfield-learning-trust", payload: Fixture.verdict)
        guard case .verdict(let read) = try IncomingEvent(json: ParapetJSON.encode(envelope)) else {
            Issue.record("not a verdict")
            return
        }
        #expect(read == envelope)
    }

    @Test("a schema this build does not know, or a newer version of one it does, is an unknown schema")
    func unknownSchema() {
        #expect(throws: EventDecodingError.unknownSchema("parapet.post/2")) {
            try Self.read(Self.postV1, replacing: "parapet.post/1", with: "parapet.post/2")
        }
        #expect(throws: EventDecodingError.unknownSchema("parapet.ping/1")) {
            try Self.read(Self.postV1, replacing: "parapet.post/1", with: "parapet.ping/1")
        }
        #expect(throws: EventDecodingError.unknownSchema("post")) { try Self.read(Self.postV1, replacing: "parapet.post/1", with: "post") }
        #expect(EventDecodingError.unknownSchema("parapet.post/2").description.contains("accepted: parapet.case-event/1"))
    }

    @Test("a payload that does not match its schema names the schema and the JSON path")
    func malformedPayload() {
        #expect(
            throws: EventDecodingError.malformedPayload(
                schema: .postV1, path: "$.payload.media[0].type",
                reason: #""gif" is not one of image, video, other"#)
        ) {
            try Self.read(Self.postV1, replacing: #""type": "image""#, with: #""type": "gif""#)
        }
        #expect(throws: EventDecodingError.malformedPayload(schema: .postV1, path: "$.payload.text", reason: "missing")) {
            try Self.read(Self.postV1, replacing: #""text": "Mrs Bell should be sacked 😡","#, with: "")
        }
        #expect(
            throws: EventDecodingError.malformedPayload(
                schema: .postV1, path: "$.payload.revision", reason: "revisions count from 1, not 0")
        ) {
            try Self.read(Self.postV1, replacing: #""revision": 1"#, with: #""revision": 0"#)
        }
        #expect(
            throws: EventDecodingError.malformedPayload(
                schema: .verdictV1, path: "$.payload.breaches[0].evidence[0].span.utf16_end", reason: "3 is before the start, 9")
        ) {
            try Self.read(
                Self.verdictV1, replacing: #""span": {"utf16_start": 9, "utf16_end": 25}"#, with: #""span": {"utf16_start": 9, "utf16_end": 3}"#)
        }
        #expect(
            throws: EventDecodingError.malformedPayload(
                schema: .caseEventV1, path: "$.payload.kind",
                reason: #""liked" is not one of opened, joined, escalated, acknowledged, overdue_escalated, closed, "#
                    + "assigned, unassigned, step_taken, noted, reopened, merged, merged_in, referral_overdue, stalled")
        ) {
            try Self.read(Self.caseEventV1, replacing: #""kind": "acknowledged""#, with: #""kind": "liked""#)
        }
    }

    @Test("a malformed payload's error says where, in words an operator can act on")
    func malformedPayloadDescription() {
        do {
            _ = try Self.read(Self.notificationV1, replacing: #""created_at": "2026-09-21T08:16:01Z""#, with: #""created_at": "yesterday""#)
            Issue.record("decoded")
        } catch {
            #expect(
                error.description
                    == "parapet.notification/1: malformed payload at $.payload.created_at: not an ISO 8601 date and time with a zone: yesterday")
            #expect(
                error
                    == .malformedPayload(
                        schema: .notificationV1, path: "$.payload.created_at", reason: "not an ISO 8601 date and time with a zone: yesterday"))
        }
    }

    @Test("a payload for another school than its envelope is refused")
    func schoolMismatch() {
        #expect(
            throws: EventDecodingError.malformedPayload(
                schema: .caseEventV1, path: "$.payload.school", reason: #"school "levens" is not the envelope's "stour-provost""#)
        ) {
            try Self.read(Self.caseEventV1, replacing: #""school": "stour-provost", "kind""#, with: #""school": "levens", "kind""#)
        }
    }

    @Test("bytes that are not an envelope are a malformed envelope, with the path when there is one")
    func malformedEnvelope() throws {
        for bytes in ["", "not json", "[1, 2]", #"{"id": "x"}"#, #"{"schema": 1}"#] {
            #expect {
                try IncomingEvent(json: Data(bytes.utf8))
            } throws: { error in
                guard case .malformedEnvelope(nil, _, _) = error as? EventDecodingError else { return false }
                return true
            }
        }
        #expect(throws: EventDecodingError.malformedEnvelope(schema: nil, path: "$.schema", reason: "missing")) {
            try Self.read(#"{"id": "x"}"#)
        }
        #expect(
            throws: EventDecodingError.malformedEnvelope(
                schema: "parapet.post/1", path: "$.id",
                reason: "Attempted to decode UUID from invalid UUID string.")
        ) {
            try Self.read(Self.postV1, replacing: #""id": "3b241101-e2bb-4255-8caf-4136c566a962""#, with: #""id": "42""#)
        }
        #expect(throws: EventDecodingError.malformedEnvelope(schema: "parapet.verdict/1", path: "$.occurred_at", reason: "missing")) {
            try Self.read(Self.verdictV1, replacing: #", "occurred_at": "2026-09-21T08:15:03.500Z""#, with: "")
        }
    }
}
