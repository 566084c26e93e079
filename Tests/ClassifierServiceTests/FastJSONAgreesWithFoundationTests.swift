import Foundation
import ParapetModels
import TestSupport
import Testing

@testable import ParapetClassification

/// The classifier reads posts and writes verdicts with hand-written JSON code for speed; these
/// check it against ParapetJSON (Foundation's coders) on thousands of generated messages.
@Suite("Fast JSON agrees with Foundation")
struct FastJSONAgreesWithFoundationTests {
    static let alphabet: [String] = [
        "a", "Z", " ", "é", "e\u{301}", "😀", "👩‍👩‍👧", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "ß", "中", "\r",
    ]

    static func text(_ generator: inout SplitMix64, length: Int = 12) -> String {
        (0..<Int.random(in: 0...length, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    static func date(_ generator: inout SplitMix64) -> Date {
        // Whole milliseconds, as every date Parapet writes is.
        Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_102_444_800_000, using: &generator)) / 1000)
    }

    static func post(_ generator: inout SplitMix64) -> Post {
        let media = (0..<Int.random(in: 0...2, using: &generator)).map { _ in
            MediaAttachment(
                url: URL(string: "https://cdn.example/\(Int.random(in: 0...999, using: &generator)).jpg")!,
                type: MediaAttachment.Kind.allCases.randomElement(using: &generator)!,
                altText: Bool.random(using: &generator) ? text(&generator) : nil,
                sha256: Bool.random(using: &generator) ? "ab12" : nil,
                taggedPeople: Bool.random(using: &generator) ? (0..<2).map { _ in text(&generator, length: 4) } : nil)
        }
        return Post(
            id: UUID(), trust: text(&generator), school: text(&generator), account: text(&generator),
            platform: MonitoredAccount.Platform.allCases.randomElement(using: &generator)!, externalID: text(&generator),
            author: PostAuthor(
                handle: text(&generator), displayName: Bool.random(using: &generator) ? text(&generator) : nil,
                kind: PostAuthor.Kind.allCases.randomElement(using: &generator)!),
            text: text(&generator, length: 40), media: media, replyTo: Bool.random(using: &generator) ? text(&generator) : nil,
            createdAt: date(&generator), receivedAt: date(&generator),
            permalink: Bool.random(using: &generator) ? URL(string: "https://example.com/p/\(Int.random(in: 0...99, using: &generator))") : nil,
            revision: Int.random(in: 1...5, using: &generator), editedAt: Bool.random(using: &generator) ? date(&generator) : nil,
            removedAt: Bool.random(using: &generator) ? date(&generator) : nil)
    }

