import Foundation
import ParapetCodecs
import Testing

/// `UTCTimestamp` replaces Foundation's ISO 8601 style on ParapetJSON's hot path; these tests
/// hold it to exactly what Foundation writes and reads, including what it refuses.
@Suite struct TimestampTextMatchesFoundationTests {
    private static let foundationWriter = Date.ISO8601FormatStyle()
    private static let foundationReader = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// What ParapetJSON wrote before: Foundation's whole seconds plus three digits.
    private static func foundationText(seconds: Int64, milliseconds: Int64) -> String {
        let whole = foundationWriter.format(Date(timeIntervalSince1970: Double(seconds)))
        return "\(whole.dropLast())." + String(format: "%03d", milliseconds) + "Z"
    }

    @Test func writesWhatFoundationWritesFrom1970To9999() {
        var random = SystemRandomNumberGenerator()
        var seconds: [Int64] = [0, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, UTCTimestamp.latestSecond]
        for _ in 0..<20_000 { seconds.append(Int64.random(in: 0...UTCTimestamp.latestSecond, using: &random)) }
        for second in seconds {
            let milliseconds = Int64.random(in: 0..<1000, using: &random)
            #expect(
                UTCTimestamp.format(seconds: second, milliseconds: milliseconds) == Self.foundationText(seconds: second, milliseconds: milliseconds))
        }
        #expect(UTCTimestamp.format(seconds: -1, milliseconds: 0) == nil)
        #expect(UTCTimestamp.format(seconds: UTCTimestamp.latestSecond + 1, milliseconds: 0) == nil)
    }

    @Test func readsCanonicalTextAsFoundationDoes() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let seconds = Int64.random(in: 100_000...(UTCTimestamp.latestSecond - 100_000), using: &random)
            var text = String(Self.foundationText(seconds: seconds, milliseconds: Int64.random(in: 0..<1000, using: &random)).dropLast())
            switch Int.random(in: 0..<5, using: &random) {
            case 0: text = String(text.dropLast(2))  // one fractional digit
            case 1: text = String(text.dropLast(4))  // none
            default: break
            }
            switch Int.random(in: 0..<4, using: &random) {
            case 0: text += "+\(String(format: "%02d:%02d", Int.random(in: 0...14, using: &random), Int.random(in: 0..<60, using: &random)))"
            case 1: text += "-\(String(format: "%02d:%02d", Int.random(in: 0...12, using: &random), Int.random(in: 0..<60, using: &random)))"
            case 2: text += "z"
            default: text += "Z"
            }
            let expected = (try? Self.foundationReader.parse(text)).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
            #expect(UTCTimestamp.parseMilliseconds(text) == expected, "\(text)")
        }
    }

    /// Text the fast reader does not take is left to Foundation, which may still read it; what
    /// the fast reader does take, Foundation reads to the same instant.
    @Test func leavesEveryOtherFormToFoundation() {
        let texts = [
            "2026-01-01T00:00:00.2505Z", "2026-01-01T00:00:00.250+0100", "2026-01-01T00:00:00.250+01",
            "2026-02-30T00:00:00.250Z", "2026-01-01T24:00:00.250Z", "2026-01-01T23:59:60.250Z",
            "2026-01-01T00:00:00.250Zjunk", "2026-1-01T00:00:00.250Z", "0500-01-01T00:00:00.000Z",
            "1969-12-31T23:59:59.500Z", "2026-01-01 00:00:00.250Z", "2026-01-01T00:00:00.Z",
            "2026-01-01T00:00:00,250Z", "2026-01-01T00:00:00.250+25:00", "2026-13-01T00:00:00.250Z",
            " 2026-01-01T00:00:00.250Z", "2026-01-01T00:00.250Z", "",
        ]
        for text in texts {
            #expect(UTCTimestamp.parseMilliseconds(text) == nil, "\(text)")
        }
        // ParapetJSON's answer for them is Foundation's, as before.
        for text in texts {
            let foundation = (try? Self.foundationReader.parse(text)).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
            let parapet = ParapetJSON.date(from: text).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
            #expect(parapet == foundation, "\(text)")
        }
    }

    @Test func fuzzedTextIsReadAsFoundationReadsItOrNotAtAll() {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789-:T.Zz+ ".utf8)
        let base = Array("2026-09-21T14:13:20.123+01:00".utf8)
        for _ in 0..<20_000 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet.randomElement(using: &random)!
            }
            let text = String(decoding: bytes.prefix(Int.random(in: 18...bytes.count, using: &random)), as: UTF8.self)
            guard let fast = UTCTimestamp.parseMilliseconds(text) else { continue }
            let foundation = (try? Self.foundationReader.parse(text)).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
            #expect(fast == foundation, "\(text)")
        }
    }
}
