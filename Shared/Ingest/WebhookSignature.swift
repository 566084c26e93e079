import Crypto
import Foundation
import ParapetModels

/// Checks that a webhook body came from the platform: an HMAC-SHA256 of the raw body under the
/// app's shared secret, compared in constant time.
public enum WebhookSignature {
    /// Verifies Meta's `X-Hub-Signature-256: sha256=<64 lower-case hex digits>` header against
    /// HMAC-SHA256(key: app secret, data: raw body).
    ///
    /// - Throws: `unsigned` (401) when the header is missing or empty; `bad_signature` (401) when
    ///   it is malformed or does not match.
    public static func verifyMeta(body: [UInt8], header: String?, appSecret: [UInt8]) throws(IngestError) {
        let name = "X-Hub-Signature-256"
        let value = try present(header, name: name)
        guard value.hasPrefix(prefix), let claimed = hexDigest(value.dropFirst(prefix.count)) else {
            throw IngestError(.badSignature, "\(name): expected sha256=<64 hex digits>")
        }
        try check(claimed, against: hmac(body, key: appSecret), name: name)
    }

    /// Verifies X's `x-twitter-webhooks-signature: sha256=<base64>` header against
    /// HMAC-SHA256(key: consumer secret, data: raw body).
    ///
    /// - Throws: `unsigned` (401) when the header is missing or empty; `bad_signature` (401) when
    ///   it is malformed or does not match.
    public static func verifyX(body: [UInt8], header: String?, consumerSecret: [UInt8]) throws(IngestError) {
        let name = "x-twitter-webhooks-signature"
        let value = try present(header, name: name)
        guard value.hasPrefix(prefix), let decoded = Data(base64Encoded: String(value.dropFirst(prefix.count))),
            decoded.count == SHA256.byteCount
        else {
            throw IngestError(.badSignature, "\(name): expected sha256=<base64 of 32 bytes>")
        }
        try check(Array(decoded), against: hmac(body, key: consumerSecret), name: name)
    }

    /// The answer to X's challenge-response check (`GET /webhooks/x?crc_token=…`):
    /// `sha256=` + base64(HMAC-SHA256(key: consumer secret, data: crc_token)), to be sent as
    /// `{"response_token": "…"}`.
    public static func xCRCResponse(crcToken: String, consumerSecret: [UInt8]) -> String {
        prefix + Data(hmac(Array(crcToken.utf8), key: consumerSecret)).base64EncodedString()
    }

    /// Whether `a` and `b` are equal, taking the same time wherever they differ: every byte of
    /// the longer is visited and differences are OR-ed together, never returning early.
    /// Callers compare fixed-length digests, so the length itself reveals nothing.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference: UInt8 = a.count == b.count ? 0 : 1
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? a[index] : 0
            let right = index < b.count ? b[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }

    private static let prefix = "sha256="

    private static func hmac(_ data: [UInt8], key: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: data, using: SymmetricKey(data: key)))
    }

    /// The header's value, trimmed; missing or empty is `unsigned`.
    private static func present(_ header: String?, name: String) throws(IngestError) -> String {
        // Spaces and tabs around a header value are not part of it (RFC 9110 §5.5); trimmed
        // by hand because Foundation's character-set trim was a visible cost per request.
        let value =
            header.map { header in
                let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
                guard let first = header.utf8.firstIndex(where: { !isBlank($0) }),
                    let last = header.utf8.lastIndex(where: { !isBlank($0) })
                else { return "" }
                return String(header[first...last])
            } ?? ""
        guard !value.isEmpty else { throw IngestError(.unsigned, "\(name): missing; the webhook must be signed") }
        return value
    }

    private static func check(_ claimed: [UInt8], against expected: [UInt8], name: String) throws(IngestError) {
        guard constantTimeEqual(claimed, expected) else {
            throw IngestError(.badSignature, "\(name): does not match the body")
        }
    }

    /// Exactly 64 hex digits (either case) as 32 bytes.
    private static func hexDigest(_ text: Substring) -> [UInt8]? {
        HexDigit.bytes(text, count: SHA256.byteCount)
    }
}
