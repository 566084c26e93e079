import Foundation
import Logging
import ParapetModels
import ParapetPostgres
import ParapetStore
import TestSupport
import Testing

/// The leaders' pages in a real browser: Debian's Chromium driven by Selenium
/// (`leader_pages.py`), against the classifier, escalation and notifier binaries with real
/// PostgreSQL, Tansu and the SMTP sink, fed the example trust's sample posts through
/// `parapet import`.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct LeadersUseThePagesInABrowserTests {
    static let trust = "oakfield-learning-trust"
    static let folder = LocalInfrastructure.repositoryRoot.appending(path: "Examples/oakfield-learning-trust")
    static let head = "head@stourprovost.example.sch.uk"
    static let otherHead = "head@stokeswood.example.sch.uk"
    static let trustLead = "safeguarding@oakfield.example.org"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "leader_pages.py").path
    static let python = LocalInfrastructure.repositoryRoot.appending(path: ".tools/venv/bin/python").path
    static let screenshots = LocalInfrastructure.repositoryRoot.appending(path: ".run/screenshots")

    static func executable(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appending(path: name).path
    }

    /// The browser's findings, as `leader_pages.py` writes them.
    struct Report: Decodable {
        struct Accessibility: Decodable {
            var serious_or_critical: [Violation]
            var checked_rules: Int
        }
        struct Violation: Decodable, CustomStringConvertible {
            var id: String
            var impact: String
            var help: String
            var description: String { "\(impact) \(id): \(help)" }
        }
        struct Cookie: Decodable {
            var name: String
            var httpOnly: Bool?
            var secure: Bool?
            var sameSite: String?
        }
        struct Forgery: Decodable {
            var no_token: Int
            var other_sessions_token: Int
            var sign_out_with_other_token: Int
            var tokens_differ: Bool
        }
        struct Refused: Decodable {
            var status: Int
            var heading: String?
        }
        struct OtherSchool: Decodable {
            var heading: String
            var status: Int
        }
        struct Redirect: Decodable {
            var status: Int
            var location: String?
        }
        var accessibility: [String: Accessibility]
        var screenshots: [String]
        var overflow: [String: Bool]
        var case_id: String
        var unsigned_redirect: String
        var after_sign_in: String
        var session_cookie: [Cookie]
        var recorded: [String?]
        var police_without_reference_error: String
        var timeline: [String]
        var told: [String]
        var marked: [String]
        var my_cases: [String]
        var forgery: Forgery
        var other_school: OtherSchool
        var used_link: Refused
        var expired_link: Refused
        var head_trust_status: Int
        var trust_url: String
        var trust_text: String
        var trust_chart_bars: Int
        var after_sign_out: String
        var old_session_after_sign_out: Redirect
        var headers: [String: String?]
        var flood: [Int]
    }

    @Test func aHeadSignsInOpensTheAlertedCaseAndRecordsWhatTheyDid() async throws {
        let infrastructure = try await LocalInfrastructure.start([.postgres, .kafka, .smtp])
        var running: [RunningProcess] = []
        let postgres = PostgresClient(configuration: try PostgresConfiguration(url: infrastructure.databaseURL), logger: .init(label: "test"))
        defer {
            for process in running {
                process.send(SIGTERM)
                _ = process.waitForExit()
            }
            infrastructure.stop()
        }
        let port = try FreePort.next()
        let base = "http://127.0.0.1:\(port)"
        var environment = ProcessInfo.processInfo.environment.merging(infrastructure.environment) { $1 }
        environment.merge([
            "PARAPET_LOG_LEVEL": "warning", "PARAPET_TOPIC_PARTITIONS": "3", "PARAPET_KAFKA_SESSION_TIMEOUT": "6s",
            "PARAPET_PUBLIC_URL": base, "PARAPET_ALERT_GROUP_WAIT": "0s", "PARAPET_HTTP_HOST": "127.0.0.1",
            "PARAPET_MAIL_FROM": "parapet@oakfield.example.org",
        ]) { $1 }
        _ = try await ChildProcess.run([Self.executable("parapet"), "config", "apply", Self.folder.path], environment: environment)
        _ = try await ChildProcess.run([Self.executable("parapet"), "topics", "create"], environment: environment)
        for (service, servicePort) in [("classifier", try FreePort.next()), ("notifier", try FreePort.next()), ("escalation", port)] {
            running.append(
                try ChildProcess.start([Self.executable(service)], environment: environment.merging(["PARAPET_HTTP_PORT": "\(servicePort)"]) { $1 }))
            try await Self.waitUntilReady("http://127.0.0.1:\(servicePort)/ready", running.last)
        }
        _ = try await ChildProcess.run(
            [Self.executable("parapet"), "import", Self.folder.appending(path: "sample-posts.jsonl").path], environment: environment)
        let maildir = infrastructure.environment["PARAPET_SMTP_MAILDIR"] ?? ""
        try await Self.waitFor("an alert to \(Self.head)") {
            try await postgres.query(
                "SELECT count(*) FROM notification_deliveries WHERE recipient = \(Self.head) AND status = 'sent' AND case_id IS NOT NULL"
            )[0].decode(Int.self) > 0
        }
        // A link issued 20 minutes ago: past its 15.
        let expired = try await SignInStore(client: postgres).issueLink(trust: Self.trust, email: Self.head, now: Date().addingTimeInterval(-20 * 60))

        let reportPath = FileManager.default.temporaryDirectory.appending(path: "leader-pages-\(UUID().uuidString).json").path
        try? FileManager.default.removeItem(at: Self.screenshots)
        _ = try await ChildProcess.run(
            [
                Self.python, Self.script, "--base", base, "--maildir", maildir, "--head", Self.head, "--other-head", Self.otherHead,
                "--trust-lead", Self.trustLead, "--expired-link", "\(base)/sign-in/\(expired.text)", "--shots", Self.screenshots.path,
                "--report", reportPath,
            ], environment: environment)
        let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: URL(fileURLWithPath: reportPath)))
        let caseID = try #require(UUID(uuidString: report.case_id))

        // The alert's link led through sign-in and back to the case; the cookie is as it should be.
        #expect(report.unsigned_redirect == "\(base)/sign-in?next=/cases/\(report.case_id)")
        #expect(report.after_sign_in == "\(base)/cases/\(report.case_id)")
        let cookie = try #require(report.session_cookie.first)
        #expect(cookie.httpOnly == true && cookie.sameSite == "Lax" && cookie.secure == false)

        // What the head recorded is on the page and in PostgreSQL, each once.
        #expect(report.recorded == ["Recorded: asked for the post to be removed.", "Recorded: told the police."])
        #expect(report.police_without_reference_error == "Please give the reference you were given.")
        #expect(report.timeline.first?.hasPrefix("Told the police (reference CAD 4417/07DEC)") == true)
        #expect(report.timeline.dropFirst().first?.hasPrefix("Asked for the post to be removed") == true)
        #expect(report.timeline.last?.hasPrefix("Parapet opened the case") == true)
        #expect(report.told.contains { $0.contains("Headteacher") })
        #expect(!report.marked.isEmpty)
        let steps = try await postgres.query(
            """
            SELECT event->'step_taken'->>'step' AS step, event->'step_taken'->>'reference' AS reference, event->'actor'->>'name' AS actor
            FROM case_events WHERE case_id = \(caseID) AND kind = 'step_taken' ORDER BY sequence
            """
        ).map {
            (
                try $0.decode(String?.self, column: "step"), try $0.decode(String?.self, column: "reference"),
                try $0.decode(String?.self, column: "actor")
            )
        }
        #expect(steps.map(\.0) == ["removal_requested", "police_contacted"])
        #expect(steps.last?.1 == "CAD 4417/07DEC")
        #expect(steps.allSatisfy { $0.2 == Self.head })
        #expect(report.my_cases.contains("\(base)/cases/\(report.case_id)"))

        // Forged posts were refused and changed nothing: no note on the case.
        #expect(report.forgery.no_token == 403)
        #expect(report.forgery.other_sessions_token == 403)
        #expect(report.forgery.sign_out_with_other_token == 403)
        #expect(report.forgery.tokens_differ)
        let notes = try await postgres.query("SELECT count(*) FROM case_events WHERE case_id = \(caseID) AND kind = 'noted'")[0].decode(Int.self)
        #expect(notes == 0)

        // Another school's head: not found, as a case that is not there.
        #expect(report.other_school.status == 404)
        #expect(report.other_school.heading == "Page not found")
        // Used and expired links.
        #expect(report.used_link.status == 410)
        #expect(report.used_link.heading == "This link has been used")
        #expect(report.expired_link.status == 410)
        #expect(report.expired_link.heading == "This link has expired")
        // The overview is the trust lead's alone.
        #expect(report.head_trust_status == 404)
        #expect(report.trust_url == "\(base)/trust")
        #expect(report.trust_text.contains("Stour Provost Primary School"))
        #expect(report.trust_chart_bars > 0)
        // Signing out ends the session.
        #expect(report.after_sign_out == "Sign in to Parapet")
        #expect(report.old_session_after_sign_out.status == 303)
        #expect(report.headers["Content-Security-Policy"]??.contains("default-src 'none'") == true)
        #expect(report.headers["Referrer-Policy"] == "no-referrer")
        // Five links an address in a quarter of an hour, then no more.
        #expect(report.flood == [200, 200, 200, 200, 200, 429, 429])

        // Every page: no serious or critical accessibility violation, nothing wider than a phone.
        #expect(Set(report.accessibility.keys) == ["sign-in", "case", "my-cases", "not-found", "link-expired", "trust"])
        for (page, result) in report.accessibility {
            #expect(result.serious_or_critical.isEmpty, "\(page): \(result.serious_or_critical)")
            #expect(result.checked_rules > 10, "\(page)")
        }
        for (page, overflows) in report.overflow { #expect(!overflows, "\(page) is wider than its window") }
        for shot in report.screenshots { #expect(FileManager.default.fileExists(atPath: shot)) }

        // Each page view was audited with its session; the sign-in links' secrets never were.
        let audited = try await postgres.query(
            "SELECT count(*) FROM audit_log WHERE case_id = \(caseID) AND session_id IS NOT NULL AND method = 'GET'")[0].decode(Int.self)
        #expect(audited >= 3)
        let secrets = try await postgres.query("SELECT count(*) FROM audit_log WHERE path LIKE '%parapet\\_%'")[0].decode(Int.self)
        #expect(secrets == 0)
        await postgres.shutdown()
    }

    static func waitUntilReady(_ url: String, _ process: RunningProcess?) async throws {
        for _ in 0..<600 {
            if let (status, _) = try? await HTTPProbe.get(url), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ChildProcess.Failed(command: [url], status: -1, output: "not ready: \(process?.output ?? "")")
    }

    static func waitFor(_ what: String, timeout: Duration = .seconds(120), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("timed out waiting for \(what)")
        throw CancellationError()
    }
}
