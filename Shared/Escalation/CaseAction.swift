import Foundation
import ParapetModels

/// What a leader asks the case API to record about a case. Each becomes one event (a merge,
/// one on each case) carrying the leader's reason or note.
public enum CaseAction: Sendable, Hashable {
    /// Take the case on: it is no longer waiting for anyone, and no longer goes to the trust.
    case acknowledge
    /// Give the case to the contact with this email address.
    case assign(to: String)
    /// Take the case from whoever has it.
    case unassign
    /// Record a step of the procedure as done.
    case record(CaseStepTaken)
    /// Add a note.
    case note
    /// The post does not break the policy: closes the case as not a breach (the reason given
    /// feeds the classifier's quality figures).
    case notABreach
    /// Close the case with an outcome.
    case close(CaseState.Closure)
    /// Reopen a closed case.
    case reopen
    /// Merge this case into another case of the same school, which carries it on.
    case merge(into: UUID)

    /// The action's name, as the API's `action` field spells it.
    public var name: String {
        switch self {
        case .acknowledge: "acknowledge"
        case .assign: "assign"
        case .unassign: "unassign"
        case .record(let step): step.name.rawValue
        case .note: "note"
        case .notABreach: "not_a_breach"
        case .close: "close"
        case .reopen: "reopen"
        case .merge: "merge"
        }
    }

    /// Every name the API accepts, in the order the documentation lists them.
    public static let names: [String] =
        ["acknowledge", "assign", "unassign"] + CaseStepTaken.Name.allCases.map(\.rawValue) + [
            "note", "not_a_breach", "close", "reopen", "merge",
        ]
}
