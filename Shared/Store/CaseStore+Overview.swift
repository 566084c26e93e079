import Foundation
import ParapetModels
import ParapetPostgres

extension CaseStore {
    /// The figures of a trust's overview: what is open, what came in, how fast it was taken on.
    public struct Overview: Sendable, Hashable {
        /// Open (not closed) cases, counted per school, severity and step.
        public struct OpenCount: Sendable, Hashable {
            public var school: String
            public var severity: Severity
            public var step: LadderStep
            public var count: Int
            /// Of those, how many are overdue: escalated, or past their deadline.
            public var overdue: Int
        }

        /// Cases opened in one week (from Monday, in the trust's zone) per clause they break.
        public struct WeeklyBreaches: Sendable, Hashable {
            public var weekStarting: CalendarDate
            public var school: String
            public var clause: String
            public var count: Int
        }

        /// How long one case waited to be acknowledged.
        public struct Acknowledgement: Sendable, Hashable {
            public var school: String
            public var seconds: Double
        }

        public var open: [OpenCount]
        public var weekly: [WeeklyBreaches]
        public var acknowledgements: [Acknowledgement]
    }

    /// Trust `trust`'s overview: open cases now, and cases opened since `since`, weeks taken in `timeZone`.
    public func overview(trust: String, since: Date, timeZone: String, now: Date = Date()) async throws -> Overview {
        let open = try await client.query(
            """
            SELECT school_id, severity, step, count(*) AS n,
                count(*) FILTER (WHERE status = 'escalated' OR due_at <= \(now)) AS overdue
            FROM cases WHERE trust_id = \(trust) AND status <> 'closed'
            GROUP BY school_id, severity, step ORDER BY school_id, severity, step
            """
        ).compactMap { row -> Overview.OpenCount? in
            guard let severity = Severity(rawValue: try row.decode(String.self, column: "severity")),
                let step = LadderStep(rawValue: try row.decode(String.self, column: "step"))
            else { return nil }
            return Overview.OpenCount(
                school: try row.decode(String.self, column: "school_id"), severity: severity, step: step,
                count: try row.decode(Int.self, column: "n"), overdue: try row.decode(Int.self, column: "overdue"))
        }
        let weekly = try await client.query(
            """
            SELECT to_char(date_trunc('week', opened_at AT TIME ZONE \(timeZone)), 'YYYY-MM-DD') AS week, school_id, clause,
                count(*) AS n
            FROM cases, jsonb_array_elements_text(document->'clause_ids') AS clause
            WHERE trust_id = \(trust) AND opened_at >= \(since)
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """
        ).compactMap { row -> Overview.WeeklyBreaches? in
            guard let week = CalendarDate(try row.decode(String.self, column: "week")) else { return nil }
            return Overview.WeeklyBreaches(
                weekStarting: week, school: try row.decode(String.self, column: "school_id"),
                clause: try row.decode(String.self, column: "clause"), count: try row.decode(Int.self, column: "n"))
        }
        let acknowledgements = try await client.query(
            """
            SELECT c.school_id, extract(epoch FROM min(e.at) - c.opened_at)::float8 AS seconds
            FROM cases c JOIN case_events e ON e.case_id = c.id AND e.kind = 'acknowledged'
            WHERE c.trust_id = \(trust) AND c.opened_at >= \(since)
            GROUP BY c.id, c.school_id, c.opened_at
            """
        ).map { row in
            Overview.Acknowledgement(
                school: try row.decode(String.self, column: "school_id"), seconds: try row.decode(Double.self, column: "seconds"))
        }
        return Overview(open: open, weekly: weekly, acknowledgements: acknowledgements)
    }
}
