import Foundation

/// The case state machine. Every transition is pure: it returns the next case or throws, and
/// `self` is unchanged either way.
///
/// | from \ transition | join | advance | acknowledge | escalate overdue | close |
/// | --- | --- | --- | --- | --- | --- |
/// | open | open | open | acknowledged | escalated, once due | closed |
/// | acknowledged | open (new post to look at) | acknowledged | error | error | closed |
/// | escalated | escalated | escalated | acknowledged | error | closed |
/// | closed | error | error | error | error | error |
///
/// A leader's other actions (assign, record a step, note, merge) leave the state as it is and
/// are refused on a closed case; reopen is allowed only on one, unless it was merged away.
extension Case {
    /// Opens a case on `verdict`, on the first step of `ladder` (the ladder of the clause that
    /// decides the case).
    ///
    /// - Throws: ``CaseTransitionError/benignVerdict(_:)``, ``CaseTransitionError/emptyLadder``.
    public static func opening(_ verdict: Verdict, ladder: [LadderStep], id: UUID = UUID(), at date: Date) throws(CaseTransitionError) -> Case {
        guard let recorded = CaseVerdict(verdict) else { throw .benignVerdict(verdict.id) }
        return try opening(recorded, school: verdict.school, authorKey: verdict.authorKey, ladder: ladder, id: id, at: date)
    }

    /// Opens a case on a verdict as the case keeps it (what replaying an `opened` event does).
    ///
    /// - Throws: ``CaseTransitionError/emptyLadder``.
    public static func opening(
        _ verdict: CaseVerdict, school: String, authorKey: AuthorKey, ladder: [LadderStep], id: UUID, at date: Date
    ) throws(CaseTransitionError) -> Case {
        guard !ladder.isEmpty else { throw .emptyLadder }
        var opened = Case(
            id: id, school: school, authorKey: authorKey, state: .open(since: date), ladder: ladder, rung: 0,
            severity: verdict.severity, verdictIDs: [verdict.verdictID], postIDs: [verdict.postID], clauseIDs: verdict.clauseIDs,
            behaviours: verdict.behaviours, openedAt: date, updatedAt: date, about: verdict.about)!
        opened.noteAllegation(in: verdict, at: date)
        return opened
    }

    /// Opens the allegations-management step when `verdict` alleges a member of staff harmed a
    /// child, or hands it to the chair when a later post shows it is about the head. The
    /// referral's deadline is set once, by the first such post.
    mutating func noteAllegation(in verdict: CaseVerdict, at date: Date) {
        guard verdict.allegesHarmByStaff else { return }
        let owner: ContactRole = about.contains(where: \.isHeadteacher) ? .chairOfGovernors : .headteacher
        if var allegation {
            if owner == .chairOfGovernors { allegation.owner = owner }
            allegation.identifiesAccusedTeacher = allegation.identifiesAccusedTeacher || verdict.identifiesAccusedTeacher
            self.allegation = allegation
        } else {
            allegation = AllegationManagement(
                owner: owner, referralDueAt: WorkingDays.endOfNextWorkingDay(after: date),
                identifiesAccusedTeacher: verdict.identifiesAccusedTeacher)
        }
    }

    /// A repeat breach by the same author in the same school joins the case. A new post moves
    /// the case one step up its ladder (it stays on the top step once there); a verdict on an
    /// edit of a post already in the case adds to the history without climbing. A case that was
    /// acknowledged is open again, since there is something new to look at.
    ///
    /// - Throws: ``CaseTransitionError/caseClosed(attempted:)``, ``CaseTransitionError/otherSchool(_:)``,
    ///   ``CaseTransitionError/otherAuthor(_:)``, ``CaseTransitionError/benignVerdict(_:)``,
    ///   ``CaseTransitionError/verdictAlreadyJoined(_:)``.
    public func joining(_ verdict: Verdict, at date: Date) throws(CaseTransitionError) -> Case {
        try requireNotClosed(.join)
        guard verdict.school == school else { throw .otherSchool(verdict.school) }
        guard verdict.authorKey == authorKey else { throw .otherAuthor(verdict.authorKey) }
        guard let recorded = CaseVerdict(verdict) else { throw .benignVerdict(verdict.id) }
        return try joining(recorded, at: date)
    }

