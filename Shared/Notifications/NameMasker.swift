import Foundation
import ParapetModels

/// Hides the names of pupils an email is not about, so a leader reading about one child never
/// learns another's name from a quoted post.
///
/// Full names are hidden whatever their case; a first or known-as name only where it is written
/// as a name (capitalised), so the word "will" stays when a pupil is called Will.
public struct NameMasker: Sendable {
    /// What a hidden name becomes.
    public static let mask = "[a child]"

    private let fullNames: NSRegularExpression?
    private let givenNames: NSRegularExpression?

    /// Hides the names of `pupils` other than those whose roster id is in `keeping`.
    public init(pupils: [Pupil], keeping: Set<String> = []) {
        var full: Set<String> = []
        var given: Set<String> = []
        for pupil in pupils where !keeping.contains(pupil.id) {
            let words = pupil.name.split(whereSeparator: \.isWhitespace)
            if words.count > 1 { full.insert(words.joined(separator: " ")) }
            if let first = words.first { given.insert(String(first)) }
            for name in pupil.knownAs { given.insert(name) }
        }
        fullNames = Self.expression(full, options: [.caseInsensitive])
        givenNames = Self.expression(given, options: [])
    }

    /// `text` with every hidden name replaced by ``mask``.
    public func masked(_ text: String) -> String {
        var result = text
        for expression in [fullNames, givenNames].compactMap({ $0 }) {
            result = expression.stringByReplacingMatches(
                in: result, range: NSRange(result.startIndex..., in: result), withTemplate: NSRegularExpression.escapedTemplate(for: Self.mask))
        }
        return result
    }

    /// One alternation of the names, longest first, each a whole word (a full name's spaces
    /// match any run of white space).
    private static func expression(_ names: Set<String>, options: NSRegularExpression.Options) -> NSRegularExpression? {
        let alternatives = names.filter { !$0.isEmpty }.sorted { ($0.count, $0) > ($1.count, $1) }.map {
            $0.split(separator: " ").map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: "\\s+")
        }
        guard !alternatives.isEmpty else { return nil }
        return try? NSRegularExpression(pattern: "(?<![\\p{L}\\p{N}])(?:\(alternatives.joined(separator: "|")))(?![\\p{L}\\p{N}])", options: options)
    }
}
