import Foundation
import ParapetIngest
import Testing

/// Expected values computed independently with Python's `hmac` module, e.g.
/// `python3 -c "import hmac,hashlib; print(hmac.new(b'parapet-meta-app-secret', body, hashlib.sha256).hexdigest())"`.
@Suite("Webhook signatures are verified against known HMAC-SHA256 values")
struct WebhookSignatureTests {
    static let metaSecret = Payloads.bytes("parapet-meta-app-secret")
    static let metaHeader = "sha256=517ce3c278c3877b92771502f0711e37d6ef4792d05d792adaab5472ec67f551"
    static let xSecret = Payloads.bytes("parapet-x-consumer-secret")
    static let xHeader = "sha256=bb4J+i3PXYL/bsHkPx891mzpU3jvUXW3RrG3la5/gFQ="

    @Test func metaValidSignatureIsAccepted() throws {
        try WebhookSignature.verifyMeta(
            body: Payloads.bytes(Payloads.metaSignedComment), header: Self.metaHeader, appSecret: Self.metaSecret)
        try WebhookSignature.verifyMeta(
            body: Payloads.bytes(Payloads.metaSignedComment),
            header: Self.metaHeader.uppercased().replacingOccurrences(of: "SHA256=", with: "sha256="),
            appSecret: Self.metaSecret)
    }

    @Test func metaRFC4231TestCase2() throws {
        try WebhookSignature.verifyMeta(
            body: Payloads.bytes("what do ya want for nothing?"),
            header: "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            appSecret: Payloads.bytes("Jefe"))
    }

    @Test(arguments: [nil, "", "  "] as [String?])
    func metaUnsignedIsRefused(header: String?) {
        let error = #expect(throws: IngestError.self) {
            try WebhookSignature.verifyMeta(
                body: Payloads.bytes(Payloads.metaSignedComment), header: header, appSecret: Self.metaSecret)
        }
        #expect(error?.code == "unsigned")
        #expect(error?.status == 401)
    }

    @Test func metaWrongSecretIsRefused() {
        #expect(throws: IngestError(.badSignature, "X-Hub-Signature-256: does not match the body")) {
            try WebhookSignature.verifyMeta(
                body: Payloads.bytes(Payloads.metaSignedComment), header: Self.metaHeader,
                appSecret: Payloads.bytes("another-app-secret"))
        }
    }

    @Test func replayedSignatureWithAlteredBodyIsRefused() {
        let altered = Payloads.metaSignedComment.replacingOccurrences(of: "Well done", with: "Shame on")
        #expect(throws: IngestError(.badSignature, "X-Hub-Signature-256: does not match the body")) {
            try WebhookSignature.verifyMeta(body: Payloads.bytes(altered), header: Self.metaHeader, appSecret: Self.metaSecret)
        }
        var oneByteMore = Payloads.bytes(Payloads.metaSignedComment)
        oneByteMore.append(0x20)
        #expect(throws: IngestError.self) {
            try WebhookSignature.verifyMeta(body: oneByteMore, header: Self.metaHeader, appSecret: Self.metaSecret)
        }
    }

    @Test(arguments: [
        "517ce3c278c3877b92771502f0711e37d6ef4792d05d792adaab5472ec67f551",
        "sha1=517ce3c278c3877b92771502f0711e37d6ef4792d05d792adaab5472ec67f551",
        "sha256=517ce3c278c3877b92771502f0711e37d6ef4792d05d792adaab5472ec67f5",
        "sha256=517ce3c278c3877b92771502f0711e37d6ef4792d05d792adaab5472ec67f55100",
        "sha256=zz7ce3c278c3877b92771502f0711e37d6ef4792d05d792adaab5472ec67f551",
        "sha256=",
        "sha256=bb4J+i3PXYL/bsHkPx891mzpU3jvUXW3RrG3la5/gFQ=",
    ])
    func metaMalformedHeaderIsABadSignature(header: String) {
        #expect(throws: IngestError(.badSignature, "X-Hub-Signature-256: expected sha256=<64 hex digits>")) {
            try WebhookSignature.verifyMeta(
                body: Payloads.bytes(Payloads.metaSignedComment), header: header, appSecret: Self.metaSecret)
        }
    }

    @Test func xValidSignatureIsAccepted() throws {
        try WebhookSignature.verifyX(
            body: Payloads.bytes(Payloads.xTweetDeleted), header: Self.xHeader, consumerSecret: Self.xSecret)
    }

    @Test func xUnsignedWrongSecretAlteredBodyAndMalformedAreRefused() {
        let body = Payloads.bytes(Payloads.xTweetDeleted)
        #expect(throws: IngestError(.unsigned, "x-twitter-webhooks-signature: missing; the webhook must be signed")) {
            try WebhookSignature.verifyX(body: body, header: nil, consumerSecret: Self.xSecret)
        }
        let mismatch = IngestError(.badSignature, "x-twitter-webhooks-signature: does not match the body")
        #expect(throws: mismatch) {
            try WebhookSignature.verifyX(body: body, header: Self.xHeader, consumerSecret: Payloads.bytes("wrong"))
        }
        let altered = Payloads.bytes(Payloads.xTweetDeleted.replacingOccurrences(of: "1045405559317569537", with: "1045405559317569538"))
        #expect(throws: mismatch) {
            try WebhookSignature.verifyX(body: altered, header: Self.xHeader, consumerSecret: Self.xSecret)
        }
        let malformed = IngestError(.badSignature, "x-twitter-webhooks-signature: expected sha256=<base64 of 32 bytes>")
        for header in [
            "bb4J+i3PXYL/bsHkPx891mzpU3jvUXW3RrG3la5/gFQ=", "sha256=bb4J+i3P!!", "sha256=YWJj",
            "sha256=517ce3c278c3877b92771502f0711e37d6ef4792d05d792adaab5472ec67f551",
        ] {
            #expect(throws: malformed) {
                try WebhookSignature.verifyX(body: body, header: header, consumerSecret: Self.xSecret)
            }
        }
    }

    @Test func xCRCResponseMatchesAnIndependentHMAC() {
        #expect(
            WebhookSignature.xCRCResponse(
                crcToken: "9b4507b3-9040-4669-9ba1-3fd7c5bc9b8e", consumerSecret: Self.xSecret)
                == "sha256=hC30ODjwJpZ3V9ydEYnVlpfgfOeLXs26IGbLBTKyLTQ=")
    }
}
