import Foundation

/// An email to send about a case, once; payload of `parapet.notification/1` on
/// `parapet.notifications`, keyed by case id.
///
/// Named so as not to clash with Foundation's `Notification`. `id` is the one-email-per-id key:
/// the notifier sends at most one email per id however often the message is replayed or
/// redelivered.
public struct CaseNotification: EventPayload, Hashable, Identifiable {
    public static let schema = EventSchema.notificationV1
    public static let topic = ParapetTopic.notifications

    /// Someone the email goes to.
    public struct Recipient: Codable, Sendable, Hashable {
        public var role: ContactRole
        public var email: String

        public init(role: ContactRole, email: String) {
            self.role = role
            self.email = email
        }
    }

    /// Which email the notifier renders.
    public enum Template: String, NamedChoice {
        case caseOpened = "case_opened"
        case caseJoined = "case_joined"
        case caseEscalated = "case_escalated"
        case caseOverdue = "case_overdue"
        case caseClosed = "case_closed"
        /// The case is still unacknowledged at the repeat interval.
        case caseReminder = "case_reminder"
        /// Acknowledged, then no step recorded by the step's deadline: to the next up the chain.
        case caseStalled = "case_stalled"
        /// The LADO referral was not recorded within one working day: to the trust.
        case referralOverdue = "referral_overdue"
    }

    public var id: UUID
    public var caseID: UUID
    public var school: String
    public var recipients: [Recipient]
    /// Sent at once, or gathered into the daily digest.
    public var mode: NotifyMode
    /// The email's subject: the kind of concern and the school, never a pupil's name (the
    /// escalation service builds it from the behaviour, not from the post).
    public var subject: String
    public var template: Template
    public var createdAt: Date
    /// The case event the email is about.
    public var eventID: UUID?
    /// The step the case is on.
    public var step: LadderStep?
    /// What the school's procedure asks at that step, in the policy's words; nil where the
    /// policy says nothing of it.
    public var nextStep: String?
    /// Escalation holds a notification back until this time (to group a burst of posts into one
    /// alert) and publishes it then; nil for one sent at once.
    public var sendAfter: Date?
    /// When what the email asks for is due: the acknowledgement, or the LADO referral.
    public var deadline: Date?

    public init(
        id: UUID = UUID(), caseID: UUID, school: String, recipients: [Recipient], mode: NotifyMode, subject: String,
        template: Template, createdAt: Date, eventID: UUID? = nil, step: LadderStep? = nil, nextStep: String? = nil,
        sendAfter: Date? = nil, deadline: Date? = nil
    ) {
        self.id = id
        self.caseID = caseID
        self.school = school
        self.recipients = recipients
        self.mode = mode
        self.subject = subject
        self.template = template
        self.createdAt = createdAt
        self.eventID = eventID
        self.step = step
        self.nextStep = nextStep
        self.sendAfter = sendAfter
        self.deadline = deadline
    }

    public var occurredAt: Date { createdAt }

    /// The case id, so that one case's emails stay in order.
    public var partitionKey: String { caseID.lowercasedString }

    enum CodingKeys: String, CodingKey {
        case id, school, recipients, mode, subject, template, step
        case caseID = "case_id"
        case createdAt = "created_at"
        case eventID = "event_id"
        case nextStep = "next_step"
        case sendAfter = "send_after"
        case deadline
    }
}
