import ParapetModels

/// How `pack draft` recognises a sentence that states a rule for one behaviour: the words a
/// policy uses for it ("defamatory", "racist", "place of work"), with what else must be there
/// and what rules it out. Matched against the sentence folded to lower case, with curly quotes
/// made straight and a space at each end, so " name " is a whole word.
public struct ClauseRule: Sendable {
    public var behaviour: Behaviour
    /// Any one of these places the sentence.
    public var phrases: [String]
    /// And one phrase of each of these groups too.
    public var alsoNeeds: [[String]]
    /// None of these may be present.
    public var unless: [String]
    /// Only a rule for staff (a parent is not asked to keep off their own workplace).
    public var staffOnly: Bool

    public init(_ behaviour: Behaviour, _ phrases: [String], alsoNeeds: [[String]] = [], unless: [String] = [], staffOnly: Bool = false) {
        self.behaviour = behaviour
        self.phrases = phrases
        self.alsoNeeds = alsoNeeds
        self.unless = unless
        self.staffOnly = staffOnly
    }

    /// The phrases that place `folded` (a sentence as ``ClauseRule/fold(_:)`` makes it), or nil
    /// when the rule does not.
    public func match(_ folded: String, addressedToStaff: Bool) -> [String]? {
        if staffOnly && !addressedToStaff { return nil }
        guard let phrase = phrases.first(where: { folded.contains($0) }) else { return nil }
        var matched = [phrase]
        for group in alsoNeeds {
            guard let also = group.first(where: { folded.contains($0) }) else { return nil }
            matched.append(also)
        }
        if unless.contains(where: { folded.contains($0) }) { return nil }
        return matched
    }

    /// `text` in lower case, curly quotes straightened, spaces at each end.
    public static func fold(_ text: String) -> String {
        var folded = " "
        for character in text.lowercased() {
            switch character {
            case "’", "‘", "`": folded.append("'")
            case "“", "”": folded.append("\"")
            case "\n", "\t": folded.append(" ")
            default: folded.append(character)
            }
        }
        return folded + " "
    }
}
