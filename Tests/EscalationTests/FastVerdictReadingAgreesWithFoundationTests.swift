import Foundation
import ParapetEscalation
import ParapetModels
import TestSupport
import Testing

/// Escalation reads verdicts with hand-written JSON code for speed; it must read exactly what
/// IncomingEvent reads, or give up and leave the message to it.
@Suite("Fast verdict reading agrees with Foundation")
struct FastVerdictReadingAgreesWithFoundationTests {
    static let alphabet: [String] = ["a", "Z", " ", "é", "😀", "\"", "\\", "/", "\n", "\u{0}", "\u{2028}", "中"]

    static func text(_ generator: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...10, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    static func verdict(_ generator: inout SplitMix64) -> Verdict {
        let breaches = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
            ClauseBreach(
                clauseID: text(&generator), behaviour: Behaviour.allCases.randomElement(using: &generator)!,
                severity: Severity.allCases.randomElement(using: &generator)!,
                evidence: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                    let start = Int.random(in: 0...1000, using: &generator)
                    return Evidence(
                        span: Bool.random(using: &generator) ? TextSpan(start: start, end: start + Int.random(in: 0...50, using: &generator)) : nil,
                        attachment: Bool.random(using: &generator) ? Int.random(in: 0...3, using: &generator) : nil, matched: text(&generator),
                        detector: text(&generator))
                },
                about: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                    BreachSubject(
                        kind: BreachSubject.Kind.allCases.randomElement(using: &generator)!,
                        id: Bool.random(using: &generator) ? text(&generator) : nil,
                        role: Bool.random(using: &generator) ? text(&generator) : nil)
                }, childAtRisk: Bool.random(using: &generator))
        }
        return Verdict(
            postID: UUID(), postRevision: Int.random(in: 1...9, using: &generator), school: "school-\(Int.random(in: 0...4, using: &generator))",
            authorKey: AuthorKey(rawValue: "facebook:\(text(&generator))"), rulesetVersion: text(&generator), packID: text(&generator),
            packVersion: Int.random(in: 0...99, using: &generator),
            decidedAt: Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_102_444_800_000, using: &generator)) / 1000),
            breaches: breaches)
    }

    static func envelope(_ verdict: Verdict) throws -> String {
        String(decoding: try ParapetJSON.encode(Envelope(id: verdict.id, trust: "oakfield-learning-trust", payload: verdict)), as: UTF8.self)
    }

    @Test("every verdict ParapetJSON writes is read by the fast path, to the same value")
    func canonicalVerdicts() throws {
        var generator = SplitMix64(seed: 21)
        for _ in 0..<3_000 {
            let verdict = Self.verdict(&generator)
            let bytes = Array(try Self.envelope(verdict).utf8)
            let fast = try #require(VerdictEnvelopeReader.read(bytes), "\(String(decoding: bytes, as: UTF8.self))")
            guard case .verdict(let reference) = try IncomingEvent(json: Data(bytes)) else {
                Issue.record("not a verdict")
                continue
            }
            #expect(fast == reference)
            #expect(fast.payload == verdict)
        }
    }

    @Test("on altered messages the fast path either gives up or agrees with IncomingEvent")
    func alteredVerdicts() throws {
        var generator = SplitMix64(seed: 22)
        let edits: [(String, String)] = [
            ("\"post_revision\":", "\"post_revision\":1.0,\"x\":"), ("\"breaches\":[", "\"breaches\":null,\"b\":["),
            ("\"utf16_end\":", "\"utf16_end\":-1,\"e\":"), ("\"utf16_start\":", "\"utf16_start\":-3,\"s\":"), ("Z\"", "+01:00\""),
            ("\"school\":", "\"school\":\"other\",\"s\":"), ("parapet.verdict/2", "parapet.verdict/1"), ("parapet.verdict/2", "parapet.verdict/3"),
            ("\"kind\":\"", "\"kind\":\"alien"), ("\"child_at_risk\":true", "\"child_at_risk\":1"), ("\"about\":[", "\"about\":{},\"a\":["),
            ("{", "{\"extra\":{\"nested\":[1,2.5e3,true,null,\"s\"]},"), (":", " : "), ("}", " }\n"), ("\"id\":\"", "\"id\":\"{"),
            ("\"behaviour\":\"", "\"behaviour\":\"x"), ("\"severity\":", "\"severity\":null,\"v\":"), ("\"matched\":", "\"m\\u0061tched\":"),
            ("\"span\":", "\"span\":null,\"q\":"), ("\"attachment\":", "\"attachment\":null,\"w\":"),
        ]
        var fastAccepted = 0
        for round in 0..<4_000 {
            var text = try Self.envelope(Self.verdict(&generator))
            for _ in 0...(round % 3) {
                let (from, to) = edits.randomElement(using: &generator)!
                guard let range = text.ranges(of: from).randomElement(using: &generator) else { continue }
                text.replaceSubrange(range, with: to)
            }
            let bytes = Array(text.utf8)
            guard let fast = VerdictEnvelopeReader.read(bytes) else { continue }
            fastAccepted += 1
            guard case .verdict(let reference)? = try? IncomingEvent(json: Data(bytes)) else {
                Issue.record("the fast path read what IncomingEvent refuses: \(text)")
                continue
            }
            #expect(fast == reference, "\(text)")
        }
        #expect(fastAccepted > 500, "the fast path still reads most harmless variations")
    }
}
