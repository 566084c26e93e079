import Foundation
import ParapetCaseAPI
import ParapetEscalation
import ParapetModels
import ParapetNotifications
import ParapetStore

/// What the case page shows of one case, as the template's context: a pure function of the
/// case as read, the trust's configuration and the leader looking at it.
struct CaseView {
    var record: CaseReader.Record
    var configuration: TrustConfiguration
    var leader: CaseDesk.Leader
    var now: Date

    /// The most of a post the page shows.
    static let postLength = 5000

    var context: [String: Any] {
        let value = record.case
        let zone = configuration.timeZone
        let names = Dictionary(
            (configuration.trust.contacts + configuration.contacts).map { ($0.email.lowercased(), $0.name) }, uniquingKeysWith: { a, _ in a })
        let overdue = record.listed.isOverdue(at: now)
        let closed = value.state.status == .closed
        var context: [String: Any] = [
            "id": value.id.uuidString.lowercased(),
            "title": value.behaviours.first?.plainName ?? "A case",
            "concern": value.behaviours.first?.plainName ?? "A breach of the social media policy",
            "school": configuration.schoolName(value.school),
            "severity": PlainWords.severity(value.severity), "severity_class": value.severity.rawValue,
            "status": PlainWords.status(value.state.status), "overdue": overdue, "closed": closed, "open": !closed,
            "opened": EmailComposer.dateFormat(value.openedAt, in: zone),
            "step": value.step.plainName, "step_words": record.stepWords ?? "", "has_step_words": record.stepWords != nil,
            "assignee": value.assignee.map { names[$0.lowercased()] ?? $0 } ?? "", "has_assignee": value.assignee != nil,
        ]
        if let due = record.listed.dueAt, !closed {
            context["deadline"] = EmailComposer.dateFormat(due, in: zone)
            context["has_deadline"] = true
        }
        if let allegation = value.allegation {
            context["allegation"] =
                [
                    "owner": PlainWords.role(allegation.owner),
                    "referral_due": EmailComposer.dateFormat(allegation.referralDueAt, in: zone), "referred": value.isReferredToLADO,
                    "restriction": allegation.reportingRestriction, "section_141f": allegation.identifiesAccusedTeacher,
                    "section_141f_words": AllegationManagement.section141F,
                ] as [String: Any]
        }
        let masker = NameMasker(
            pupils: configuration.pupils(of: value.school), keeping: Set(value.about.filter { $0.kind == .pupil }.compactMap(\.id)))
        context["posts"] = record.posts.compactMap { entry -> [String: Any]? in
            guard let post = entry.post else { return nil }
            let evidence = entry.verdicts.flatMap { $0.breaches.flatMap(\.evidence) }
            return [
                "platform": EmailComposer.platformName(post.platform), "when": EmailComposer.dateFormat(post.createdAt, in: zone),
                "author": masker.masked(post.author.displayName ?? post.author.handle), "removed": post.isRemoved,
                "pieces": EmailComposer.quoted(post, evidence: evidence, masker: masker, limit: Self.postLength).map {
                    ["text": $0.text, "marked": $0.marked] as [String: Any]
                },
                "link": post.permalink?.absoluteString ?? "", "has_link": post.permalink != nil,
                "media": post.media.count, "has_media": !post.media.isEmpty,
            ]
        }
        context["clauses"] = record.clauses.map { clause in
            [
                "quote": clause.quote ?? "", "has_quote": clause.quote != nil, "concern": clause.behaviour.plainName,
                "severity": PlainWords.severity(clause.severity),
            ] as [String: Any]
        }
        context["told"] = record.told.map { notification in
            [
                "when": EmailComposer.dateFormat(notification.createdAt, in: zone),
                "how": notification.mode == .digest ? "in the daily digest" : "by email",
                "people": notification.recipients.map { recipient in
                    ["name": names[recipient.email.lowercased()] ?? recipient.email, "role": PlainWords.role(recipient.role)]
                },
            ] as [String: Any]
        }
        context["has_told"] = !record.told.isEmpty
        context["timeline"] = record.timeline.reversed().map { event in
            [
                "when": EmailComposer.dateFormat(event.at, in: zone), "what": PlainWords.event(event.kind),
                "who": PlainWords.actor(event.actor, names: names), "note": event.note ?? "", "has_note": !(event.note ?? "").isEmpty,
            ] as [String: Any]
        }
        context["actions"] = actions
        return context
    }

    /// The forms the leader may use on the case now.
    var actions: [String: Any] {
        let value = record.case
        let closed = value.state.status == .closed
        func may(_ action: CaseAction) -> Bool { CaseRights.allows(leader.role, action) }
        var steps: [[String: Any]] = []
        if !closed {
            // What the procedure asks first; then the rest.
            var names = CaseStepTaken.Name.allCases.filter { $0 != .ladoReferred || value.allegation != nil }
            names.sort { Self.priority($0) < Self.priority($1) }
            for name in names where may(.record(CaseStepTaken(name, reference: "x") ?? .removalRequested)) {
                steps.append(["value": name.rawValue, "label": PlainWords.step(name)])
            }
        }
        let assignees = (configuration.contacts.filter { $0.school == value.school } + configuration.trust.contacts).map {
            ["email": $0.email, "label": "\($0.name) (\(PlainWords.role($0.role)))"]
        }
        return [
            "acknowledge": !closed && value.state.status != .acknowledged && may(.acknowledge), "steps": steps, "has_steps": !steps.isEmpty,
            "note": may(.note), "not_a_breach": !closed && may(.notABreach), "close": !closed && may(.close(.resolved)),
            "outcomes": CaseState.Closure.outcomes.filter { $0 != .notABreach }.map { ["value": $0.rawValue, "label": PlainWords.closure($0)] },
            "assign": !closed && may(.assign(to: "")), "assignees": assignees, "reopen": closed && may(.reopen),
        ]
    }

    /// The order the steps are offered in: removal and the police first, as most procedures ask.
    static func priority(_ name: CaseStepTaken.Name) -> Int {
        switch name {
        case .removalRequested: 0
        case .policeContacted: 1
        case .ladoReferred: 2
        case .parentSpokenTo: 3
        case .removalConfirmed: 4
        case .platformReportFiled: 5
        case .writtenWarningSent: 6
        case .authorBlocked: 7
        case .legalAdviceSought: 8
        }
    }
}