    /// ``joining(_:at:)`` for a verdict as the case keeps it, already known to be about this
    /// case's school and author (what replaying a `joined` event does).
    ///
    /// - Throws: ``CaseTransitionError/caseClosed(attempted:)``, ``CaseTransitionError/verdictAlreadyJoined(_:)``.
    public func joining(_ verdict: CaseVerdict, at date: Date) throws(CaseTransitionError) -> Case {
        try requireNotClosed(.join)
        guard !verdictIDs.contains(verdict.verdictID) else { throw .verdictAlreadyJoined(verdict.verdictID) }
        var next = touched(at: date)
        next.verdictIDs.append(verdict.verdictID)
        next.severity = max(severity, verdict.severity)
        for clause in verdict.clauseIDs where !next.clauseIDs.contains(clause) { next.clauseIDs.append(clause) }
        for behaviour in verdict.behaviours where !next.behaviours.contains(behaviour) { next.behaviours.append(behaviour) }
        for subject in verdict.about where !next.about.contains(subject) { next.about.append(subject) }
        next.noteAllegation(in: verdict, at: date)
        if !postIDs.contains(verdict.postID) {
            next.postIDs.append(verdict.postID)
            next.rung = min(rung + 1, ladder.count - 1)
        }
        if case .acknowledged = state { next.state = .open(since: date) }
        return next
    }

    /// Whether a verdict on `postID` would climb the ladder: a new post does, an edit does not.
    public func wouldClimb(post postID: UUID) -> Bool { !postIDs.contains(postID) }

    /// A leader moves the case one step up its ladder (the post was not removed, say). The state
    /// does not change.
    ///
    /// - Throws: ``CaseTransitionError/caseClosed(attempted:)``, ``CaseTransitionError/topOfLadder(_:)``.
    public func advanced(at date: Date) throws(CaseTransitionError) -> Case {
        try requireNotClosed(.advance)
        guard !isAtTopOfLadder else { throw .topOfLadder(step) }
        var next = touched(at: date)
        next.rung += 1
        return next
    }

    /// A leader in `role` takes the case on.
    ///
    /// - Throws: ``CaseTransitionError/caseClosed(attempted:)``, ``CaseTransitionError/alreadyAcknowledged(by:)``.
    public func acknowledged(by role: ContactRole, at date: Date) throws(CaseTransitionError) -> Case {
        switch state {
        case .closed: throw .caseClosed(attempted: .acknowledge)
        case .acknowledged(let earlier, _): throw .alreadyAcknowledged(by: earlier)
        case .open, .escalated:
            var next = acted(at: date)
            next.state = .acknowledged(by: role, at: date)
            return next
        }
    }

    /// When an open case becomes overdue, `deadline` seconds after it opened or was reopened;
    /// nil unless the case is open.
    public func dueAt(deadline: TimeInterval) -> Date? {
        guard case .open(let since) = state else { return nil }
        return since.addingTimeInterval(deadline)
    }

    /// No one acknowledged the case within `deadline` seconds, so it goes to the trust
    /// safeguarding lead.
    ///
    /// - Throws: ``CaseTransitionError/notYetOverdue(dueAt:)`` before the deadline;
    ///   ``CaseTransitionError/alreadyAcknowledged(by:)``, ``CaseTransitionError/alreadyEscalated``,
    ///   ``CaseTransitionError/caseClosed(attempted:)``.
    public func escalatedOverdue(at date: Date, deadline: TimeInterval) throws(CaseTransitionError) -> Case {
        switch state {
        case .closed: throw .caseClosed(attempted: .escalateOverdue)
        case .acknowledged(let role, _): throw .alreadyAcknowledged(by: role)
        case .escalated: throw .alreadyEscalated
        case .open(let since):
            let due = since.addingTimeInterval(deadline)
            guard date >= due else { throw .notYetOverdue(dueAt: due) }
            return try escalatedOverdue(at: date)
        }
    }

    /// The case went to the trust safeguarding lead at `date`, the deadline already judged passed
    /// (what replaying an `overdue_escalated` event does).
    ///
    /// - Throws: ``CaseTransitionError/alreadyAcknowledged(by:)``, ``CaseTransitionError/alreadyEscalated``,
    ///   ``CaseTransitionError/caseClosed(attempted:)``.
    public func escalatedOverdue(at date: Date) throws(CaseTransitionError) -> Case {
        switch state {
        case .closed: throw .caseClosed(attempted: .escalateOverdue)
        case .acknowledged(let role, _): throw .alreadyAcknowledged(by: role)
        case .escalated: throw .alreadyEscalated
        case .open:
            var next = touched(at: date)
            next.state = .escalated(at: date)
            return next
        }
    }

    /// Closes the case for `reason`.
    ///
    /// - Throws: ``CaseTransitionError/caseClosed(attempted:)``.
    public func closed(_ reason: CaseState.Closure, at date: Date) throws(CaseTransitionError) -> Case {
        try requireNotClosed(.close)
        var next = acted(at: date)
        next.state = .closed(reason: reason, at: date)
        return next
    }

    /// A leader gives the case to the contact with email address `assignee`, or takes it from
    /// whoever has it (nil).
    ///
    /// - Throws: ``CaseTransitionError/caseClosed(attempted:)``, ``CaseTransitionError/notAssigned``.
    public func assigned(to assignee: String?, at date: Date) throws(CaseTransitionError) -> Case {
        try requireNotClosed(assignee == nil ? .unassign : .assign)
        if assignee == nil, self.assignee == nil { throw .notAssigned }
        var next = acted(at: date)
        next.assignee = assignee
        return next
    }

