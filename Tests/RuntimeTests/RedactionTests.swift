import ParapetRuntime
import Testing

@Suite("Redaction")
struct RedactionTests {
    @Test(arguments: ["PARAPET_DATABASE_PASSWORD", "parapet_smtp_password", "PARAPET_WEBHOOK_SECRET", "GITHUB_TOKEN", "PARAPET_API_KEY"])
    func secretNames(name: String) {
        #expect(Redaction.isSecret(name: name))
    }

    @Test(arguments: ["PARAPET_HTTP_PORT", "PARAPET_KAFKA_BROKERS", "PARAPET_DATABASE_URL"])
    func ordinaryNames(name: String) {
        #expect(!Redaction.isSecret(name: name))
    }

    @Test(arguments: [
        ("postgres://parapet:hunter2@db:5432/parapet", "postgres://parapet:***@db:5432/parapet"),
        ("cannot connect to postgres://u:p@ss@db/x: refused", "cannot connect to postgres://u:***@db/x: refused"),
        ("two: smtp://a:b@mail and http://c:d@web/path?q=1", "two: smtp://a:***@mail and http://c:***@web/path?q=1"),
        ("no password: postgres://parapet@db/parapet", "no password: postgres://parapet@db/parapet"),
        ("plain text", "plain text"),
    ])
    func urlPasswords(text: String, expected: String) {
        #expect(Redaction.redactingURLPasswords(in: text) == expected)
    }

    @Test func oneLine() {
        #expect(Redaction.oneLine("first\n  second\r\nthird postgres://a:b@h") == "first second third postgres://a:***@h")
    }
}
