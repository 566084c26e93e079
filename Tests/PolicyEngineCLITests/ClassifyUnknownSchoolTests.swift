import Testing

/// A school or account the trust does not have is one clear line, not a stack trace.
@Suite("parapet classify names an unknown school or account")
struct ClassifyUnknownSchoolTests {
    @Test("--school that is not in the trust: one line listing the schools, exit 64")
    func unknownSchoolOption() async throws {
        let result = try await ClassifyCLI.run(["--school", "hogwarts", "hello"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix("parapet: no school \"hogwarts\" in the trust (schools: "), "\(result.stderr)")
        #expect(result.stderr.contains("stour-provost"))
    }

    @Test("--account of another school: one line naming both, exit 64")
    func accountOfAnotherSchool() async throws {
        let result = try await ClassifyCLI.run(["--school", "stour-provost", "--account", "sw-forum", "hello"])
        #expect(result.status == 64)
        #expect(result.stderr == "parapet: account \"sw-forum\" belongs to school \"stokes-wood\", not \"stour-provost\"\n")
    }

    @Test("an unknown school inside a JSON post is bad data: exit 65")
    func unknownSchoolInPost() async throws {
        let result = try await ClassifyCLI.run(["--json", #"{"text": "hello", "school": "hogwarts"}"#])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("parapet: no school \"hogwarts\" in the trust"))
    }

    @Test("a trust folder that is not there: one line, exit 66")
    func missingTrust() async throws {
        let result = try await ClassifyCLI.run(["--trust", "/nonexistent/trust", "hello"])
        #expect(result.status == 66)
        #expect(result.stderr == "parapet: no trust folder at /nonexistent/trust\n")
    }
}
