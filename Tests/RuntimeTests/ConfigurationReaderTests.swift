import Foundation
import ParapetRuntime
import Testing

@Suite("ConfigurationReader")
struct ConfigurationReaderTests {
    @Test func missingRequiredVariableNamesItAndWhatIsExpected() {
        let reader = ConfigurationReader(values: [:])
        #expect {
            try reader.value("PARAPET_KAFKA_BROKERS", .hostPorts)
        } throws: { error in
            let error = try #require(error as? ConfigurationError)
            return error.kind == .missing
                && error.description == "PARAPET_KAFKA_BROKERS is not set (expected host:port[,host:port...])"
        }
    }

    @Test func emptyValueCountsAsUnset() throws {
        let reader = ConfigurationReader(values: ["PARAPET_HTTP_PORT": "  "])
        #expect(try reader.value("PARAPET_HTTP_PORT", .port, default: 8080) == 8080)
        #expect(throws: ConfigurationError.missing("PARAPET_HTTP_PORT", expected: "1...65535")) {
            try reader.value("PARAPET_HTTP_PORT", .port)
        }
    }

    @Test func malformedInteger() {
        let reader = ConfigurationReader(values: ["PARAPET_HTTP_PORT": "80x"])
        let error = #expect(throws: ConfigurationError.self) { try reader.value("PARAPET_HTTP_PORT", .port) }
        #expect(error?.kind == .invalid)
        #expect(error?.description == #"PARAPET_HTTP_PORT: "80x" is not a whole number (expected 1...65535)"#)
    }

    @Test(arguments: ["0", "70000", "-1"])
    func portOutOfRange(value: String) {
        let reader = ConfigurationReader(values: ["PARAPET_HTTP_PORT": value])
        let error = #expect(throws: ConfigurationError.self) { try reader.value("PARAPET_HTTP_PORT", .port) }
        #expect(error?.kind == .outOfRange)
        #expect(error?.description == "PARAPET_HTTP_PORT: \"\(value)\" is out of range (expected 1...65535)")
    }

    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)), ("10s", .seconds(10)), ("2m", .seconds(120)), ("1h", .seconds(3600)),
        (" 0s ", .zero),
    ])
    func durations(text: String, expected: Duration) throws {
        let reader = ConfigurationReader(values: ["PARAPET_POLL": text])
        #expect(try reader.value("PARAPET_POLL", .duration()) == expected)
    }

    @Test(arguments: ["10", "ten seconds", "5d", "-1s", "1.5s", "ms", "s10"])
    func malformedDuration(text: String) {
        let reader = ConfigurationReader(values: ["PARAPET_POLL": text])
        let error = #expect(throws: ConfigurationError.self) { try reader.value("PARAPET_POLL", .duration()) }
        #expect(error?.kind == .invalid)
        #expect(error?.description.hasPrefix("PARAPET_POLL: ") == true)
        #expect(error?.description.hasSuffix("is not a duration (expected a duration such as 500ms, 10s or 2m)") == true)
    }

    @Test func durationRange() {
        let reader = ConfigurationReader(values: ["PARAPET_SESSION_TIMEOUT": "2h"])
        let error = #expect(throws: ConfigurationError.self) {
            try reader.value("PARAPET_SESSION_TIMEOUT", .duration(in: .seconds(1)...(.seconds(300))))
        }
        #expect(error?.description == #"PARAPET_SESSION_TIMEOUT: "2h" is out of range (expected a duration from 1s to 5m, e.g. 500ms, 10s or 2m)"#)
    }

    @Test func urlWithAllowedScheme() throws {
        let reader = ConfigurationReader(values: ["PARAPET_DATABASE_URL": "postgresql://parapet@db:5432/parapet"])
        let url = try reader.value("PARAPET_DATABASE_URL", .url(schemes: ["postgres", "postgresql"]))
        #expect(url.host == "db")
        #expect(url.port == 5432)
    }

    @Test(arguments: [
        ("http://db/parapet", "has the wrong scheme"),
        ("not a url", "is not a URL"),
        ("postgres:///parapet", "has no host"),
    ])
    func malformedURL(value: String, reason: String) {
        let reader = ConfigurationReader(values: ["PARAPET_DATABASE_URL": value])
        let error = #expect(throws: ConfigurationError.self) {
            try reader.value("PARAPET_DATABASE_URL", .url(schemes: ["postgres", "postgresql"]))
        }
        #expect(error?.description == "PARAPET_DATABASE_URL: \"\(value)\" \(reason) (expected a URL starting postgres:// or postgresql://)")
    }

    @Test func enumerationAcceptsAnyCaseAndRejectsUnknownWords() throws {
        #expect(try ConfigurationReader(values: ["PARAPET_LOG_FORMAT": "TEXT"]).value("PARAPET_LOG_FORMAT", .choice(LogFormat.self)) == .text)
        #expect(try ConfigurationReader(values: ["PARAPET_LOG_LEVEL": "warning"]).value("PARAPET_LOG_LEVEL", .logLevel) == .warning)
        let reader = ConfigurationReader(values: ["PARAPET_LOG_FORMAT": "xml", "PARAPET_LOG_LEVEL": "verbose"])
        let format = #expect(throws: ConfigurationError.self) { try reader.value("PARAPET_LOG_FORMAT", .choice(LogFormat.self)) }
        #expect(format?.description == #"PARAPET_LOG_FORMAT: "xml" is not one of the allowed values (expected json or text)"#)
        let level = #expect(throws: ConfigurationError.self) { try reader.value("PARAPET_LOG_LEVEL", .logLevel) }
        #expect(
            level?.description
                == #"PARAPET_LOG_LEVEL: "verbose" is not one of the allowed values (expected trace, debug, info, notice, warning, error or critical)"#
        )
    }

    @Test func oneOfWords() throws {
        let reader = ConfigurationReader(values: ["PARAPET_MODE": "Replay"])
        #expect(try reader.value("PARAPET_MODE", .oneOf(["live", "replay"])) == "replay")
    }

    @Test(arguments: [("yes", true), ("TRUE", true), ("1", true), ("off", false), ("No", false)])
    func booleans(text: String, expected: Bool) throws {
        #expect(try ConfigurationReader(values: ["PARAPET_FLAG": text]).value("PARAPET_FLAG", .bool) == expected)
    }

    @Test func malformedBoolean() {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationReader(values: ["PARAPET_FLAG": "maybe"]).value("PARAPET_FLAG", .bool)
        }
        #expect(error?.description == #"PARAPET_FLAG: "maybe" is not true or false (expected true or false)"#)
    }

    @Test func hostPortList() throws {
        let reader = ConfigurationReader(values: ["PARAPET_KAFKA_BROKERS": "kafka-1:9092, kafka-2:9093,[::1]:9094"])
        let brokers = try reader.value("PARAPET_KAFKA_BROKERS", .hostPorts)
        #expect(
            brokers == [
                HostPort(host: "kafka-1", port: 9092), HostPort(host: "kafka-2", port: 9093), HostPort(host: "::1", port: 9094),
            ])
        #expect(brokers.map(\.description).joined(separator: ",") == "kafka-1:9092,kafka-2:9093,[::1]:9094")
    }

    @Test(arguments: [
        ("kafka", #"has an entry without a port ("kafka")"#),
        ("kafka:9092,,b:1", "has an empty entry"),
        ("kafka:http", #"has an entry whose port is not 1...65535 ("kafka:http")"#),
        (":9092", #"has an entry without a valid host (":9092")"#),
        ("a:b:c", #"has an entry that is not host:port ("a:b:c")"#),
    ])
    func malformedHostPortList(value: String, reason: String) {
        let reader = ConfigurationReader(values: ["PARAPET_KAFKA_BROKERS": value])
        let error = #expect(throws: ConfigurationError.self) { try reader.value("PARAPET_KAFKA_BROKERS", .hostPorts) }
        #expect(error?.description == "PARAPET_KAFKA_BROKERS: \(JSONQuote(value)) \(reason) (expected host:port[,host:port...])")
    }

    @Test func optionalValue() throws {
        let reader = ConfigurationReader(values: ["PARAPET_SET": "5"])
        #expect(try reader.optionalValue("PARAPET_UNSET", .int(in: 1...10)) == nil)
        #expect(try reader.optionalValue("PARAPET_SET", .int(in: 1...10)) == 5)
        let (unset, set) = try reader.values(
            ConfigurationKey.optional("PARAPET_UNSET", .string), ConfigurationKey.optional("PARAPET_SET", .string))
        #expect(unset == nil)
        #expect(set == "5")
    }

    @Test func valuesReportsEveryProblemOnItsOwnLine() {
        let reader = ConfigurationReader(values: ["PARAPET_HTTP_PORT": "80x", "PARAPET_LOG_FORMAT": "xml"])
        let errors = #expect(throws: ConfigurationErrors.self) {
            try reader.values(
                ConfigurationKey("PARAPET_HTTP_PORT", .port, default: 8080),
                ConfigurationKey("PARAPET_LOG_FORMAT", .choice(LogFormat.self), default: .json),
                ConfigurationKey("PARAPET_KAFKA_BROKERS", .hostPorts),
                ConfigurationKey("PARAPET_LOG_LEVEL", .logLevel, default: .info))
        }
        #expect(
            errors?.description.split(separator: "\n") == [
                #"PARAPET_HTTP_PORT: "80x" is not a whole number (expected 1...65535)"#,
                #"PARAPET_LOG_FORMAT: "xml" is not one of the allowed values (expected json or text)"#,
                "PARAPET_KAFKA_BROKERS is not set (expected host:port[,host:port...])",
            ])
    }

    @Test func valuesReturnsEveryValue() throws {
        let reader = ConfigurationReader(values: ["PARAPET_KAFKA_BROKERS": "k:1"])
        let (brokers, group, timeout) = try reader.values(
            ConfigurationKey("PARAPET_KAFKA_BROKERS", .hostPorts),
            ConfigurationKey("PARAPET_KAFKA_GROUP", .string, default: "classifier"),
            ConfigurationKey("PARAPET_KAFKA_SESSION_TIMEOUT", .duration(), default: .seconds(6)))
        #expect(brokers == [HostPort(host: "k", port: 1)])
        #expect(group == "classifier")
        #expect(timeout == .seconds(6))
    }

    @Test func secretVariablesAreNeverShown() {
        let reader = ConfigurationReader(values: [
            "PARAPET_DATABASE_PASSWORD": "hunter2-longer", "PARAPET_SMTP_TOKEN": "tok-123", "PARAPET_WEBHOOK_SECRET": "s3cr3t",
        ])
        for name in ["PARAPET_DATABASE_PASSWORD", "PARAPET_SMTP_TOKEN", "PARAPET_WEBHOOK_SECRET"] {
            let error = #expect(throws: ConfigurationError.self) { try reader.value(name, .int(in: 1...2)) }
            #expect(error?.description == "\(name): <redacted> is not a whole number (expected 1...2)")
        }
    }

    @Test func urlPasswordsAreMaskedInMessages() {
        let reader = ConfigurationReader(values: ["PARAPET_DATABASE_URL": "mysql://parapet:hunter2@db:3306/parapet"])
        let error = #expect(throws: ConfigurationError.self) {
            try reader.value("PARAPET_DATABASE_URL", .url(schemes: ["postgres"]))
        }
        #expect(
            error?.description
                == #"PARAPET_DATABASE_URL: "mysql://parapet:***@db:3306/parapet" has the wrong scheme (expected a URL starting postgres://)"#)
        #expect(error?.description.contains("hunter2") == false)
    }

    @Test func customParser() throws {
        let percent = ConfigurationParser<Int>.int(in: 0...100).map(expected: "a percentage, 0...100") { $0 }
        let reader = ConfigurationReader(values: ["PARAPET_SAMPLE": "150"])
        let error = #expect(throws: ConfigurationError.self) { try reader.value("PARAPET_SAMPLE", percent) }
        #expect(error?.description == #"PARAPET_SAMPLE: "150" is out of range (expected a percentage, 0...100)"#)
    }

    @Test func longAndMultiLineValuesStayOnOneLine() {
        let reader = ConfigurationReader(values: ["PARAPET_HTTP_PORT": "80\n81" + String(repeating: "9", count: 200)])
        let error = #expect(throws: ConfigurationError.self) { try reader.value("PARAPET_HTTP_PORT", .port) }
        #expect(error?.description.contains("\n") == false)
        #expect((error?.description.count ?? 0) < 160)
    }
}

/// A value quoted the way error messages quote it.
private func JSONQuote(_ value: String) -> String {
    "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}