    @Test("every post ParapetJSON writes is read by the fast path, to the same value")
    func canonicalPostsRoundTrip() throws {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<3_000 {
            let post = Self.post(&generator)
            let envelope = Envelope(id: UUID(), trust: post.trust, payload: post)
            let bytes = Array(try ParapetJSON.encode(envelope))
            let fast = PostEnvelopeReader.read(bytes)
            #expect(fast == envelope, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test("on altered messages the fast path either gives up or agrees with IncomingEvent")
    func alteredMessagesAgree() throws {
        var generator = SplitMix64(seed: 7)
        let edits: [(String, String)] = [
            ("\"revision\":", "\"revision\":0"), ("\"revision\":", "\"revision\":1.0,\"x\":"), ("\"media\":[", "\"media\":null,\"y\":["),
            ("\"kind\":", "\"kind\":null,\"k\":"), ("Z\"", "+01:00\""), (".000Z", "Z"), ("\"school\":", "\"school\":\"other\",\"s\":"),
            ("\"text\":\"", "\"text\":\"\\u00e9\\ud83d\\ude00\\/"), ("\"text\":\"", "\"text\":\"\\ud83d"), ("\"text\":", "\"text\":null,\"t\":"),
            ("{", "{\"extra\":{\"nested\":[1,2.5e3,true,null,\"s\"]},"), ("{", "{\"id\":\"x\","), ("parapet.post/1", "parapet.post/2"),
            ("\"platform\":\"", "\"platform\":\"myspace"), ("T", " "), ("-", "/"), ("\"reply_to\":", "\"reply_to\":7,\"r\":"),
            (":", " : "), ("}", " }\n"), ("\"author\":{", "\"author\":{\"handle\":\"dup\","),
            ("\"handle\":", "\"h\\u0061ndle\":"), ("\"text\":", "\"te\\u0078t\":"), ("-", ""), ("\"id\":\"", "\"id\":\"{"),
        ]
        var fastAccepted = 0
        for round in 0..<4_000 {
            let post = Self.post(&generator)
            var text = String(decoding: try ParapetJSON.encode(Envelope(id: UUID(), trust: post.trust, payload: post)), as: UTF8.self)
            for _ in 0...(round % 3) {
                let (from, to) = edits.randomElement(using: &generator)!
                guard let range = text.ranges(of: from).randomElement(using: &generator) else { continue }
                text.replaceSubrange(range, with: to)
            }
            let bytes = Array(text.utf8)
            guard let fast = PostEnvelopeReader.read(bytes) else { continue }
            fastAccepted += 1
            let reference = try? IncomingEvent(json: Data(bytes))
            guard case .post(let envelope)? = reference else {
                Issue.record("the fast path read what IncomingEvent refuses: \(text)")
                continue
            }
            #expect(fast == envelope, "\(text)")
        }
        #expect(fastAccepted > 500, "the fast path still reads most harmless variations")
    }

    @Test("UUIDs and UTF-8 are read and written as Foundation and the standard library do")
    func uuidsAndUTF8Agree() {
        var generator = SplitMix64(seed: 13)
        for _ in 0..<2_000 {
            let uuid = UUID(
                uuid: (
                    UInt8.random(in: 0...255, using: &generator), UInt8.random(in: 0...255, using: &generator),
                    UInt8.random(in: 0...255, using: &generator),
                    UInt8.random(in: 0...255, using: &generator), UInt8.random(in: 0...255, using: &generator),
                    UInt8.random(in: 0...255, using: &generator),
                    UInt8.random(in: 0...255, using: &generator), UInt8.random(in: 0...255, using: &generator),
                    UInt8.random(in: 0...255, using: &generator),
                    UInt8.random(in: 0...255, using: &generator), UInt8.random(in: 0...255, using: &generator),
                    UInt8.random(in: 0...255, using: &generator),
                    UInt8.random(in: 0...255, using: &generator), UInt8.random(in: 0...255, using: &generator),
                    UInt8.random(in: 0...255, using: &generator),
                    UInt8.random(in: 0...255, using: &generator)
                ))
            #expect(uuid.uppercasedString == uuid.uuidString)
            for text in [uuid.uuidString, uuid.uuidString.lowercased(), "{\(uuid.uuidString)}", String(uuid.uuidString.dropLast()) + "g"] {
                let parsed = Array(text.utf8).withUnsafeBufferPointer { UUID(canonicalText: $0) }
                if let parsed { #expect(parsed == UUID(uuidString: text), "\(text)") }
            }
            #expect(Array(uuid.uuidString.lowercased().utf8).withUnsafeBufferPointer { UUID(canonicalText: $0) } == uuid)
        }
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0...0x7F, using: &generator) : UInt8.random(in: 0x80...0xFF, using: &generator)
            }
            #expect(bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
        for text in ["", "plain ASCII text longer than eight bytes", "é中😀", "\u{10FFFF}", "\u{D7FF}\u{E000}"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { UTF8Validation.isValid($0) })
        }
        for bad: [UInt8] in [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8], [0x80], [0xE2, 0x82]] {
            #expect(!bad.withUnsafeBufferPointer { UTF8Validation.isValid($0) }, "\(bad)")
        }
    }

    @Test("verdicts and their envelopes are written byte for byte as ParapetJSON writes them")
    func verdictsAgree() throws {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let breaches = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                ClauseBreach(
                    clauseID: Self.text(&generator), behaviour: Behaviour.allCases.randomElement(using: &generator)!,
                    severity: Severity.allCases.randomElement(using: &generator)!,
                    evidence: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                        let start = Int.random(in: 0...1000, using: &generator)
                        return Evidence(
                            span: Bool.random(using: &generator)
                                ? TextSpan(start: start, end: start + Int.random(in: 0...50, using: &generator)) : nil,
                            attachment: Bool.random(using: &generator) ? Int.random(in: 0...3, using: &generator) : nil,
                            matched: Self.text(&generator), detector: Self.text(&generator))
                    },
                    about: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                        BreachSubject(
                            kind: BreachSubject.Kind.allCases.randomElement(using: &generator)!,
                            id: Bool.random(using: &generator) ? Self.text(&generator) : nil,
                            role: Bool.random(using: &generator) ? Self.text(&generator) : nil)
                    }, childAtRisk: Bool.random(using: &generator))
            }
            let decided = Self.date(&generator)
            let verdict = Verdict(
                postID: UUID(), postRevision: Int.random(in: 1...9, using: &generator), school: Self.text(&generator),
                authorKey: AuthorKey(rawValue: Self.text(&generator)), rulesetVersion: Self.text(&generator), packID: Self.text(&generator),
                packVersion: Int.random(in: 0...99, using: &generator), decidedAt: decided, breaches: breaches)
            let trust = Self.text(&generator)
            #expect(VerdictJSONWriter.breaches(breaches) == Array(try ParapetJSON.encode(breaches)))
            let written = VerdictJSONWriter.envelope(
                verdict, trust: trust, breachesJSON: VerdictJSONWriter.breaches(breaches), decidedAtText: ParapetJSON.string(from: decided))
            #expect(written == Array(try ParapetJSON.encode(Envelope(id: verdict.id, trust: trust, payload: verdict))))
            #expect(VerdictJSONWriter.verdict(verdict, decidedAtText: ParapetJSON.string(from: decided)) == Array(try ParapetJSON.encode(verdict)))
        }
    }
}
