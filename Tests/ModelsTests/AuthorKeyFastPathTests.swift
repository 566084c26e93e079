import Foundation
import ParapetModels
import TestSupport
import Testing

/// `AuthorKey(platform:handle:)` writes an ASCII handle's key byte by byte; it must be the key
/// the general rules (trim whitespace, drop one leading "@", lower-case) give.
@Suite struct AuthorKeyFastPathTests {
    /// The general rules, as `AuthorKey` applied them to every handle before the ASCII path.
    static func reference(_ platform: MonitoredAccount.Platform, _ handle: String) -> String {
        var handle = Substring(handle).drop { $0.isWhitespace }
        while handle.last?.isWhitespace == true { handle = handle.dropLast() }
        if handle.first == "@" { handle = handle.dropFirst() }
        return "\(platform.rawValue):\(handle.lowercased())"
    }

    @Test func asciiAndOtherHandlesGetTheGeneralRulesKey() {
        let handles = [
            "", " ", "@", "@@dan", "@ dan", "dan", "Dan_R", "DAN.R.1984", " @Dan_R ", "\tdan\n", "dan\r\n", "\r\ndan", "a b", "x@y",
            "\u{0B}dan\u{0C}", "dan ", " dan", "Zoë", "@Zoë ", "ÀB", "\u{00A0}dan", "dan\u{2003}", "İstanbul", "\u{212A}elvin",
        ]
        var random = SplitMix64(seed: 11)
        let alphabet = Array(" \t\n\r@Aa_.-Zz09\u{0B}\u{0C}")
        let generated = (0..<2000).map { _ in String((0..<Int.random(in: 0...6, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        }
        for handle in handles + generated {
            for platform in MonitoredAccount.Platform.allCases {
                #expect(AuthorKey(platform: platform, handle: handle).rawValue == Self.reference(platform, handle), "\(handle.debugDescription)")
            }
        }
    }
}
