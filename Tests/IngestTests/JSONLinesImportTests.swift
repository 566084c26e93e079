import Foundation
import ParapetIngest
import Testing

@Suite("JSON Lines import names the line of each error")
struct JSONLinesImportTests {
    @Test func lineIsDecodedLikeOnePost() throws {
        let line = Payloads.bytes(Payloads.genericSingle.replacingOccurrences(of: "\n", with: " ") + "\r\n")
        let decoded = try JSONLinesImport.decode(line, line: 1, receivedAt: Payloads.receivedAt)
        #expect(decoded.account == "levens-parents-forum")
        #expect(decoded.item.externalID == "thread-88/post-4")
    }

    @Test func errorsCarryTheLineNumber() {
        let line = #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"t","created_at":"yesterday"}"#
        #expect(throws: IngestError(.invalidField, #"line 12: created_at: "yesterday" is not an ISO 8601 time"#)) {
            try JSONLinesImport.decode(Payloads.bytes(line), line: 12, receivedAt: Payloads.receivedAt)
        }
        #expect(throws: IngestError(.malformedJSON, #"line 3: malformed JSON at byte 1: expected a quoted key, found "a""#)) {
            try JSONLinesImport.decode(Payloads.bytes("{a:1}"), line: 3, receivedAt: Payloads.receivedAt)
        }
        #expect(throws: IngestError(.invalidField, "line 4: post: expected an object, found an array")) {
            try JSONLinesImport.decode(Payloads.bytes("[]"), line: 4, receivedAt: Payloads.receivedAt)
        }
    }

    @Test func blankLinesAreRecognised() {
        #expect(JSONLinesImport.isBlank(Payloads.bytes(" \t\r\n")))
        #expect(!JSONLinesImport.isBlank(Payloads.bytes(" {}")))
    }
}
