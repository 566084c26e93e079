import ParapetModels

/// The emails the notifier writes, each from its own pair of templates (`Templates/<kind>_text`
/// and `<kind>_html`).
public enum EmailKind: String, Sendable, CaseIterable {
    /// A new case: what was posted, the clause, what to do, by when.
    case alert
    /// A case grew: another post joined it, or it went up a step.
    case update
    /// A case still waits: unacknowledged at the repeat interval, or no step after acknowledging.
    case reminder
    /// The LADO referral is not recorded within one working day.
    case ladoReminder = "lado_reminder"
    /// No one acknowledged the case in time: to the trust's safeguarding lead.
    case overdue
    /// The case was closed.
    case closed
    /// The day's minor cases for one contact of one school.
    case digest
    /// A one-time link to sign in to the case pages, asked for on the sign-in page.
    case signIn = "sign_in"

    /// The kind of email a notification asks for.
    public init(_ template: CaseNotification.Template) {
        switch template {
        case .caseOpened: self = .alert
        case .caseJoined, .caseEscalated: self = .update
        case .caseReminder, .caseStalled: self = .reminder
        case .referralOverdue: self = .ladoReminder
        case .caseOverdue: self = .overdue
        case .caseClosed: self = .closed
        }
    }
}
