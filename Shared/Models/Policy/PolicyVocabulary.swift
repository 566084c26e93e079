/// Who a clause applies to, by the author's relation to the school.
public enum Audience: String, NamedChoice {
    case parents, staff, pupils, governors, anyone
}

/// How serious a breach is; orders cases and decides immediate email versus digest defaults.
public enum Severity: String, NamedChoice, Comparable {
    case low, medium, high, critical

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Whether leaders hear at once or in the daily digest.
public enum NotifyMode: String, NamedChoice {
    case immediate, digest
}

/// Where a clause applies: anywhere, or only on the school's own accounts.
public enum ClauseScope: String, NamedChoice {
    case anywhere
    case ownPage = "own_page"
}

/// One step of the escalation ladder (docs/architecture.md, "Escalation ladder").
public enum LadderStep: String, NamedChoice {
    case record
    case redirectToProperChannel = "redirect_to_proper_channel"
    case discussWithParent = "discuss_with_parent"
    case meetingWithHeadteacher = "meeting_with_headteacher"
    case requestRemoval = "request_removal"
    case writtenWarning = "written_warning"
    case legalAdvice = "legal_advice"
    case police
    case blockOnSchoolSite = "block_on_school_site"
    case reportToPlatform = "report_to_platform"
    case disciplinaryInvestigation = "disciplinary_investigation"
    case safeguardingReferral = "safeguarding_referral"

    /// The step in words a head uses, as an instruction ("Ask for the post to be removed").
    public var plainName: String {
        switch self {
        case .record: "Record it"
        case .redirectToProperChannel: "Point the author to the complaints procedure"
        case .discussWithParent: "Talk to the parent"
        case .meetingWithHeadteacher: "Invite them to meet the headteacher"
        case .requestRemoval: "Ask for the post to be removed"
        case .writtenWarning: "Send a written warning"
        case .legalAdvice: "Take legal advice"
        case .police: "Tell the police"
        case .blockOnSchoolSite: "Block them from the school's pages"
        case .reportToPlatform: "Report it to the platform"
        case .disciplinaryInvestigation: "Start a disciplinary investigation"
        case .safeguardingReferral: "Make a safeguarding referral"
        }
    }
}
