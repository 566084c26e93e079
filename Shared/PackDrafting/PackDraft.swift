import ParapetCodecs
import ParapetModels

/// A drafted policy pack: clauses quoting the policy, and the sentences no behaviour placed.
public struct PackDraft: Sendable, Hashable {
    /// A drafted clause, with the line of the policy it quotes and the words that placed it.
    public struct Clause: Sendable, Hashable {
        public var clause: PolicyClause
        public var line: Int
        public var matched: [String]
    }

    /// A sentence that reads as a rule but names no behaviour the engine has.
    public struct Unplaced: Sendable, Hashable {
        public var text: String
        public var line: Int
    }

    public var school: String
    public var source: String
    public var clauses: [Clause]
    public var unplaced: [Unplaced]

    /// `text` as a double-quoted YAML scalar. A JSON string is one (YAML 1.2 reads JSON), and the
    /// display style also escapes DEL, which YAML does not allow unescaped.
    static func quoted(_ text: some StringProtocol) -> String {
        JSONStringEscaping.quoted(text, style: .forDisplay)
    }

    /// The draft as a pack file (`packs/<school>.yaml`), in the layout of the hand-written
    /// packs, every clause preceded by the line it quotes and why it was placed.
    public func yaml() -> String {
        var out = """
            # Draft pack written by `parapet pack draft` from \(source).
            # A person decides before it is applied: check each clause's behaviour, audience and
            # severity against the policy, remove what the policy does not mean, and place the
            # sentences listed at the end by hand. Severity, notice, recipients and ladder are the
            # trust default's for each behaviour; the default pack's own clauses still apply until
            # they are listed under `disable:`.
            id: \(school)
            school: \(school)
            extends: default
            source: \(Self.quoted(source))
            clauses:

            """
        if clauses.isEmpty { out = out.replacing("clauses:\n", with: "clauses: []\n") }
        for drafted in clauses {
            let clause = drafted.clause
            out +=
                "  # line \(drafted.line); placed by: \(drafted.matched.map { Self.quoted($0.trimmingWhitespace()) }.joined(separator: ", "))\n"
            out += "  - id: \(clause.id)\n"
            out += "    quote: \(Self.quoted(clause.quote ?? ""))\n"
            out += "    behaviour: \(clause.behaviour.rawValue)\n"
            out += "    applies_to: [\(clause.appliesTo.map(\.rawValue).joined(separator: ", "))]\n"
            out += "    where: \(clause.scope.rawValue)\n"
            out += "    severity: \(clause.severity.rawValue)\n"
            out += "    notify: \(clause.notify.rawValue)\n"
            out += "    recipients: [\(clause.recipients.map(\.rawValue).joined(separator: ", "))]\n"
            out += "    ladder: [\(clause.ladder.map(\.rawValue).joined(separator: ", "))]\n\n"
        }
        if !unplaced.isEmpty {
            out += "# Sentences that read as rules but name no behaviour the engine has: place them by hand.\n"
            for sentence in unplaced { out += "#   line \(sentence.line): \(sentence.text)\n" }
        }
        return out
    }
}
