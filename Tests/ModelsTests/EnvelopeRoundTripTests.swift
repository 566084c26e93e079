import Foundation
import ParapetModels
import Testing

@Suite("The message envelope and Parapet's JSON dialect")
struct EnvelopeRoundTripTests {
    struct Ping: Codable, Sendable, Hashable {
        var text: String
    }

    @Test("an envelope survives JSON encoding and decoding, with snake_case occurred_at")
    func roundTrip() throws {
        let envelope = Envelope(
            schema: EventSchema(name: "parapet.ping", version: 1), trust: "oakfield-trust", school: "stour-provost",
            occurredAt: Fixture.date("2026-09-21T08:15:00.250Z"), payload: Ping(text: "héllo \"world\""))
        #expect(try Fixture.keys(of: envelope) == ["schema", "id", "trust", "school", "occurred_at", "payload"])
        #expect(try Fixture.roundTripped(envelope) == envelope)
    }

    @Test("an envelope for a payload takes its schema, school and time from the payload, and its header says the same")
    func envelopeFromPayload() throws {
        let envelope = Envelope(trust: "oakfield-learning-trust", payload: Fixture.verdict)
        #expect(envelope.schema == .verdictV2)
        #expect(envelope.school == "stour-provost")
        #expect(envelope.occurredAt == Fixture.verdict.decidedAt)
        #expect(
            envelope.header
                == EnvelopeHeader(
                    schema: .verdictV2, id: envelope.id, trust: "oakfield-learning-trust", school: "stour-provost",
                    occurredAt: Fixture.verdict.decidedAt))
        #expect(try ParapetJSON.decode(EnvelopeHeader.self, from: ParapetJSON.encode(envelope)) == envelope.header)
    }

    @Test("each payload goes to its topic under the key docs/architecture.md names")
    func topicsAndKeys() {
        let caseID = UUID(uuidString: "6A1F0000-0000-4000-8000-00000000C0DE")!
        let event = CaseEvent(
            caseID: caseID, sequence: 2, school: "stour-provost", kind: .overdueEscalated, at: Fixture.date("2026-09-21T09:00:00Z"),
            actor: .service("escalation"))
        let notification = CaseNotification(
            caseID: caseID, school: "stour-provost", recipients: [], mode: .digest, subject: "Minor post", template: .caseOpened,
            createdAt: Fixture.date("2026-09-21T09:00:00Z"))
        #expect(Envelope<Post>.topic == .posts)
        #expect(Envelope(trust: "t", payload: Fixture.post).partitionKey == "sp-facebook-page")
        #expect(Envelope<Verdict>.topic == .verdicts)
        #expect(Fixture.verdict.partitionKey == "stour-provost/facebook:dan.r.1984")
        #expect(Envelope<CaseEvent>.topic == .caseEvents)
        #expect(event.partitionKey == "6a1f0000-0000-4000-8000-00000000c0de")
        #expect(Envelope<CaseNotification>.topic == .notifications)
        #expect(notification.partitionKey == event.partitionKey)
    }

    @Test("schemas are written name/version and parsed back; anything else is not a schema")
    func schemaText() {
        #expect(EventSchema.postV1.description == "parapet.post/1")
        #expect(EventSchema.verdictV1.description == "parapet.verdict/1")
        #expect(EventSchema.verdictV2.description == "parapet.verdict/2")
        #expect(EventSchema.caseEventV1.description == "parapet.case-event/1")
        #expect(EventSchema.notificationV1.description == "parapet.notification/1")
        #expect(EventSchema("parapet.post/2") == EventSchema(name: "parapet.post", version: 2))
        for text in [
            "parapet.post", "parapet.post/", "/1", "parapet.post/0", "parapet.post/01", "parapet.post/1/2", "parapet.post/+1", "parapet.post/v1",
        ] {
            #expect(EventSchema(text) == nil, "\(text)")
        }
    }

    @Test("dates are written in UTC with exactly three fractional digits, rounded to the millisecond")
    func dateEncoding() {
        #expect(ParapetJSON.string(from: Date(timeIntervalSince1970: 1_790_000_000)) == "2026-09-21T14:13:20.000Z")
        #expect(ParapetJSON.string(from: Date(timeIntervalSince1970: 1_790_000_000.123)) == "2026-09-21T14:13:20.123Z")
        #expect(ParapetJSON.string(from: Date(timeIntervalSince1970: 1_790_000_000.001)) == "2026-09-21T14:13:20.001Z")
        #expect(ParapetJSON.string(from: Date(timeIntervalSince1970: 1_790_000_000.9996)) == "2026-09-21T14:13:21.000Z")
        #expect(ParapetJSON.string(from: Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
    }

    @Test("a whole-millisecond date survives a round trip exactly")
    func dateRoundTrip() throws {
        for seconds in [1_790_000_000.123, 1_790_000_000.999, 1_790_000_000.001, 0, 1_790_000_000.5] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ParapetJSON.date(from: ParapetJSON.string(from: date)) == date, "\(seconds)")
        }
    }

    @Test("dates are read with any number of fractional digits and any zone offset, but never without a zone")
    func dateDecoding() {
        let expected = Date(timeIntervalSince1970: 1_790_000_000.25)
        for text in ["2026-09-21T14:13:20.25Z", "2026-09-21T14:13:20.250Z", "2026-09-21T15:13:20.250+01:00", "2026-09-21T14:13:20.250400Z"] {
            #expect(ParapetJSON.date(from: text) == expected, "\(text)")
        }
        #expect(ParapetJSON.date(from: "2026-09-21T14:13:20Z") == Date(timeIntervalSince1970: 1_790_000_000))
        for text in ["2026-09-21T14:13:20", "2026-09-21 14:13:20Z", "2026-09-21", "yesterday"] {
            #expect(ParapetJSON.date(from: text) == nil, "\(text)")
        }
    }

    @Test("the same value always encodes to the same bytes: sorted keys, unescaped slashes")
    func deterministicBytes() throws {
        let envelope = Envelope(id: UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, trust: "t", payload: Fixture.post)
        let first = try ParapetJSON.encode(envelope)
        #expect(try ParapetJSON.encode(try ParapetJSON.decode(Envelope<Post>.self, from: first)) == first)
        let text = try #require(String(data: first, encoding: .utf8))
        #expect(text.hasPrefix(#"{"id":"00000000-0000-4000-8000-000000000001","occurred_at":"2026-09-21T08:15:00.250Z","payload":{"#))
        #expect(text.contains(#""url":"https://cdn.example.com/p/1.jpg""#))
    }

    @Test("every topic docs/architecture.md names exists, under the parapet. prefix")
    func topics() {
        #expect(
            ParapetTopic.allCases.map(\.name) == [
                "parapet.posts", "parapet.verdicts", "parapet.case-events", "parapet.notifications", "parapet.dead-letters",
            ])
    }

    @Test("an envelope written around a payload's stored JSON is byte for byte the one ParapetJSON writes")
    func envelopeAroundStoredJSON() throws {
        let opened = try Case.opening(Fixture.verdict, ladder: Fixture.ladder, at: Fixture.date("2026-09-21T08:16:00.125Z"))
        let event = CaseEvent(
            caseID: opened.id, sequence: 1, school: opened.school,
            kind: .opened(verdict: CaseVerdict(Fixture.verdict)!, author: Fixture.author, ladder: Fixture.ladder),
            at: opened.openedAt, actor: .service("escalation"))
        let notification = CaseNotification(
            caseID: opened.id, school: opened.school, recipients: [.init(role: .headteacher, email: "head@école.example")], mode: .immediate,
            subject: "A \"quoted\" subject – Stour Provost", template: .caseOpened, createdAt: opened.openedAt, sendAfter: opened.openedAt)
        let eventEnvelope = Envelope(id: event.id, trust: "oakfield-learning-trust", payload: event)
        #expect(eventEnvelope.header.envelopeJSON(payloadJSON: Array(try ParapetJSON.encode(event))) == Array(try ParapetJSON.encode(eventEnvelope)))
        let notificationEnvelope = Envelope(id: notification.id, trust: "oakfield-learning-trust", payload: notification)
        #expect(
            notificationEnvelope.header.envelopeJSON(payloadJSON: Array(try ParapetJSON.encode(notification)))
                == Array(try ParapetJSON.encode(notificationEnvelope)))
    }
}
