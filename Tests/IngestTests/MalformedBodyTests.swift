import Foundation
import ParapetIngest
import Testing

@Suite("Bodies that are not UTF-8 JSON are refused with 400")
struct MalformedBodyTests {
    typealias Parser = @Sendable ([UInt8]) throws(IngestError) -> Void
    static let parsers: [(String, Parser)] = [
        ("meta", { body throws(IngestError) in _ = try MetaWebhook.parse(body, receivedAt: Payloads.receivedAt) }),
        ("x", { body throws(IngestError) in _ = try XWebhook.parse(body, receivedAt: Payloads.receivedAt) }),
        ("generic", { body throws(IngestError) in _ = try GenericPostRequest.decode(body, receivedAt: Payloads.receivedAt) }),
    ]

    @Test(
        arguments: [
            ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D], 6),  // bad continuation byte
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // encoded surrogate
            ([0xC0, 0xAF], 0),  // overlong '/'
            ([0x7B, 0xFF, 0x7D], 1),
            ([0x22, 0xF0, 0x9F, 0x98], 1),  // truncated four-byte sequence
        ] as [([UInt8], Int)])
    func invalidUTF8(body: [UInt8], offset: Int) {
        for (_, parse) in Self.parsers {
            #expect(throws: IngestError(.invalidUTF8, "body is not valid UTF-8 (byte \(offset))")) { try parse(body) }
        }
    }

    @Test(arguments: [
        ("", "body is empty, not JSON"),
        ("   ", "body is empty, not JSON"),
        ("{", "malformed JSON at byte 1: expected a quoted key, found the end of the body"),
        (#"{"object":"page",}"#, #"malformed JSON at byte 17: expected a quoted key, found "}""#),
        (#"{"object" "page"}"#, #"malformed JSON at byte 10: expected ':' after a key, found "\"""#),
        (#"{"a":[1,2}"#, #"malformed JSON at byte 9: expected ',' or ']' in an array, found "}""#),
        (#"{"a":01}"#, #"malformed JSON at byte 6: expected ',' or '}' in an object, found "1""#),
        (#"{"a":tru}"#, #"malformed JSON at byte 5: expected a value, found "t""#),
        (#"{"a":"\x"}"#, #"malformed JSON at byte 7: invalid escape in a string: a backslash before "x""#),
        ("{\"a\":\"tab\there\"}", "malformed JSON at byte 9: unescaped control character in a string"),
        (#"{} {}"#, #"malformed JSON at byte 3: unexpected "{" after the JSON value"#),
        (#"{"a":"open"#, "malformed JSON at byte 10: the body ends inside a string"),
    ])
    func malformedJSON(body: String, message: String) {
        for (_, parse) in Self.parsers {
            #expect(throws: IngestError(.malformedJSON, message)) { try parse(Payloads.bytes(body)) }
        }
    }

    @Test func deepNestingIsRefusedWithoutExhaustingTheStack() {
        let body = Payloads.bytes(String(repeating: "[", count: 200_000))
        for (_, parse) in Self.parsers {
            #expect(throws: IngestError(.malformedJSON, "malformed JSON at byte 64: nested deeper than 64 levels")) {
                try parse(body)
            }
        }
    }

    @Test func escapedTextAndSurrogatePairsAreDecoded() throws {
        let body =
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"\"Hi\" \u00e9 \ud83d\ude00 \ud800 \/","created_at":"2024-09-21T08:15:00Z"}"#
        guard case .post(let draft) = try GenericPostRequest.decode(Payloads.bytes(body), receivedAt: Payloads.receivedAt).first?.item
        else { Issue.record(); return }
        #expect(draft.text == "\"Hi\" é 😀 \u{FFFD} /")
    }

    @Test func errorBodyIsEscapedJSON() throws {
        let error = IngestError(.invalidField, "text: \"quoted\" \\ back\u{01}slash\nnext")
        #expect(error.message == "text: \"quoted\" \\ back\u{01}slash next")
        let rendered = String(decoding: error.jsonBody, as: UTF8.self)
        #expect(rendered == #"{"error":{"code":"invalid_field","message":"text: \"quoted\" \\ back\u0001slash next"}}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(error.jsonBody)) as? [String: [String: String]]
        #expect(parsed?["error"]?["message"] == error.message)
        #expect(parsed?["error"]?["code"] == "invalid_field")
    }

    @Test func everyCodeHasA4xxStatus() {
        for code in IngestError.Code.allCases {
            #expect((400..<500).contains(code.status), "\(code)")
        }
        #expect(IngestError.Code.unsigned.status == 401)
        #expect(IngestError.Code.badToken.status == 401)
        #expect(IngestError.Code.badVerifyToken.status == 403)
        #expect(IngestError.Code.tooLarge.status == 413)
    }
}
