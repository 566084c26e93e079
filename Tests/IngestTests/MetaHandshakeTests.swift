import ParapetIngest
import Testing

@Suite("Meta's subscription handshake")
struct MetaHandshakeTests {
    static let token = "levens-verify-2024"

    @Test func goodTokenReturnsTheChallenge() throws {
        let challenge = try MetaWebhook.handshake(
            query: ["hub.mode": "subscribe", "hub.verify_token": Self.token, "hub.challenge": "1158201444"],
            verifyToken: Self.token)
        #expect(challenge == "1158201444")
    }

    @Test(arguments: ["levens-verify-2023", "", "levens-verify-2024 ", "LEVENS-VERIFY-2024"])
    func wrongTokenIsForbidden(offered: String) {
        let error = #expect(throws: IngestError.self) {
            try MetaWebhook.handshake(
                query: ["hub.mode": "subscribe", "hub.verify_token": offered, "hub.challenge": "1"], verifyToken: Self.token)
        }
        #expect(error?.code == "bad_verify_token")
        #expect(error?.status == 403)
    }

    @Test func wrongModeIsForbidden() {
        #expect(throws: IngestError(.badVerifyToken, #"hub.mode: expected subscribe, found "unsubscribe""#)) {
            try MetaWebhook.handshake(
                query: ["hub.mode": "unsubscribe", "hub.verify_token": Self.token, "hub.challenge": "1"],
                verifyToken: Self.token)
        }
    }

    @Test func emptyConfiguredTokenMatchesNothing() {
        #expect(throws: IngestError.self) {
            try MetaWebhook.handshake(
                query: ["hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1"], verifyToken: "")
        }
    }

    @Test func missingChallengeIsAnInvalidField() {
        #expect(throws: IngestError(.invalidField, "hub.challenge: is required but missing")) {
            try MetaWebhook.handshake(query: ["hub.mode": "subscribe", "hub.verify_token": Self.token], verifyToken: Self.token)
        }
    }
}
