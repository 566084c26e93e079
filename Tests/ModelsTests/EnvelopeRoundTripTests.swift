import Foundation
import ParapetModels
import Testing

@Suite("The message envelope")
struct EnvelopeRoundTripTests {
    struct Ping: Codable, Sendable, Equatable {
        var text: String
    }

    @Test("an envelope survives JSON encoding and decoding, with snake_case occurred_at")
    func roundTrip() throws {
        let envelope = Envelope(
            schema: "parapet.ping/1", trust: "oakfield-trust", school: "stour-provost",
            occurredAt: Date(timeIntervalSince1970: 1_790_000_000), payload: Ping(text: "héllo \"world\""))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(envelope)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["schema", "id", "trust", "school", "occurred_at", "payload"])
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(Envelope<Ping>.self, from: data)
        #expect(decoded.id == envelope.id)
        #expect(decoded.payload == envelope.payload)
        #expect(decoded.occurredAt == envelope.occurredAt)
    }

    @Test("every topic DESIGN.md names exists, under the parapet. prefix")
    func topics() {
        #expect(ParapetTopic.allCases.map(\.name) == [
            "parapet.posts", "parapet.verdicts", "parapet.case-events", "parapet.notifications", "parapet.dead-letters",
        ])
    }
}
