import Foundation
import ParapetModels
import TestSupport
import Testing

/// Schemathesis (from PyPI, installed into `.tools/venv` by `scripts/setup`) fuzzes the live
/// `escalation` binary from its own OpenAPI document: no request gets a 5xx, and every answer
/// keeps to the document (status codes, content types, headers and bodies).
@Suite("Fuzzed case API keeps to its document", .serialized)
struct FuzzedCaseAPIKeepsToItsDocumentTests {
    static let schemathesis = LocalInfrastructure.repositoryRoot.appending(path: ".tools/venv/bin/schemathesis").path

    @Test("schemathesis finds no server error and no answer that breaks the OpenAPI document")
    func fuzz() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.schemathesis), "run scripts/setup")
        let harness = try await EscalationHarness.prepare()
        let port = try FreePort.next()
        do {
            let escalation = try await harness.startEscalation(port: port)
            defer { escalation.send(SIGKILL) }
            // A case to read and act on, so the fuzzer meets real answers as well as refusals.
            let verdict = EscalationFixtures.verdict("fuzz-1", clauses: [("sw-defamatory", .defamation, .high)])
            try await harness.publish([verdict])
            try await harness.waitForProcessed([verdict.id])
            let output = try await harness.parapet(["tokens", "issue", "--email", "safeguarding@oakfield.example.org", "--days", "1"])
            let token = try #require(output.split(separator: "\n").first { $0.hasPrefix("parapet_") }.map(String.init), "\(output)")
            // Run from a folder of its own: schemathesis keeps a cache in its working directory.
            let scratch = FileManager.default.temporaryDirectory.appending(path: "parapet-schemathesis-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let process = try ChildProcess.start(
                [
                    "/usr/bin/env", "-C", scratch.path, Self.schemathesis, "run", "http://127.0.0.1:\(port)/openapi.json", "--header",
                    "Authorization: Bearer \(token)",
                    "--checks",
                    "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance",
                    "--max-examples", "60", "--seed", "20261207", "--no-color", "--generation-database", "none",
                ],
                environment: ProcessInfo.processInfo.environment.merging(["SCHEMATHESIS_TELEMETRY": "false", "HOME": NSTemporaryDirectory()]) { $1 })
            let (status, report) = await process.wait()
            #expect(status == 0, "\(report)")
            print(report.split(separator: "\n").suffix(12).joined(separator: "\n"))
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }
}
