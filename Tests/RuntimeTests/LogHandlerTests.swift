import Foundation
import Logging
import ParapetCodecs
import ParapetRuntime
import Testing

@Suite("Log handlers")
struct LogHandlerTests {
    private func jsonLogger(_ capture: LineCapture, level: Logger.Level = .trace, includeSource: Bool = true) -> Logger {
        Logger(label: "parapet.test") { label in
            JSONLogHandler(
                label: label, service: "ingest", format: JSONLogFormat(includeSourceLocation: includeSource),
                level: level, output: capture.writer)
        }
    }

    @Test func jsonLineHasTheExpectedKeys() throws {
        let capture = LineCapture()
        var logger = jsonLogger(capture)
        logger[metadataKey: "school"] = "levens"
        logger.info("Post received", metadata: ["post": "p-1"])

        let lines = capture.lines
        try #require(lines.count == 1)
        let object = try jsonObject(lines[0])
        #expect(Set(object.keys) == ["ts", "level", "service", "logger", "message", "source", "file", "metadata"])
        #expect(object["level"] as? String == "info")
        #expect(object["service"] as? String == "ingest")
        #expect(object["logger"] as? String == "parapet.test")
        #expect(object["message"] as? String == "Post received")
        #expect(object["source"] as? String == "RuntimeTests")
        let file = try #require(object["file"] as? String)
        #expect(file.hasPrefix("RuntimeTests/LogHandlerTests.swift:"))
        #expect(object["metadata"] as? [String: String] == ["school": "levens", "post": "p-1"])
        let timestamp = try #require(object["ts"] as? String)
        #expect(timestamp.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil)
        // The key order is fixed, which makes lines easy to scan by eye.
        #expect(lines[0].hasPrefix(#"{"ts":""#))
    }

    @Test func sourceLocationAndEmptyMetadataCanBeLeftOut() throws {
        let capture = LineCapture()
        jsonLogger(capture, includeSource: false).warning("short")
        let line = try #require(capture.lines.first)
        let object = try jsonObject(line)
        #expect(Set(object.keys) == ["ts", "level", "service", "logger", "message"])
    }

    @Test(arguments: [
        #"she said "stop" \ and left"#,
        "line one\nline two\r\n\ttabbed",
        "bell \u{07} null \u{00} escape \u{1B} del \u{7F} backspace \u{08} formfeed \u{0C}",
        "unicode: café 東京 👩‍👩‍👧 \u{2028}\u{2029} 🏫",
        "",
    ])
    func escapingRoundTrips(message: String) throws {
        let capture = LineCapture()
        jsonLogger(capture).info("\(message)", metadata: ["value": "\(message)", "nested": ["list": ["\(message)"]]])
        let lines = capture.lines
        try #require(lines.count == 1)
        #expect(!lines[0].contains("\n"))
        #expect(!lines[0].unicodeScalars.contains { $0.value < 0x20 })
        let object = try jsonObject(lines[0])
        #expect(object["message"] as? String == message)
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["value"] as? String == message)
        #expect((metadata["nested"] as? [String: Any])?["list"] as? [String] == [message])
    }

    @Test func nestedMetadataBecomesNestedJSON() throws {
        let capture = LineCapture()
        jsonLogger(capture).info(
            "nested",
            metadata: [
                "case": ["id": "c-9", "rung": "\(3)", "clauses": ["4.1", "4.2"]],
                "count": .stringConvertible(42),
            ])
        let line = try #require(capture.lines.first)
        let metadata = try #require(try jsonObject(line)["metadata"] as? [String: Any])
        let caseObject = try #require(metadata["case"] as? [String: Any])
        #expect(caseObject["id"] as? String == "c-9")
        #expect(caseObject["rung"] as? String == "3")
        #expect(caseObject["clauses"] as? [String] == ["4.1", "4.2"])
        #expect(metadata["count"] as? String == "42")
    }

    @Test func secretsAreRedacted() throws {
        let capture = LineCapture()
        jsonLogger(capture).error(
            "cannot connect to postgres://parapet:hunter2@db/parapet",
            metadata: ["smtp_password": "pw-123", "url": "smtp://relay:pw-456@mail:25", "auth": ["api_token": "tok"]])
        let line = try #require(capture.lines.first)
        for secret in ["hunter2", "pw-123", "pw-456", "\"tok\""] {
            #expect(!line.contains(secret))
        }
        let object = try jsonObject(line)
        #expect(object["message"] as? String == "cannot connect to postgres://parapet:***@db/parapet")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["smtp_password"] as? String == "<redacted>")
        #expect(metadata["url"] as? String == "smtp://relay:***@mail:25")
        #expect((metadata["auth"] as? [String: String])?["api_token"] == "<redacted>")
    }

    @Test func levelFilters() {
        let capture = LineCapture()
        let logger = jsonLogger(capture, level: .warning)
        logger.info("dropped")
        logger.warning("kept")
        #expect(capture.lines.count == 1)
    }

    @Test func concurrentLoggersWriteWholeLines() async throws {
        let capture = LineCapture()
        let logger = jsonLogger(capture)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<50 { logger.info("message \(task)-\(index)", metadata: ["task": "\(task)"]) }
                }
            }
        }
        #expect(capture.lines.count == 400)
        for line in capture.lines {
            _ = try jsonObject(line)
        }
    }

    @Test func textFormatIsOneReadableLine() throws {
        let capture = LineCapture()
        let logger = Logger(label: "ingest.http") { label in
            TextLogHandler(label: label, service: "ingest", format: TextLogFormat(), output: capture.writer)
        }
        logger.info("Listening\nnow", metadata: ["port": "8080", "host": "0.0.0.0", "note": "two words"])
        let line = try #require(capture.lines.first)
        let pattern =
            /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z info ingest \[ingest\.http\] Listening\\nnow host=0\.0\.0\.0 note="two words" port=8080/
        #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
    }

    @Test func timestampFormat() {
        #expect(UTCTimestamp.format(seconds: 0, milliseconds: 5) == "1970-01-01T00:00:00.005Z")
        #expect(UTCTimestamp.format(seconds: 1_763_703_612, milliseconds: 345) == "2025-11-21T05:40:12.345Z")
    }

    @Test func handlerFactoryFollowsTheSettings() throws {
        let capture = LineCapture()
        let settings = ServiceSettings(name: "notifier", httpPort: 8083, logLevel: .notice, logFormat: .text)
        let logger = ParapetLogging.makeLogger(label: "notifier.smtp", settings: settings, output: capture.writer)
        logger.info("dropped")
        logger.notice("kept")
        let line = try #require(capture.lines.first)
        #expect(capture.lines.count == 1)
        #expect(line.contains(" notice notifier [notifier.smtp] kept"))
    }

    @Test func bootstrapRunsOnlyOnce() {
        let capture = LineCapture()
        let settings = ServiceSettings(name: "test", httpPort: 1, logLevel: .critical)
        let first = ParapetLogging.bootstrap(settings: settings, output: capture.writer)
        let second = ParapetLogging.bootstrap(settings: settings, output: capture.writer)
        // No other test bootstraps the process-wide logging system.
        #expect(first)
        #expect(!second)
    }
}
