import Foundation
import ParapetModels
import ParapetTrustConfiguration
import Testing

/// A trust's own deadlines in `trust.yaml`: read in minutes, kept in seconds, and a severity that
/// does not exist is a problem naming the file and the field.
@Suite("Trust deadlines")
struct TrustDeadlinesTests {
    @Test("deadlines by severity are read from trust.yaml and survive storing")
    func read() throws {
        let folder = try ExampleTrust.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ExampleTrust.edit(
            folder, "trust.yaml", matching: "timezone: Europe/London",
            with: "timezone: Europe/London\ndeadlines:\n  acknowledge_within_minutes: {critical: 30, high: 120}\n  act_within_minutes: {low: 600}")
        let configuration = try TrustConfiguration.load(from: folder)
        #expect(configuration.trust.acknowledgementDeadlines == [.critical: 1800, .high: 7200])
        #expect(configuration.trust.stepDeadlines == [.low: 36_000])
        let stored = try ParapetJSON.decode(Trust.self, from: ParapetJSON.encode(configuration.trust))
        #expect(stored == configuration.trust)
    }

    @Test("an unknown severity is refused with the file and field named")
    func unknownSeverity() throws {
        let folder = try ExampleTrust.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ExampleTrust.edit(
            folder, "trust.yaml", matching: "timezone: Europe/London",
            with: "timezone: Europe/London\ndeadlines:\n  acknowledge_within_minutes: {urgent: 30}")
        do {
            _ = try TrustConfiguration.load(from: folder)
            Issue.record("an unknown severity loaded")
        } catch {
            let problem = try #require(error.problems.first)
            #expect(problem.file == "trust.yaml")
            #expect(problem.field.contains("urgent"), "\(problem)")
        }
    }
}
