import Foundation

/// Where a case stands, with what it needs to know about how it got there.
///
/// On the wire: `{"status": "open", "at": …}`, `{"status": "acknowledged", "by":
/// "headteacher", "at": …}`, `{"status": "escalated", "at": …}`, `{"status": "closed",
/// "reason": "resolved", "at": …}`; `at` is when the case entered that status.
public enum CaseState: Codable, Sendable, Hashable {
    /// Waiting for a leader to acknowledge it, since `since`; overdue after the school's deadline.
    case open(since: Date)
    /// A leader in `role` has taken it on.
    case acknowledged(by: ContactRole, at: Date)
    /// No one acknowledged it in time, so it went to the trust safeguarding lead; still waiting
    /// for an acknowledgement.
    case escalated(at: Date)
    /// Finished; nothing moves a closed case, and the author's next breach opens a new one.
    case closed(reason: Closure, at: Date)

    /// The state without its details, as a database column holds it.
    public enum Status: String, NamedChoice {
        case open, acknowledged, escalated, closed
    }

    /// Why a case was closed: the outcomes a leader chooses from, and a merge.
    public enum Closure: String, NamedChoice {
        /// The breach was real and the school acted on it.
        case upheld
        /// The post did not in fact break the policy (the leader's reason feeds classifier quality).
        case notABreach = "not_a_breach"
        /// Another case covers the same thing.
        case duplicate
        /// Settled with the parent.
        case resolvedWithParent = "resolved_with_parent"
        /// The school dealt with it otherwise.
        case resolved
        /// The post was taken down and nothing else was needed.
        case postRemoved = "post_removed"
        /// Merged into another case of the same school, which carries it on.
        case merged

        /// The outcomes a leader may close a case with (a merge closes a case by itself).
        public static let outcomes: [Closure] = allCases.filter { $0 != .merged }
    }

    public var status: Status {
        switch self {
        case .open: .open
        case .acknowledged: .acknowledged
        case .escalated: .escalated
        case .closed: .closed
        }
    }

    /// When the case entered this state.
    public var since: Date {
        switch self {
        case .open(let date), .acknowledged(_, let date), .escalated(let date), .closed(_, let date): date
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let at = try container.decode(Date.self, forKey: .at)
        switch try container.decode(Status.self, forKey: .status) {
        case .open: self = .open(since: at)
        case .acknowledged: self = .acknowledged(by: try container.decode(ContactRole.self, forKey: .by), at: at)
        case .escalated: self = .escalated(at: at)
        case .closed: self = .closed(reason: try container.decode(Closure.self, forKey: .reason), at: at)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(since, forKey: .at)
        switch self {
        case .acknowledged(let role, _): try container.encode(role, forKey: .by)
        case .closed(let reason, _): try container.encode(reason, forKey: .reason)
        case .open, .escalated: break
        }
    }

    enum CodingKeys: String, CodingKey {
        case status, at, by, reason
    }
}
