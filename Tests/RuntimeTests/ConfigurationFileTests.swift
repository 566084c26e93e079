import Foundation
import ParapetRuntime
import Testing

@Suite("Configuration file")
struct ConfigurationFileTests {
    @Test func parsesCommentsBlanksQuotesAndExports() throws {
        let path = try temporaryFile(
            """
            # Parapet ingest
            PARAPET_HTTP_PORT=9000

              PARAPET_LOG_LEVEL = debug   # trailing comment
            export PARAPET_KAFKA_BROKERS="kafka:9092"
            PARAPET_GREETING='hello # not a comment'
            PARAPET_QUOTED="a \\"b\\" c\\nd"
            PARAPET_WINDOWS=crlf\r
            PARAPET_HASH=abc#def
            PARAPET_HTTP_PORT=9001
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try ConfigurationReader(environment: ["PARAPET_CONFIG_FILE": path])
        #expect(try reader.value("PARAPET_HTTP_PORT", .port) == 9001)  // the last assignment wins
        #expect(reader.location(of: "PARAPET_HTTP_PORT")?.line == 10)
        #expect(try reader.value("PARAPET_LOG_LEVEL", .logLevel) == .debug)
        #expect(try reader.value("PARAPET_KAFKA_BROKERS", .hostPorts) == [HostPort(host: "kafka", port: 9092)])
        #expect(reader.text("PARAPET_GREETING") == "hello # not a comment")
        #expect(reader.text("PARAPET_QUOTED") == "a \"b\" c\nd")
        #expect(reader.text("PARAPET_WINDOWS") == "crlf")
        #expect(reader.text("PARAPET_HASH") == "abc#def")
    }

    @Test func environmentOverridesFile() throws {
        let path = try temporaryFile("PARAPET_HTTP_PORT=9000\nPARAPET_LOG_FORMAT=text\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try ConfigurationReader(environment: ["PARAPET_CONFIG_FILE": path, "PARAPET_HTTP_PORT": "9100"])
        #expect(try reader.value("PARAPET_HTTP_PORT", .port) == 9100)
        #expect(reader.location(of: "PARAPET_HTTP_PORT") == nil)
        #expect(try reader.value("PARAPET_LOG_FORMAT", .choice(LogFormat.self)) == .text)
    }

    @Test func malformedLinesAreReportedWithPathAndLineNumber() throws {
        let path = try temporaryFile(
            """
            PARAPET_HTTP_PORT=9000
            PARAPET_DATABASE_PASSWORD hunter2
            # fine
            9LIVES=x
            PARAPET_NAME="unterminated
            PARAPET_OTHER="closed" trailing
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let errors = #expect(throws: ConfigurationErrors.self) {
            try ConfigurationReader(environment: ["PARAPET_CONFIG_FILE": path])
        }
        #expect(errors?.errors.map(\.kind) == [.malformedFile, .malformedFile, .malformedFile, .malformedFile])
        #expect(errors?.errors.map(\.location?.line) == [2, 4, 5, 6])
        #expect(
            errors?.description.split(separator: "\n") == [
                "\(path):2: line is not KEY=VALUE (expected KEY=VALUE, a # comment or a blank line)",
                "\(path):4: line does not start with a variable name (expected KEY=VALUE with KEY made of letters, digits and _)",
                "\(path):5: PARAPET_NAME: has an unterminated quote (expected a closing quote at the end of the line)",
                "\(path):6: PARAPET_OTHER: has text after the closing quote (expected a closing quote at the end of the line)",
            ])
        // A malformed line may hold a secret: it is never echoed.
        #expect(errors?.description.contains("hunter2") == false)
    }

    @Test func badValueFromFileNamesItsLine() throws {
        let path = try temporaryFile("PARAPET_LOG_LEVEL=info\nPARAPET_HTTP_PORT=80x\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try ConfigurationReader(environment: ["PARAPET_CONFIG_FILE": path])
        let error = #expect(throws: ConfigurationError.self) { try reader.value("PARAPET_HTTP_PORT", .port) }
        #expect(error?.description == "\(path):2: PARAPET_HTTP_PORT: \"80x\" is not a whole number (expected 1...65535)")
    }

    @Test func missingFile() {
        let errors = #expect(throws: ConfigurationErrors.self) {
            try ConfigurationReader(environment: ["PARAPET_CONFIG_FILE": "/nonexistent/parapet.env"])
        }
        #expect(errors?.errors.first?.kind == .unreadableFile)
        #expect(
            errors?.description == #"PARAPET_CONFIG_FILE: "/nonexistent/parapet.env" does not exist (expected a readable file of KEY=VALUE lines)"#)
    }

    @Test func directoryInsteadOfFile() {
        let errors = #expect(throws: ConfigurationErrors.self) {
            try ConfigurationReader(environment: ["PARAPET_CONFIG_FILE": FileManager.default.temporaryDirectory.path])
        }
        #expect(errors?.description.contains("is a directory") == true)
    }
}
