import Foundation
import ParapetIngest
import ParapetModels
import TestSupport
import Testing

@Suite("Random and mutated bodies never crash a parser")
struct ParserFuzzTests {
    static let validBodies: [String] = [
        Payloads.metaCommentAdded, Payloads.metaCommentEdited, Payloads.metaCommentRemoved, Payloads.metaCommentHidden,
        Payloads.metaPhotoPost, Payloads.metaStatusPost, Payloads.metaPhotosAndReaction, Payloads.instagramComment,
        Payloads.instagramMention, Payloads.xMentionWithMedia, Payloads.xLongReply, Payloads.xTweetDeleted,
        Payloads.metaSignedComment, Payloads.genericSingle, Payloads.genericBatch,
    ]

    /// Values of every JSON type, and values that are the right type but out of range.
    static let wrongValues: [String] = [
        "null", "true", "false", "0", "-1", "1.5", "1e400", "-1e400", "99999999999999999999999999", "253402300800",
        "1726906497000000", #""""#, #""x""#, #""\u0000\ud800""#, "[]", "{}", #"[1,"a",null,{}]"#, #"{"id":{}}"#,
        #""9999-99-99T99:99:99Z""#, #""0000-01-01T00:00:00Z""#, #""Wed Feb 30 25:61:61 +9999 0000""#,
        #""https://""#, #""javascript:alert(1)""#, #""http://[::1""#, #""comment""#, #""remove""#, #""hide""#,
    ]

    /// Fragments that tend to break JSON and UTF-8 in interesting ways.
    static let fragments: [[UInt8]] = [
        Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8), Array("\"".utf8), Array("\\".utf8),
        Array(",".utf8), Array(":".utf8), Array("null".utf8), Array("\\u".utf8), Array("\\ud83d".utf8),
        [0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98, 0x80], [0x00], Array("1e".utf8), Array("-".utf8),
    ]

    @Test func fiveThousandBodiesEachParseOrAreRefusedWith4xx() throws {
        var random = SplitMix64(seed: 0x5EED_2024_0921)
        var outcome = Outcome()
        for round in 0..<5_000 {
            let body: [UInt8]
            if round % 6 == 0 {
                body = Self.randomBody(&random)
            } else {
                var mutated = Array(Self.validBodies[round % Self.validBodies.count].utf8)
                for _ in 0..<Int.random(in: 1...3, using: &random) { Self.mutate(&mutated, &random) }
                body = mutated
            }
            outcome.check(body, round: round, random: &random)
        }
        #expect(outcome.failures.isEmpty, "\(outcome.failures.prefix(5))")
        #expect(outcome.accepted > 100, "mutations should leave some bodies readable")
        #expect(outcome.refused > 1_000)
    }

    @Test func everyValidBodyParsesUnderItsOwnParser() throws {
        for body in Self.validBodies {
            var outcome = Outcome()
            var random = SplitMix64(seed: 1)
            outcome.check(Array(body.utf8), round: 0, random: &random)
            #expect(outcome.failures.isEmpty)
            #expect(outcome.accepted >= 1, "\(body.prefix(60))")
        }
    }

    /// Bytes with no structure, or JSON-looking noise.
    static func randomBody(_ random: inout SplitMix64) -> [UInt8] {
        let count = Int.random(in: 0...300, using: &random)
        if Bool.random(using: &random) {
            return (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
        }
        var body: [UInt8] = []
        while body.count < count {
            body += fragments.randomElement(using: &random) ?? []
            if Bool.random(using: &random) { body += Array((wrongValues.randomElement(using: &random) ?? "").utf8) }
        }
        return body
    }

    /// One mutation: flip bits, delete a run, insert a fragment, duplicate a run, or give a value the wrong type.
    static func mutate(_ body: inout [UInt8], _ random: inout SplitMix64) {
        guard !body.isEmpty else { body = fragments.randomElement(using: &random) ?? []; return }
        let at = Int.random(in: 0..<body.count, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0:
            body[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
        case 1:
            body.removeSubrange(at..<min(body.count, at + Int.random(in: 1...16, using: &random)))
        case 2:
            body.insert(contentsOf: fragments.randomElement(using: &random) ?? [], at: at)
        case 3:
            let run = body[at..<min(body.count, at + Int.random(in: 1...40, using: &random))]
            body.insert(contentsOf: run, at: Int.random(in: 0...body.count, using: &random))
        default:
            replaceValue(&body, &random)
        }
    }

    /// Replaces the value after a randomly chosen `":` with one of ``wrongValues``.
    static func replaceValue(_ body: inout [UInt8], _ random: inout SplitMix64) {
        var starts: [Int] = []
        for index in 1..<max(1, body.count) where body[index] == UInt8(ascii: ":") && body[index - 1] == UInt8(ascii: "\"") {
            starts.append(index + 1)
        }
        guard var start = starts.randomElement(using: &random) else { return }
        while start < body.count, body[start] == 0x20 || body[start] == 0x0A { start += 1 }
        let end = valueEnd(body, from: start)
        body.replaceSubrange(start..<end, with: Array((wrongValues.randomElement(using: &random) ?? "null").utf8))
    }

    /// Where the JSON value starting at `start` ends (best effort; the body may already be broken).
    static func valueEnd(_ body: [UInt8], from start: Int) -> Int {
        var index = start
        var depth = 0
        var inString = false
        while index < body.count {
            let byte = body[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return min(body.count, index + 1) }
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return index }
                    depth -= 1
                    if depth == 0 { return index + 1 }
                case UInt8(ascii: ","): if depth == 0 { return index }
                default: break
                }
            }
            index += 1
        }
        return body.count
    }
}

