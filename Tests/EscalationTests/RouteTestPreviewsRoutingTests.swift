import Foundation
import ParapetEscalation
import ParapetModels
import TestSupport
import Testing

/// `parapet route test`: who would be told, how and when, worked out without opening anything.
@Suite("Route test previews the routing without opening a case")
struct RouteTestPreviewsRoutingTests {
    static let escalator = Escalator(configuration: EscalationFixtures.configuration)

    @Test("a threat about the head goes at once to the safeguarding leads and the chair instead of the head, with the police on its ladder")
    func threatAboutTheHead() throws {
        let head = try #require(EscalationFixtures.configuration.contacts.first { $0.school == "stokes-wood" && $0.role == .headteacher })
        let preview = try Self.escalator.preview(school: "stokes-wood", clause: "sw-threats", about: [head.name])
        #expect(preview.mode == .immediate && preview.severity == .critical)
        #expect(!preview.recipients.contains { $0.email == head.email })
        #expect(preview.recipients.contains { $0.role == .chairOfGovernors })
        #expect(preview.recipients.contains { $0.role == .designatedSafeguardingLead })
        #expect(preview.leftOut == [head.name])
        #expect(preview.ladder.contains(.police))
        #expect(preview.acknowledgeWithinSeconds == 3600)
        #expect(preview.overdueTo.map(\.role) == [.trustSafeguardingLead])
    }

    @Test("unknown schools and clauses are named with what the trust does have")
    func unknownNames() {
        #expect(throws: RoutePreviewError.self) { try Self.escalator.preview(school: "nowhere", clause: "x") }
        do {
            _ = try Self.escalator.preview(school: "stokes-wood", clause: "sw-nope")
            Issue.record("an unknown clause was accepted")
        } catch {
            #expect(error.description.contains("sw-defamatory"))
        }
    }

    @Test("the CLI prints the same, as text and as JSON")
    func commandLine() async throws {
        let parapet = EscalationHarness.executable("parapet")
        let folder = EscalationFixtures.folder.path
        let text = try ChildProcess.start([parapet, "route", "test", "--trust", folder, "--school", "stokes-wood", "--clause", "sw-complaints"])
        let (status, output) = await text.wait()
        #expect(status == 0, "\(output)")
        #expect(output.contains("told in the daily digest:") && output.contains("headteacher: "))
        let json = try ChildProcess.start([
            parapet, "route", "test", "--trust", folder, "--school", "stokes-wood", "--clause", "sw-threats", "--json",
        ])
        let (jsonStatus, jsonOutput) = await json.wait()
        #expect(jsonStatus == 0)
        let object = try JSONSerialization.jsonObject(with: Data(jsonOutput.utf8)) as? [String: Any]
        #expect(object?["mode"] as? String == "immediate")
        let bad = try ChildProcess.start([parapet, "route", "test", "--trust", folder, "--school", "stokes-wood", "--clause", "sw-nope"])
        let (badStatus, badOutput) = await bad.wait()
        #expect(badStatus != 0 && badOutput.contains("has no clause \"sw-nope\""))
    }
}
