import ParapetModels

/// Drafts a school's policy pack from its social media policy (`parapet pack draft`): every
/// sentence that states a rule the engine has a behaviour for becomes a clause quoting it
/// verbatim, with the behaviour, the audience the policy addresses, and the severity, notice,
/// recipients and ladder the trust's default pack gives that behaviour; sentences that read as
/// rules but name no behaviour are kept for a person to place.
public struct PackDrafter: Sendable {
    /// The trust's default pack: what a drafted clause suggests for severity, ladder and
    /// recipients.
    public var defaults: PolicyPack
    public var rules: [ClauseRule]

    public init(defaults: PolicyPack, rules: [ClauseRule] = ClauseRules.all) {
        self.defaults = defaults
        self.rules = rules
    }

    /// The draft of `school`'s pack from `document` (read from the file named `source`).
    public func draft(_ document: PolicyDocument, school: String, source: String) -> PackDraft {
        var clauses: [PackDraft.Clause] = []
        var unplaced: [PackDraft.Unplaced] = []
        var used: [String: Int] = [:]
        // Lines (a paragraph or a list item each) holding a sentence that states a rule: the
        // sentences around it explain the rule ("Facebook & Twitter has an age limit of 13.
        // Therefore no primary age child should have an account").
        let folded = document.sentences.map { ClauseRule.fold($0.text) }
        let statesRule = folded.map(Self.statesRule)
        let ruleLines = Set(zip(document.sentences, statesRule).filter(\.1).map(\.0.line))
        for (index, sentence) in document.sentences.enumerated() {
            let folded = folded[index]
            var placed: [Behaviour] = []
            // A sentence that only describes ("There have been cases in the news…") is no rule
            // unless it is an item of the policy's lists or stands beside one that is.
            let isRule = (sentence.isListItem && !sentence.isAim) || ruleLines.contains(sentence.line)
            for rule in rules where isRule && !placed.contains(rule.behaviour) {
                guard let matched = rule.match(folded, addressedToStaff: sentence.audience != .parents) else { continue }
                placed.append(rule.behaviour)
                let stem = "\(school)-\(rule.behaviour.rawValue.replacing("_", with: "-"))"
                used[stem, default: 0] += 1
                let id = used[stem] == 1 ? stem : "\(stem)-\(used[stem]!)"
                clauses.append(
                    PackDraft.Clause(
                        clause: clause(id: id, behaviour: rule.behaviour, sentence: sentence, folded: folded), line: sentence.line,
                        matched: matched))
            }
            if placed.isEmpty, statesRule[index], sentence.text.split(separator: " ").count >= 4 {
                unplaced.append(PackDraft.Unplaced(text: sentence.text, line: sentence.line))
            }
        }
        return PackDraft(school: school, source: source, clauses: clauses, unplaced: unplaced)
    }

    private func clause(id: String, behaviour: Behaviour, sentence: PolicyDocument.Sentence, folded: String) -> PolicyClause {
        let model = defaults.clauses.first { $0.behaviour == behaviour }
        let ownPage = ClauseRules.ownPages.contains { folded.contains($0) }
        let audience: [Audience]
        switch (behaviour, sentence.audience) {
        case (.underageAccount, _): audience = [.pupils]
        case (_, .staffAndGovernors): audience = [.staff, .governors]
        case (_, .staff): audience = [.staff]
        case (_, .parents) where model?.appliesTo == [.staff]: audience = [.staff]
        // A rule for comments on the school's own pages binds whoever comments there.
        case (_, .parents) where ownPage: audience = [.anyone]
        case (_, .parents): audience = [.parents, .anyone]
        }
        return PolicyClause(
            id: id, quote: sentence.text, behaviour: behaviour, appliesTo: audience, scope: ownPage ? .ownPage : .anywhere,
            severity: model?.severity ?? .medium, notify: model?.notify ?? .digest, recipients: model?.recipients ?? [.headteacher],
            ladder: model?.ladder ?? [.record])
    }

    static func statesRule(_ folded: String) -> Bool {
        ClauseRules.ruleWords.contains { folded.contains($0) }
    }
}
