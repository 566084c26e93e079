import Foundation

/// The allegations-management step of a case (Keeping Children Safe in Education, part four):
/// a post alleges that a member of staff harmed a child, may have committed an offence against
/// one, or may pose a risk to children, so the allegation is referred to the local authority
/// designated officer (LADO) within one working day.
public struct AllegationManagement: Codable, Sendable, Hashable {
    /// Who makes the referral: the headteacher, or the chair of governors when the allegation is
    /// about the head.
    public var owner: ContactRole
    /// When the referral is due: the end of the next working day in England and Wales after the
    /// post (``WorkingDays/endOfNextWorkingDay(after:)``).
    public var referralDueAt: Date
    /// The statutory restriction on publishing allegations against teachers applies while the
    /// allegation is investigated; always true, and recorded so every reader of the case sees it.
    public var reportingRestriction: Bool
    /// A post names or otherwise identifies the teacher accused: section 141F of the Education
    /// Act 2002 forbids publishing it, and a removal request cites the section.
    public var identifiesAccusedTeacher: Bool
    /// When the referral went to the trust safeguarding lead for being late; nil until it does.
    public var overdueAt: Date?

    public init(
        owner: ContactRole, referralDueAt: Date, reportingRestriction: Bool = true, identifiesAccusedTeacher: Bool,
        overdueAt: Date? = nil
    ) {
        self.owner = owner
        self.referralDueAt = referralDueAt
        self.reportingRestriction = reportingRestriction
        self.identifiesAccusedTeacher = identifiesAccusedTeacher
        self.overdueAt = overdueAt
    }

    /// What a removal request says about section 141F, when it applies.
    public static let section141F =
        "Section 141F of the Education Act 2002 forbids publishing anything likely to identify a teacher accused by a pupil of an "
        + "offence until they are charged."

    enum CodingKeys: String, CodingKey {
        case owner
        case referralDueAt = "referral_due_at"
        case reportingRestriction = "reporting_restriction"
        case identifiesAccusedTeacher = "identifies_accused_teacher"
        case overdueAt = "overdue_at"
    }
}