/// What every parser made of the bodies: items that must survive being stored and encoded, or
/// errors that must be 4xx with a one-line message and a JSON body.
struct Outcome {
    var accepted = 0
    var refused = 0
    var failures: [String] = []

    mutating func check(_ body: [UInt8], round: Int, random: inout SplitMix64) {
        let receivedAt = Payloads.receivedAt
        record(round, "meta") { () throws(IngestError) in try MetaWebhook.parse(body, receivedAt: receivedAt) }
        record(round, "x") { () throws(IngestError) in try XWebhook.parse(body, receivedAt: receivedAt) }
        record(round, "generic") { () throws(IngestError) in
            try GenericPostRequest.decode(body, receivedAt: receivedAt).map(\.item)
        }
        record(round, "jsonl") { () throws(IngestError) in
            [try JSONLinesImport.decode(body, line: round + 1, receivedAt: receivedAt).item]
        }
        let header = String(decoding: body.prefix(Int.random(in: 0...80, using: &random)), as: UTF8.self)
        record(round, "signatures") { () throws(IngestError) in
            do throws(IngestError) {
                try WebhookSignature.verifyMeta(body: body, header: "sha256=" + header, appSecret: Array(header.utf8))
            } catch {
                try WebhookSignature.verifyX(body: body, header: header, consumerSecret: body)
            }
            return []
        }
        record(round, "handshake") { () throws(IngestError) in
            _ = try MetaWebhook.handshake(
                query: ["hub.mode": header, "hub.verify_token": header, "hub.challenge": header], verifyToken: header)
            return []
        }
        _ = WebhookSignature.xCRCResponse(crcToken: header, consumerSecret: body)
    }

    private mutating func record(_ round: Int, _ name: String, _ parse: () throws(IngestError) -> [IngestItem]) {
        do {
            let items = try parse()
            accepted += 1
            for item in items { try encode(item) }
        } catch let error as IngestError {
            refused += 1
            let rendered = try? JSONSerialization.jsonObject(with: Data(error.jsonBody))
            if !(400..<500).contains(error.status) || error.message.contains(where: \.isNewline) || rendered == nil {
                failures.append("round \(round) \(name): \(error)")
            }
        } catch {
            failures.append("round \(round) \(name): could not encode an item: \(error)")
        }
    }

    /// The item as the store would make it into a post and publish it.
    private func encode(_ item: IngestItem) throws {
        switch item {
        case .post(let draft):
            let post = Post(
                id: draft.id, trust: "t", school: "s", account: "a", platform: draft.platform,
                externalID: draft.externalID, author: draft.author, text: draft.text, media: draft.media,
                replyTo: draft.replyTo, createdAt: draft.createdAt, receivedAt: Payloads.receivedAt,
                permalink: draft.permalink, editedAt: draft.editedAt)
            let decoded = try ParapetJSON.decode(Post.self, from: ParapetJSON.encode(post))
            guard decoded.externalID == post.externalID else { throw CocoaError(.coderInvalidValue) }
        case .removal(let removal):
            _ = ParapetJSON.string(from: removal.at)
        }
    }
}
