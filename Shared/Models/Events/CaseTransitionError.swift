import Foundation

/// Why a case cannot make a transition; the case is unchanged.
public enum CaseTransitionError: Error, Hashable, CustomStringConvertible {
    /// The transitions a case can be asked to make.
    public enum Transition: String, Sendable, Hashable, CaseIterable {
        case join, advance, acknowledge
        case escalateOverdue = "escalate_overdue"
        case close, assign, unassign, note, merge
        case recordStep = "record_step"
    }

    /// Nothing moves a closed case; the author's next breach opens a new one.
    case caseClosed(attempted: Transition)
    /// Someone in `by` acknowledged it already: it needs no second acknowledgement and is not overdue.
    case alreadyAcknowledged(by: ContactRole)
    /// The case went to the trust safeguarding lead already.
    case alreadyEscalated
    /// An open case is not overdue before `dueAt`.
    case notYetOverdue(dueAt: Date)
    /// The case is on the last step of its ladder.
    case topOfLadder(LadderStep)
    /// The verdict finds no breach, so it neither opens nor joins a case.
    case benignVerdict(UUID)
    /// The verdict is in the case's history already (a redelivered message).
    case verdictAlreadyJoined(UUID)
    /// The verdict is about a post in another school.
    case otherSchool(String)
    /// The verdict is about another author.
    case otherAuthor(AuthorKey)
    /// A case needs a ladder with at least one step.
    case emptyLadder
    /// No one has the case, so there is no one to take it from.
    case notAssigned
    /// Only a closed case can be reopened.
    case notClosed
    /// The case was merged into another; that one carries it on.
    case mergedAway(into: UUID)
    /// A case cannot be merged with itself.
    case mergeWithItself
    /// The case has no allegations-management step.
    case noAllegation
    /// The LADO referral is recorded already.
    case referralAlreadyMade
    /// Only an acknowledged case can stall.
    case notAcknowledged

    public var description: String {
        switch self {
        case .caseClosed(let transition): "cannot \(transition.rawValue.replacingOccurrences(of: "_", with: " ")) a closed case"
        case .alreadyAcknowledged(let role): "already acknowledged by the \(role.rawValue.replacingOccurrences(of: "_", with: " "))"
        case .alreadyEscalated: "already escalated to the trust safeguarding lead"
        case .notYetOverdue(let due): "not overdue until \(ParapetJSON.string(from: due))"
        case .topOfLadder(let step): "already on the last step of the ladder (\(step.rawValue))"
        case .benignVerdict(let id): "verdict \(id) finds no breach"
        case .verdictAlreadyJoined(let id): "verdict \(id) is already in the case"
        case .otherSchool(let school): "the verdict is about a post in another school (\(school))"
        case .otherAuthor(let author): "the verdict is about another author (\(author))"
        case .emptyLadder: "a case needs a ladder with at least one step"
        case .notAssigned: "the case is not assigned to anyone"
        case .notClosed: "only a closed case can be reopened"
        case .mergedAway(let id): "the case was merged into case \(id), which carries it on"
        case .mergeWithItself: "a case cannot be merged with itself"
        case .noAllegation: "the case has no allegation to refer to the LADO"
        case .referralAlreadyMade: "the LADO referral is already recorded"
        case .notAcknowledged: "the case is not acknowledged"
        }
    }
}
