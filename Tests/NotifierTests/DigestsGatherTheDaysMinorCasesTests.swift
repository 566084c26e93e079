import Foundation
import ParapetModels
import ParapetPostgres
import ParapetStore
import TestSupport
import Testing

/// Minor cases wait for the day's digest at 16:00 London time: one email per contact and
/// school, the cases grouped by clause, none that was also an immediate alert, and no digest
/// when there is nothing to say.
@Suite("Digests gather the day's minor cases", .serialized)
struct DigestsGatherTheDaysMinorCasesTests {
    @Test("at 16:00 each contact gets one digest of the day's minor cases by clause, leaving out a case already alerted; the next day sends none")
    func dailyDigest() async throws {
        try await NotifierHarness.with { harness in
            // The clock starts at 15:13 BST on Monday 21 September 2026.
            let complaintA = NotifierFixtures.breach(
                "The school never answers my emails about the trip.", author: "parent.a", clause: NotifierFixtures.complaint, about: [])
            let complaintB = NotifierFixtures.breach(
                "Worst run school in the county, the office is useless.", author: "parent.b", clause: NotifierFixtures.complaint, about: [])
            let negative = NotifierFixtures.breach(
                "Nathaniel Campbell is a horrible child and Bilal Farah is no better.", author: "parent.c", clause: NotifierFixtures.negative,
                evidence: "horrible child")
            let escalating = NotifierFixtures.breach("The head is a joke.", author: "parent.d", clause: NotifierFixtures.complaint, about: [])
            let threat = NotifierFixtures.breach(
                "Now I'm going to smash the head's car windows.", author: "parent.d", clause: NotifierFixtures.threat, about: [], at: 60)
            try await harness.withServices {
                for (post, verdict) in [complaintA, complaintB, negative, escalating] { try await harness.post(post, verdict: verdict) }
                try await harness.wait(for: "four digest notifications") {
                    try await harness.postgres.query("SELECT count(DISTINCT notification_id) FROM digest_entries")[0].decode(Int.self) == 4
                }
                // Parent D's case climbs to an immediate alert before the digest goes.
                harness.clock.advance(by: 60)
                try await harness.post(threat.0, verdict: threat.1)
                try await harness.wait(for: "the immediate alert") {
                    try await NotifierFixtures.notifications(in: harness.postgres).contains { $0.mode == .immediate }
                }
                let immediate = try await NotifierFixtures.notifications(in: harness.postgres).filter { $0.mode == .immediate }
                let alertedRecipients = Set(immediate.flatMap { $0.recipients.map(\.email) })
                try await harness.waitForEmails(alertedRecipients.count)
                try await Task.sleep(for: .seconds(1))
                #expect(harness.deliveredCount() == alertedRecipients.count, "no digest before 16:00")

                // 16:01 BST.
                harness.clock.advance(by: 47 * 60)
                let digestRecipients = try await harness.postgres.query("SELECT DISTINCT recipient FROM digest_entries").map {
                    try $0.decode(String.self, at: 0)
                }
                try await harness.waitForEmails(alertedRecipients.count + digestRecipients.count)
                try await Task.sleep(for: .seconds(1))
                let digests = try await harness.delivered().filter { $0.subject.hasPrefix("Minor cases today") }
                #expect(digests.count == digestRecipients.count)
                #expect(Set(digests.map(\.rcptTo)) == Set(digestRecipients))
                for digest in digests {
                    #expect(digest.defects.isEmpty)
                    #expect(digest.subject == "Minor cases today – Stokes Wood Primary School")
                    let text = digest.parts[0].text
                    #expect(text.contains("Minor cases at Stokes Wood Primary School: Monday 21 September 2026"))
                    // Grouped by clause: the complaints clause once, listing both complaints' cases.
                    #expect(text.components(separatedBy: "Making complaints about the school or staff at Stokes Wood Primary School").count == 2)
                    let alertedHere = alertedRecipients.contains(digest.rcptTo)
                    #expect(text.contains(alertedHere ? "3 minor cases" : "4 minor cases"))
                    #expect(text.components(separatedBy: "/cases/").count - 1 == (alertedHere ? 3 : 4))
                    #expect(text.contains("horrible child"))
                    #expect(!text.contains("Bilal"))
                }

                // The next day no minor case is new: no digest (the threat's reminders may go).
                harness.clock.advance(by: 24 * 3600)
                try await Task.sleep(for: .seconds(3))
                let after = try await harness.delivered().filter { $0.subject.hasPrefix("Minor cases today") }
                #expect(after.count == digests.count)
            }
        }
    }
}
