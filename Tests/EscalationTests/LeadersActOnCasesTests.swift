import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ParapetCaseAPI
import ParapetEscalation
import ParapetModels
import ParapetPostgres
import ParapetStore
import TestSupport
import Testing

/// The case API against real PostgreSQL and Tansu, with tokens issued by `parapet tokens`:
/// who may see and do what, every answer audited, bad requests refused without a change.
@Suite("Leaders act on cases through the case API", .serialized)
struct LeadersActOnCasesTests {
    static let defamation = ("sw-defamatory", Behaviour.defamation, Severity.high)

    @Test(
        "a school's head reads and acts on its case; another school gets 404, a chair cannot record a police contact, bad tokens and bad requests are refused and audited"
    )
    func leadersActOnCases() async throws {
        let harness = try await EscalationHarness.prepare()
        do {
            let tokens = try await issueTokens(harness)
            try await harness.withEscalationService { service in
                let verdict = EscalationFixtures.verdict("api-1", clauses: [Self.defamation])
                try await harness.publish([verdict])
                try await harness.waitForProcessed([verdict.id])
                let caseID = try #require(try await harness.store.cases().first?.case.id)
                let router = Router()
                CaseAPI(
                    desk: service.desk, postgres: harness.postgres, escalator: { await service.escalator(for: $0) },
                    now: { harness.now }, logger: Self.errorLogger
                ).install(on: router)
                try await Application(router: router).test(.router) { client in
                    try await exercise(client, caseID: caseID, tokens: tokens, harness: harness)
                }
            }
            let stored = try await harness.store.cases()
            #expect(try await harness.store.rebuiltCases() == stored, "the cases table is still its events replayed")
            let audit = try await AuditLog(client: harness.postgres).recent(limit: 500)
            #expect(audit.contains { $0.outcome == .read && $0.email == "head@stokeswood.example.sch.uk" })
            #expect(audit.contains { $0.outcome == .write && $0.detail == "police_contacted" && $0.status == 201 })
            let denied = audit.filter { $0.outcome == .denied }
            #expect(denied.contains { $0.status == 404 && $0.email == "head@stourprovost.example.sch.uk" }, "the cross-school read")
            #expect(denied.contains { $0.status == 403 && $0.role == "chair_of_governors" })
            #expect(denied.contains { $0.status == 401 && $0.tokenID == nil })
            #expect(denied.count >= 10, "every refusal is audited (\(denied.count))")
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    /// Errors only: a 500 in this test prints its cause.
    static var errorLogger: Logger {
        var logger = Logger(label: "case-api-test")
        logger.logLevel = .error
        return logger
    }

    struct Tokens {
        var head: String
        var otherHead: String
        var chair: String
        var trustLead: String
        var expired: String
    }

    func issueTokens(_ harness: EscalationHarness) async throws -> Tokens {
        func issue(_ email: String) async throws -> String {
            let output = try await harness.parapet(["tokens", "issue", "--email", email, "--days", "30"])
            return try #require(output.split(separator: "\n").first { $0.hasPrefix("parapet_") }.map(String.init), "\(output)")
        }
        let expired = try await AccessTokenStore(client: harness.postgres).issue(
            trust: EscalationFixtures.trust, email: "head@stokeswood.example.sch.uk", name: "Head", role: .headteacher,
            school: "stokes-wood", validFor: .seconds(3600), now: Date().addingTimeInterval(-7200))
        return Tokens(
            head: try await issue("head@stokeswood.example.sch.uk"), otherHead: try await issue("head@stourprovost.example.sch.uk"),
            chair: try await issue("imran.hussain@governors.oakfield.example.org"),
            trustLead: try await issue("safeguarding@oakfield.example.org"), expired: expired.text)
    }

    func exercise(_ client: some TestClientProtocol, caseID: UUID, tokens: Tokens, harness: EscalationHarness) async throws {
        let path = "/v1/cases/\(caseID.uuidString.lowercased())"
        func call(_ method: HTTPRequest.Method, _ uri: String, token: String?, body: String? = nil) async throws -> (Int, [String: Any]) {
            var headers: HTTPFields = [.contentType: "application/json"]
            if let token { headers[.authorization] = "Bearer \(token)" }
            return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
                let json = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
                return (Int(response.status.code), json)
            }
        }
        func act(_ token: String, _ body: String) async throws -> (Int, [String: Any]) {
            try await call(.post, path + "/actions", token: token, body: body)
        }
        func errorCode(_ json: [String: Any]) -> String? { (json["error"] as? [String: Any])?["code"] as? String }

        // Who may see it.
        let (read, detail) = try await call(.get, path, token: tokens.head)
        #expect(read == 200)
        #expect(((detail["timeline"] as? [[String: Any]])?.map { $0["kind"] as? String }) == ["opened"])
        #expect((detail["current_step"] as? [String: Any])?["id"] as? String != nil)
        #expect((detail["told"] as? [Any])?.count == 1)
        #expect(try await call(.get, path, token: tokens.otherHead).0 == 404, "another school's case is not found, not forbidden")
        #expect(try await call(.get, path, token: tokens.trustLead).0 == 200, "the trust safeguarding lead sees every school")
        #expect(((try await call(.get, "/v1/cases", token: tokens.head).1["cases"]) as? [Any])?.count == 1)
        #expect(((try await call(.get, "/v1/cases", token: tokens.otherHead).1["cases"]) as? [Any])?.count == 0)
        #expect(((try await call(.get, "/v1/cases?school=stokes-wood", token: tokens.otherHead).1["cases"]) as? [Any])?.count == 0)
        #expect(((try await call(.get, "/v1/cases?severity=high&overdue=false", token: tokens.trustLead).1["cases"]) as? [Any])?.count == 1)

        // Tokens that are not good enough.
        #expect(try await call(.get, path, token: nil).0 == 401)
        let forged = String(tokens.head.dropLast(4)) + "0000"
        #expect(try await call(.get, path, token: forged).0 == 401, "the right id with the wrong secret")
        #expect(try await call(.get, path, token: "not-a-token").0 == 401)
        let (expiredStatus, expiredBody) = try await call(.get, path, token: tokens.expired)
        #expect(expiredStatus == 401 && ((expiredBody["error"] as? [String: Any])?["message"] as? String)?.contains("expired") == true)

        // Rights and bad requests change nothing.
        let before = try await harness.store.events(case: caseID).count
        #expect(try await act(tokens.chair, #"{"action":"police_contacted","note":"rang 101","reference":"CAD 1"}"#).0 == 403)
        #expect(try await act(tokens.otherHead, #"{"action":"note","note":"looking"}"#).0 == 404)
        let (noReference, noReferenceBody) = try await act(tokens.head, #"{"action":"police_contacted","note":"rang 101"}"#)
        #expect(noReference == 400 && errorCode(noReferenceBody) == "invalid_request")
        #expect(try await act(tokens.head, #"{"action":"acknowledge"}"#).0 == 400, "a note is required")
        #expect(try await act(tokens.head, #"{"action":"promote","note":"x"}"#).0 == 400)
        #expect(try await act(tokens.head, #"{"action":"#).0 == 400)
        #expect(try await act(tokens.head, #"{"action":"assign","note":"x","assignee":"stranger@example.com"}"#).0 == 422)
        #expect(try await call(.get, "/v1/cases/\(UUID().uuidString)", token: tokens.head).0 == 404)
        #expect(try await call(.get, "/v1/cases?status=pending", token: tokens.head).0 == 400)
        #expect(try await harness.store.events(case: caseID).count == before)

        // What a head records.
        let (acknowledged, _) = try await act(tokens.head, #"{"action":"acknowledge","note":"Seen; I will ring the parent today."}"#)
        #expect(acknowledged == 201)
        #expect(try await act(tokens.head, #"{"action":"acknowledge","note":"again"}"#).0 == 409)
        let (police, policeBody) = try await act(
            tokens.head, #"{"action":"police_contacted","note":"Rang 101 about the threat","reference":"CAD 1234/21SEP"}"#)
        #expect(police == 201)
        let steps = (policeBody["case"] as? [String: Any])?["steps_taken"] as? [[String: Any]]
        #expect(steps?.first?["reference"] as? String == "CAD 1234/21SEP")
        #expect(try await act(tokens.head, #"{"action":"assign","note":"DSL to follow up","assignee":"D.Okoro@stokeswood.example.sch.uk"}"#).0 == 201)
        #expect(try await act(tokens.head, #"{"action":"close","note":"Parent removed it","outcome":"upheld"}"#).0 == 201)
        #expect(try await act(tokens.head, #"{"action":"close","note":"twice","outcome":"upheld"}"#).0 == 409, "closing twice")
        #expect(try await act(tokens.head, #"{"action":"note","note":"after closing"}"#).0 == 409, "acting on a closed case")
        #expect(try await act(tokens.chair, #"{"action":"reopen","note":"chair"}"#).0 == 403)
        #expect(try await act(tokens.trustLead, #"{"action":"reopen","note":"New information from the family"}"#).0 == 201)

        let events = try await harness.store.events(case: caseID)
        #expect(events.map(\.kind.name) == ["opened", "acknowledged", "step_taken", "assigned", "closed", "reopened"])
        #expect(events.dropFirst().allSatisfy { $0.actor.kind == .leader && $0.note?.isEmpty == false })
        #expect(events[3].kind == .assigned(to: "d.okoro@stokeswood.example.sch.uk"))
        let stored = try #require(try await harness.store.cases().first { $0.case.id == caseID })
        #expect(stored.case.state.status == .open && stored.case.assignee == "d.okoro@stokeswood.example.sch.uk")
        #expect(Set(try await harness.store.notifications(case: caseID).map(\.template)) == [.caseOpened, .caseClosed])

        // Revoked by trust IT: refused from then on.
        let id = try #require(AccessToken.parse(tokens.chair)?.id)
        try await harness.parapet(["tokens", "revoke", id.uuidString])
        let (revoked, revokedBody) = try await call(.get, path, token: tokens.chair)
        #expect(revoked == 401 && ((revokedBody["error"] as? [String: Any])?["message"] as? String)?.contains("revoked") == true)

        let (documentStatus, document) = try await call(.get, "/openapi.json", token: nil)
        #expect(documentStatus == 200 && document["openapi"] as? String == "3.1.0")
        // The document is valid OpenAPI 3.1, and live answers match its schemas.
        func raw(_ uri: String, token: String?) async throws -> String {
            var headers: HTTPFields = [:]
            if let token { headers[.authorization] = "Bearer \(token)" }
            return try await client.execute(uri: uri, method: .get, headers: headers) { String(buffer: $0.body) }
        }
        // The route test as an API call: the same answer `parapet route test` prints.
        let routePath = "/v1/routes/test?school=stokes-wood&clause=sw-threats&about=Anita%20Chauhan"
        let (routeStatus, route) = try await call(.get, routePath, token: tokens.head)
        #expect(routeStatus == 200)
        let told = (route["recipients"] as? [[String: Any]] ?? []).compactMap { $0["email"] as? String }
        #expect(told.contains("imran.hussain@governors.oakfield.example.org"), "a threat about the head goes to the chair")
        #expect(!told.contains("head@stokeswood.example.sch.uk"), "and not to the head: \(told)")
        #expect(route["mode"] as? String == "immediate")
        let (otherSchool, _) = try await call(.get, "/v1/routes/test?school=stokes-wood&clause=sw-threats", token: tokens.otherHead)
        #expect(otherSchool == 404, "another school's routes are not there for a school's head")
        let (unknownClause, unknownBody) = try await call(.get, "/v1/routes/test?school=stokes-wood&clause=sw-nothing", token: tokens.trustLead)
        #expect(unknownClause == 400)
        #expect(((unknownBody["error"] as? [String: Any])?["message"] as? String)?.contains("sw-threats") == true, "names the clauses there are")
        let folder = FileManager.default.temporaryDirectory.appending(path: "parapet-openapi-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples: [(String, String)] = [
            ("openapi.json", try await raw("/openapi.json", token: nil)),
            ("Page", try await raw("/v1/cases?limit=1", token: tokens.trustLead)),
            ("Detail", try await raw(path, token: tokens.head)),
            ("Error", try await raw(path, token: tokens.otherHead)),
            ("Error", try await raw("/v1/cases?limit=0", token: tokens.head)),
            ("RoutePreview", try await raw(routePath, token: tokens.head)),
            ("Error", try await raw("/v1/routes/test?school=stokes-wood", token: tokens.head)),
        ]
        for (index, (name, body)) in samples.enumerated() {
            try body.write(to: folder.appending(path: index == 0 ? name : "\(index)-\(name).json"), atomically: true, encoding: .utf8)
        }
        try await OpenAPICheck.run(folder: folder)
    }
}
