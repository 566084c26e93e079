import Foundation

/// Case documents, case events and notification requests written with ``JSONWriter``, without
/// `JSONEncoder`: the bytes ``ParapetJSON`` writes (sorted keys, absent optionals left out,
/// UUIDs upper-case), at a fraction of the cost. Escalation writes each of them for every
/// breach, thousands a second; `JSONEncoder` was more than half of its work. A leader's
/// recorded step, rare here, is still written by `JSONEncoder` and spliced in.
public enum CaseJSONWriter {
    /// `case` as ParapetJSON encodes it.
    public static func encode(_ case: Case) throws -> [UInt8] {
        var writer = JSONWriter(capacity: 1024)
        try writer.case(`case`)
        return writer.bytes
    }

    /// `event` as ParapetJSON encodes it.
    public static func encode(_ event: CaseEvent) throws -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        try writer.caseEvent(event)
        return writer.bytes
    }

    /// `notification` as ParapetJSON encodes it.
    public static func encode(_ notification: CaseNotification) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        writer.caseNotification(notification)
        return writer.bytes
    }
}

extension JSONWriter {
    mutating func `case`(_ value: Case) throws {
        raw("{\"about\":"); subjects(value.about)
        if let allegation = value.allegation { raw(",\"allegation\":"); self.allegation(allegation) }
        if let assignee = value.assignee { raw(",\"assignee\":"); string(assignee) }
        raw(",\"author_key\":"); string(value.authorKey.rawValue)
        raw(",\"behaviours\":"); strings(value.behaviours.map(\.rawValue))
        raw(",\"clause_ids\":"); strings(value.clauseIDs)
        raw(",\"id\":"); uuid(value.id)
        raw(",\"ladder\":"); strings(value.ladder.map(\.rawValue))
        if let date = value.lastActedAt { raw(",\"last_acted_at\":"); self.date(date) }
        if let date = value.lastStepAt { raw(",\"last_step_at\":"); self.date(date) }
        raw(",\"merged_from\":"); uuids(value.mergedFrom)
        if let into = value.mergedInto { raw(",\"merged_into\":"); uuid(into) }
        raw(",\"opened_at\":"); date(value.openedAt)
        raw(",\"post_ids\":"); uuids(value.postIDs)
        raw(",\"rung\":"); integer(value.rung)
        raw(",\"school\":"); string(value.school)
        raw(",\"severity\":"); string(value.severity.rawValue)
        raw(",\"stalls\":"); integer(value.stalls)
        raw(",\"state\":"); state(value.state)
        raw(",\"steps_taken\":[")
        for (index, step) in value.stepsTaken.enumerated() {
            if index > 0 { raw(",") }
            append(json: Array(try ParapetJSON.encode(step)))
        }
        raw("],\"updated_at\":"); date(value.updatedAt)
        raw(",\"verdict_ids\":"); uuids(value.verdictIDs)
        raw("}")
    }

    mutating func caseEvent(_ event: CaseEvent) throws {
        raw("{\"actor\":{\"kind\":"); string(event.actor.kind.rawValue)
        raw(",\"name\":"); string(event.actor.name)
        raw("}")
        if case .assigned(let assignee?) = event.kind { raw(",\"assignee\":"); string(assignee) }
        raw(",\"at\":"); date(event.at)
        if case .opened(_, let author, _) = event.kind { raw(",\"author_key\":"); string(author.rawValue) }
        raw(",\"case_id\":"); uuid(event.caseID)
        if case .mergedIn(let from, let contents) = event.kind {
            raw(",\"contents\":"); self.contents(contents)
            raw(",\"from\":"); uuid(from)
        }
        raw(",\"id\":"); uuid(event.id)
        if case .merged(let into) = event.kind { raw(",\"into\":"); uuid(into) }
        raw(",\"kind\":"); string(event.kind.name)
        if case .opened(_, _, let ladder) = event.kind { raw(",\"ladder\":"); strings(ladder.map(\.rawValue)) }
        if let note = event.note { raw(",\"note\":"); string(note) }
        switch event.kind {
        case .closed(let reason): raw(",\"reason\":"); string(reason.rawValue)
        case .acknowledged(let role), .stalled(let role): raw(",\"role\":"); string(role.rawValue)
        default: break
        }
        raw(",\"school\":"); string(event.school)
        raw(",\"sequence\":"); integer(event.sequence)
        switch event.kind {
        case .opened(_, _, let ladder): raw(",\"step\":"); string(ladder[0].rawValue)
        case .joined(_, let step), .escalated(let step): raw(",\"step\":"); string(step.rawValue)
        case .stepTaken(let step): raw(",\"step_taken\":"); append(json: Array(try ParapetJSON.encode(step)))
        default: break
        }
        switch event.kind {
        case .opened(let verdict, _, _), .joined(let verdict, _): raw(",\"verdict\":"); caseVerdict(verdict)
        default: break
        }
        raw("}")
    }