    /// A leader records `step` of the procedure as done.
    ///
    /// - Throws: ``CaseTransitionError/caseClosed(attempted:)``.
    public func recording(_ step: CaseStepTaken, at date: Date) throws(CaseTransitionError) -> Case {
        try requireNotClosed(.recordStep)
        var next = acted(at: date)
        next.stepsTaken.append(step)
        next.lastStepAt = max(lastStepAt ?? date, date)
        return next
    }

    /// The LADO referral was not recorded by its deadline, so it went to the trust safeguarding
    /// lead. Whether the deadline has passed is the caller's judgement (escalation's clock).
    ///
    /// - Throws: ``CaseTransitionError/caseClosed(attempted:)``, ``CaseTransitionError/noAllegation``,
    ///   ``CaseTransitionError/referralAlreadyMade``, ``CaseTransitionError/alreadyEscalated``.
    public func referralOverdue(at date: Date) throws(CaseTransitionError) -> Case {
        try requireNotClosed(.escalateOverdue)
        guard var allegation else { throw .noAllegation }
        guard !isReferredToLADO else { throw .referralAlreadyMade }
        guard allegation.overdueAt == nil else { throw .alreadyEscalated }
        var next = touched(at: date)
        allegation.overdueAt = date
        next.allegation = allegation
        return next
    }

    /// A leader acknowledged the case and then recorded no step by the step's deadline
    /// (PagerDuty's acknowledgement timeout): it waits for an acknowledgement again, from the next
    /// person up the chain.
    ///
    /// - Throws: ``CaseTransitionError/caseClosed(attempted:)``, ``CaseTransitionError/notAcknowledged``.
    public func stalled(at date: Date) throws(CaseTransitionError) -> Case {
        try requireNotClosed(.escalateOverdue)
        guard case .acknowledged = state else { throw .notAcknowledged }
        var next = touched(at: date)
        next.state = .open(since: date)
        next.stalls += 1
        return next
    }

    /// A leader adds a note.
    ///
    /// - Throws: ``CaseTransitionError/caseClosed(attempted:)``.
    public func noted(at date: Date) throws(CaseTransitionError) -> Case {
        try requireNotClosed(.note)
        return acted(at: date)
    }

    /// A leader reopens a closed case: it waits for an acknowledgement again.
    ///
    /// - Throws: ``CaseTransitionError/notClosed``, ``CaseTransitionError/mergedAway(into:)``.
    public func reopened(at date: Date) throws(CaseTransitionError) -> Case {
        guard case .closed = state else { throw .notClosed }
        if let mergedInto { throw .mergedAway(into: mergedInto) }
        var next = acted(at: date)
        next.state = .open(since: date)
        return next
    }

    /// This case is merged into `target`, which carries it on: it is closed, and links there.
    ///
    /// - Throws: ``CaseTransitionError/caseClosed(attempted:)``, ``CaseTransitionError/mergeWithItself``.
    public func merged(into target: UUID, at date: Date) throws(CaseTransitionError) -> Case {
        try requireNotClosed(.merge)
        guard target != id else { throw .mergeWithItself }
        var next = acted(at: date)
        next.state = .closed(reason: .merged, at: date)
        next.mergedInto = target
        return next
    }

    /// The case `source` is merged into this one: its verdicts, posts and clauses join this
    /// case's, without climbing the ladder (a leader merges what the pipeline kept apart).
    ///
    /// - Throws: ``CaseTransitionError/caseClosed(attempted:)``, ``CaseTransitionError/mergeWithItself``.
    public func absorbing(_ contents: Contents, from source: UUID, at date: Date) throws(CaseTransitionError) -> Case {
        try requireNotClosed(.merge)
        guard source != id else { throw .mergeWithItself }
        var next = acted(at: date)
        next.severity = max(severity, contents.severity)
        for id in contents.verdictIDs where !next.verdictIDs.contains(id) { next.verdictIDs.append(id) }
        for id in contents.postIDs where !next.postIDs.contains(id) { next.postIDs.append(id) }
        for clause in contents.clauseIDs where !next.clauseIDs.contains(clause) { next.clauseIDs.append(clause) }
        for behaviour in contents.behaviours where !next.behaviours.contains(behaviour) { next.behaviours.append(behaviour) }
        next.mergedFrom.append(source)
        return next
    }

    private func requireNotClosed(_ transition: CaseTransitionError.Transition) throws(CaseTransitionError) {
        if case .closed = state { throw .caseClosed(attempted: transition) }
    }

    /// This case, touched by a leader at `date`.
    private func acted(at date: Date) -> Case {
        var next = touched(at: date)
        next.lastActedAt = max(lastActedAt ?? date, date)
        return next
    }

    /// This case, last updated at `date` (or later, if a message arrived out of order).
    private func touched(at date: Date) -> Case {
        var next = self
        next.updatedAt = max(updatedAt, date)
        return next
    }
}
