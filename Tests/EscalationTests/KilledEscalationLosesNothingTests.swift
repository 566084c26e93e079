import Foundation
import ParapetKafka
import ParapetModels
import ParapetPostgres
import ParapetStore
import TestSupport
import Testing

/// The `escalation` binary killed with SIGKILL in the middle of 10,000 verdicts, restarted, and
/// then replayed from the start of `parapet.verdicts`: every breach in exactly one case, no event
/// or notification request twice, and the replay changes nothing.
@Suite("Crashing escalation", .serialized)
struct KilledEscalationLosesNothingTests {
    /// One clause per school, so that verdicts of every school open and join cases.
    static let clauses: [(school: String, clause: (String, Behaviour, Severity))] = [
        ("stokes-wood", ("sw-defamatory", .defamation, .high)), ("stour-provost", ("sp-respect", .negativeCommentAboutIndividual, .medium)),
        ("levens-ce", ("lev-cyberbullying", .cyberbullying, .high)), ("trimley-st-martin", ("tsm-harassment", .harassment, .high)),
        ("dauvergne", ("dav-speak-to-us", .misplacedComplaint, .low)),
    ]

    /// 10,000 verdicts, 30% of them breaches, by 400 authors across the five schools; some
    /// breaches are edits of a post already judged.
    static func verdicts() -> [Verdict] {
        (0..<10_000).map { index in
            let (school, clause) = clauses[index % clauses.count]
            let author = "facebook:crash.author.\(index % 400)"
            guard index % 10 < 3 else { return EscalationFixtures.benign("crash-\(index)", school: school, author: author) }
            // Every fifth breach is a second revision of the post before it by the same author.
            let edit = index % 50 == 2
            return EscalationFixtures.verdict(
                "crash-\(index)", school: school, author: author, post: edit ? "crash-\(index - 50)" : nil, revision: edit ? 2 : 1,
                clauses: [clause])
        }
    }

    @Test("SIGKILL mid-run, restart, then a replay from the start: every breach in one case, nothing twice")
    func killMidRunThenReplay() async throws {
        let harness = try await EscalationHarness.prepare()
        let port = try FreePort.next()
        // Small batches and a short group wait, so the kill lands between batches and held alerts.
        let settings = [
            "PARAPET_ESCALATION_BATCH_SIZE": "200", "PARAPET_ESCALATION_SWEEP_INTERVAL": "1s", "PARAPET_ALERT_GROUP_WAIT": "1s",
            "PARAPET_ALERT_GROUP_INTERVAL": "2s",
        ]
        do {
            let verdicts = Self.verdicts()
            let breaches = verdicts.filter { !$0.isBenign }
            let firstPart = 7_000
            try await harness.publish(Array(verdicts[..<firstPart]))
            var escalation = try await harness.startEscalation(port: port, settings: settings)
            try await harness.wait(for: "a first part to be processed", timeout: .seconds(120)) { try await harness.processedCount() >= 1_500 }
            escalation.send(SIGKILL)
            _ = await escalation.wait()
            let atKill = try await harness.processedCount()
            try await harness.publish(Array(verdicts[firstPart...]))
            escalation = try await harness.startEscalation(port: port, settings: settings)
            try await harness.waitForProcessed(verdicts.map(\.id), timeout: .seconds(240))
            try await Self.waitForOutbox(harness)
            let (status, output) = await escalation.stopGracefully()
            #expect(status == 0, "\(output)")
            #expect(atKill < verdicts.count, "the kill came mid-run (\(atKill) processed)")

            let stored = try await harness.store.cases()
            let inCases = stored.flatMap(\.case.verdictIDs)
            #expect(inCases.count == breaches.count, "every breach in a case")
            #expect(Set(inCases) == Set(breaches.map(\.id)), "each breach in exactly one case")
            #expect(try await harness.store.rebuiltCases() == stored, "the cases table is its events replayed")
            let before = try await harness.store.counts()
            let eventVerdicts = try await harness.postgres.query(
                "SELECT event->'verdict'->>'verdict_id' FROM case_events WHERE kind IN ('opened', 'joined')"
            ).map { try $0.decode(String.self, at: 0) }
            #expect(eventVerdicts.count == Set(eventVerdicts).count, "no verdict recorded twice")
            let duplicateRequests = try await harness.postgres.query(
                "SELECT count(*) - count(DISTINCT event_id) FROM case_notifications WHERE notification->>'template' <> 'case_reminder'"
            )[0].decode(Int.self)
            #expect(duplicateRequests == 0, "one notification request per event")
            let orphans = try await harness.postgres.query(
                "SELECT count(*) FROM case_notifications n WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.id = n.event_id)"
            )[0].decode(Int.self)
            #expect(orphans == 0, "every request's event is stored (no foreign key checks it)")
            let published = try await harness.published(CaseNotification.self)
            #expect(Set(published.map(\.id)) == Set(try await Self.notificationIDs(harness)), "every request published, under its own id")

            // An operator's replay from the start: nothing new.
            try await harness.rewindEscalation()
            let sentinel = EscalationFixtures.benign("crash-sentinel", author: "facebook:sentinel")
            try await harness.publish([sentinel])
            escalation = try await harness.startEscalation(port: port, settings: settings)
            try await harness.waitForProcessed([sentinel.id], timeout: .seconds(240))
            let (replayStatus, replayOutput) = await escalation.stopGracefully()
            #expect(replayStatus == 0, "\(replayOutput)")
            let after = try await harness.store.counts()
            #expect(after.cases == before.cases && after.events == before.events && after.notifications == before.notifications)
            #expect(try await harness.store.cases() == stored, "the same cases")
            print(
                "escalation killed with \(atKill) of \(verdicts.count) verdicts processed; \(stored.count) cases, \(before.events) events, \(before.notifications) notification requests; parapet.notifications holds \(published.count) messages for them; a replay of all \(verdicts.count + 1) verdicts added nothing"
            )
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    static func waitForOutbox(_ harness: EscalationHarness) async throws {
        try await harness.wait(for: "the outbox to drain", timeout: .seconds(120)) {
            try await harness.postgres.query(
                """
                SELECT (SELECT count(*) FROM case_events WHERE published_at IS NULL)
                    + (SELECT count(*) FROM case_notifications WHERE published_at IS NULL)
                """
            )[0].decode(Int.self) == 0
        }
    }

    static func notificationIDs(_ harness: EscalationHarness) async throws -> [UUID] {
        try await harness.postgres.query("SELECT id FROM case_notifications").map { try $0.decode(UUID.self, at: 0) }
    }
}

extension RunningProcess {
    /// SIGTERM, then the exit status and output.
    func stopGracefully() async -> (status: Int32, output: String) {
        send(SIGTERM)
        return await wait()
    }
}
