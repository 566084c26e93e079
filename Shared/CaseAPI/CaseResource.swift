import Foundation
import ParapetModels
import ParapetStore

/// What the case API answers, as JSON (snake_case keys, RFC 3339 times).
enum CaseResource {
    /// A case in a list, and at the head of a read.
    struct Summary: Encodable {
        var id: UUID
        var school: String
        var authorKey: AuthorKey
        var status: CaseState.Status
        var state: CaseState
        var severity: Severity
        var step: LadderStep
        var ladder: [LadderStep]
        var clauseIDs: [String]
        var behaviours: [Behaviour]
        var postIDs: [UUID]
        var verdictIDs: [UUID]
        var assignee: String?
        var stepsTaken: [CaseStepTaken]
        var mergedInto: UUID?
        var mergedFrom: [UUID]
        var openedAt: Date
        var updatedAt: Date
        var dueAt: Date?
        var overdue: Bool
        var lastSequence: Int
        /// Who the case's posts are about, by roster id and role.
        var about: [BreachSubject]
        var allegation: Allegation?
        var stalls: Int

        init(_ listed: CaseStore.Listed, now: Date) {
            let value = listed.stored.case
            id = value.id
            school = value.school
            authorKey = value.authorKey
            status = value.state.status
            state = value.state
            severity = value.severity
            step = value.step
            ladder = value.ladder
            clauseIDs = value.clauseIDs
            behaviours = value.behaviours
            postIDs = value.postIDs
            verdictIDs = value.verdictIDs
            assignee = value.assignee
            stepsTaken = value.stepsTaken
            mergedInto = value.mergedInto
            mergedFrom = value.mergedFrom
            openedAt = value.openedAt
            updatedAt = value.updatedAt
            dueAt = listed.dueAt
            overdue = listed.isOverdue(at: now)
            lastSequence = listed.stored.lastSequence
            about = value.about
            allegation = value.allegation.map { Allegation($0, referred: value.isReferredToLADO) }
            stalls = value.stalls
        }

        enum CodingKeys: String, CodingKey {
            case id, school, status, state, severity, step, ladder, behaviours, assignee, overdue
            case authorKey = "author_key"
            case clauseIDs = "clause_ids"
            case postIDs = "post_ids"
            case verdictIDs = "verdict_ids"
            case stepsTaken = "steps_taken"
            case mergedInto = "merged_into"
            case mergedFrom = "merged_from"
            case openedAt = "opened_at"
            case updatedAt = "updated_at"
            case dueAt = "due_at"
            case lastSequence = "last_sequence"
            case about, allegation, stalls
        }
    }

    /// The allegations-management step, with whether the LADO referral is recorded.
    struct Allegation: Encodable {
        var owner: ContactRole
        var referralDueAt: Date
        var referred: Bool
        var reportingRestriction: Bool
        var identifiesAccusedTeacher: Bool
        /// What a removal request must cite when the post identifies the teacher.
        var section141F: String?
        var overdueAt: Date?

        init(_ allegation: AllegationManagement, referred: Bool) {
            owner = allegation.owner
            referralDueAt = allegation.referralDueAt
            self.referred = referred
            reportingRestriction = allegation.reportingRestriction
            identifiesAccusedTeacher = allegation.identifiesAccusedTeacher
            section141F = allegation.identifiesAccusedTeacher ? AllegationManagement.section141F : nil
            overdueAt = allegation.overdueAt
        }

        enum CodingKeys: String, CodingKey {
            case owner, referred
            case referralDueAt = "referral_due_at"
            case reportingRestriction = "reporting_restriction"
            case identifiesAccusedTeacher = "identifies_accused_teacher"
            case section141F = "section_141f"
            case overdueAt = "overdue_at"
        }
    }

    /// A page of a list.
    struct Page: Encodable {
        var cases: [Summary]
        var nextCursor: String?

        enum CodingKeys: String, CodingKey {
            case cases
            case nextCursor = "next_cursor"
        }
    }

    /// The step the case is on, in the school's words.
    struct Step: Encodable {
        var id: LadderStep
        /// What the school's procedure asks at this step, quoted from its policy; nil where the policy says nothing.
        var words: String?
    }

    /// A clause broken, in the policy's words.
    struct Clause: Encodable {
        var id: String
        var behaviour: Behaviour
        var quote: String?
        var severity: Severity
    }

    /// A post of the case with the verdicts of it the case holds.
    struct PostEntry: Encodable {
        var post: Post?
        var verdicts: [Verdict]
    }

    /// Who was told, about which event, how.
    struct Told: Encodable {
        var notification: UUID
        var event: UUID?
        var template: CaseNotification.Template
        var mode: NotifyMode
        var recipients: [CaseNotification.Recipient]
        var at: Date
    }

    /// One case, read in full.
    struct Detail: Encodable {
        var `case`: Summary
        var currentStep: Step
        var clauses: [Clause]
        var posts: [PostEntry]
        var told: [Told]
        var timeline: [CaseEvent]

        enum CodingKeys: String, CodingKey {
            case `case`, clauses, posts, told, timeline
            case currentStep = "current_step"
        }
    }
}