    mutating func caseNotification(_ value: CaseNotification) {
        raw("{\"case_id\":"); uuid(value.caseID)
        raw(",\"created_at\":"); date(value.createdAt)
        if let deadline = value.deadline { raw(",\"deadline\":"); date(deadline) }
        if let event = value.eventID { raw(",\"event_id\":"); uuid(event) }
        raw(",\"id\":"); uuid(value.id)
        raw(",\"mode\":"); string(value.mode.rawValue)
        if let next = value.nextStep { raw(",\"next_step\":"); string(next) }
        raw(",\"recipients\":[")
        for (index, recipient) in value.recipients.enumerated() {
            if index > 0 { raw(",") }
            raw("{\"email\":"); string(recipient.email)
            raw(",\"role\":"); string(recipient.role.rawValue)
            raw("}")
        }
        raw("],\"school\":"); string(value.school)
        if let after = value.sendAfter { raw(",\"send_after\":"); date(after) }
        if let step = value.step { raw(",\"step\":"); string(step.rawValue) }
        raw(",\"subject\":"); string(value.subject)
        raw(",\"template\":"); string(value.template.rawValue)
        raw("}")
    }

    private mutating func caseVerdict(_ verdict: CaseVerdict) {
        raw("{\"about\":"); subjects(verdict.about)
        raw(verdict.allegesHarmByStaff ? ",\"alleges_harm_by_staff\":true" : ",\"alleges_harm_by_staff\":false")
        raw(",\"behaviours\":"); strings(verdict.behaviours.map(\.rawValue))
        raw(",\"clause_ids\":"); strings(verdict.clauseIDs)
        raw(verdict.identifiesAccusedTeacher ? ",\"identifies_accused_teacher\":true" : ",\"identifies_accused_teacher\":false")
        raw(",\"post_id\":"); uuid(verdict.postID)
        raw(",\"post_revision\":"); integer(verdict.postRevision)
        raw(",\"severity\":"); string(verdict.severity.rawValue)
        raw(",\"verdict_id\":"); uuid(verdict.verdictID)
        raw("}")
    }

    private mutating func contents(_ contents: Case.Contents) {
        raw("{\"behaviours\":"); strings(contents.behaviours.map(\.rawValue))
        raw(",\"clause_ids\":"); strings(contents.clauseIDs)
        raw(",\"post_ids\":"); uuids(contents.postIDs)
        raw(",\"severity\":"); string(contents.severity.rawValue)
        raw(",\"verdict_ids\":"); uuids(contents.verdictIDs)
        raw("}")
    }

    private mutating func allegation(_ value: AllegationManagement) {
        raw(value.identifiesAccusedTeacher ? "{\"identifies_accused_teacher\":true" : "{\"identifies_accused_teacher\":false")
        if let overdue = value.overdueAt { raw(",\"overdue_at\":"); date(overdue) }
        raw(",\"owner\":"); string(value.owner.rawValue)
        raw(",\"referral_due_at\":"); date(value.referralDueAt)
        raw(value.reportingRestriction ? ",\"reporting_restriction\":true}" : ",\"reporting_restriction\":false}")
    }

    private mutating func state(_ state: CaseState) {
        raw("{\"at\":"); date(state.since)
        switch state {
        case .acknowledged(let role, _): raw(",\"by\":"); string(role.rawValue)
        case .closed(let reason, _): raw(",\"reason\":"); string(reason.rawValue)
        case .open, .escalated: break
        }
        raw(",\"status\":"); string(state.status.rawValue)
        raw("}")
    }

    /// Who breaches are about, as ParapetJSON encodes the array.
    public mutating func subjects(_ subjects: [BreachSubject]) {
        raw("[")
        for (index, subject) in subjects.enumerated() {
            if index > 0 { raw(",") }
            raw("{")
            if let id = subject.id { raw("\"id\":"); string(id); raw(",") }
            raw("\"kind\":"); string(subject.kind.rawValue)
            if let role = subject.role { raw(",\"role\":"); string(role) }
            raw("}")
        }
        raw("]")
    }

    private mutating func strings(_ values: [String]) {
        raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { raw(",") }
            string(value)
        }
        raw("]")
    }

    private mutating func uuids(_ values: [UUID]) {
        raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { raw(",") }
            uuid(value)
        }
        raw("]")
    }
}
