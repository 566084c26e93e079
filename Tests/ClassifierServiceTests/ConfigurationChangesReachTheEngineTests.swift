import Foundation
import ParapetKafka
import ParapetModels
import TestSupport
import Testing

@Suite("Configuration changes", .serialized)
struct ConfigurationChangesReachTheEngineTests {
    /// The example trust without the Levens CE forum account.
    static func trustWithoutLevensForum() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "parapet-trust-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: ClassifierHarness.exampleTrust, to: folder)
        let accounts = folder.appending(path: "accounts.yaml")
        var lines = try String(contentsOf: accounts, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  - id: lc-forum"))
        lines.removeSubrange(start..<start + 6)
        try lines.joined(separator: "\n").write(to: accounts, atomically: true, encoding: .utf8)
        return folder
    }

    @Test("a post on an account added by config apply after start-up is classified, not dead-lettered: the classifier reloads once before giving up")
    func unknownAccountTriggersReload() async throws {
        let partial = try Self.trustWithoutLevensForum()
        defer { try? FileManager.default.removeItem(at: partial) }
        // A reload interval far longer than the test: only the reload on a miss can explain a verdict.
        let harness = try await ClassifierHarness.prepare(trustFolder: partial, settings: ["PARAPET_CLASSIFIER_RELOAD_INTERVAL": "1h"])
        defer { harness.stop() }
        let classifier = try await harness.startClassifier()
        let before = ClassifierHarness.post("levens-before", text: "Hello forum", school: "levens-ce", account: "lc-parents-facebook-group")
        try await harness.publish([before])
        #expect(try await harness.waitForVerdicts(1) == 1, "the classifier is consuming")

        try await harness.parapet(["config", "apply", ClassifierHarness.exampleTrust.path])
        let post = ClassifierHarness.post("levens-forum", text: "Has anyone got a spare jumper?", school: "levens-ce", account: "lc-forum")
        try await harness.publish([post])
        #expect(try await harness.waitForVerdicts(2) == 2)
        #expect(try await harness.storedVerdicts().contains { $0.postID == post.id })
        #expect(try await harness.metric("parapet_classifier_dead_letters_total") == 0)
        #expect(try await harness.metric("parapet_classifier_engine_loads_total") == 2)
        _ = await harness.stop(classifier)
    }

    @Test("a pack changed by config apply is picked up on the reload interval: later verdicts name the new pack version")
    func packChangeReloads() async throws {
        let harness = try await ClassifierHarness.prepare(settings: ["PARAPET_CLASSIFIER_RELOAD_INTERVAL": "1s"])
        defer { harness.stop() }
        let classifier = try await harness.startClassifier()
        try await harness.publish([ClassifierHarness.post("v1", text: "First post")])
        #expect(try await harness.waitForVerdicts(1) == 1)
        let first = try await harness.publishedVerdicts(expected: 1)
        let version = try #require(first.first?.envelope.payload.packVersion)

        // A changed Stokes Wood pack: one clause's severity raised.
        let folder = FileManager.default.temporaryDirectory.appending(path: "parapet-trust-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: ClassifierHarness.exampleTrust, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appending(path: "packs/stokes-wood.yaml")
        let text = try String(contentsOf: pack, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "severity: low", with: "severity: medium")
        #expect(changed != text, "the pack has a low-severity clause to change")
        try changed.write(to: pack, atomically: true, encoding: .utf8)
        try await harness.parapet(["config", "apply", folder.path])
        try await Task.sleep(for: .seconds(3))

        try await harness.publish([ClassifierHarness.post("v2", text: "Second post")])
        #expect(try await harness.waitForVerdicts(2) == 2)
        let all = try await harness.publishedVerdicts(expected: 2)
        #expect(all.first { $0.envelope.payload.postID == ClassifierHarness.post("v2", text: "").id }?.envelope.payload.packVersion == version + 1)
        _ = await harness.stop(classifier)
    }

    @Test(
        "a word a trust adds by config apply changes the next verdict and its ruleset version without a restart; under the old words the post keeps its old verdict"
    )
    func trustWordReloads() async throws {
        let harness = try await ClassifierHarness.prepare(settings: ["PARAPET_CLASSIFIER_RELOAD_INTERVAL": "1s"])
        defer { harness.stop() }
        let classifier = try await harness.startClassifier()
        let post = ClassifierHarness.post("bampot", text: "The man who runs the car park is an absolute bampot")
        try await harness.publish([post])
        #expect(try await harness.waitForVerdicts(1) == 1)
        let old = try #require(try await harness.publishedVerdicts(expected: 1).first?.envelope.payload)
        #expect(!old.breaches.map(\.behaviour).contains(.abusiveLanguage), "the built-in lists do not know the word")

        let folder = FileManager.default.temporaryDirectory.appending(path: "parapet-trust-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: ClassifierHarness.exampleTrust, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let trustFile = folder.appending(path: "trust.yaml")
        let text = try String(contentsOf: trustFile, encoding: .utf8)
        try (text + "words:\n  abusive_language:\n    words: [bampot]\n").write(to: trustFile, atomically: true, encoding: .utf8)
        try await harness.parapet(["config", "apply", folder.path])
        try await Task.sleep(for: .seconds(3))

        // The same message again: new rules make a new verdict, not a repeat of the stored one.
        try await harness.publish([post])
        #expect(try await harness.waitForVerdicts(2) == 2)
        let new = try #require(try await harness.publishedVerdicts(expected: 2).last?.envelope.payload)
        #expect(new.postID == post.id && new.id != old.id)
        #expect(new.breaches.map(\.behaviour).contains(.abusiveLanguage))
        #expect(new.rulesetVersion != old.rulesetVersion && new.rulesetVersion.hasPrefix(old.rulesetVersion + "+trust."))

        // Back to the old words: the post's verdict under them is the one already stored.
        try await harness.parapet(["config", "apply", ClassifierHarness.exampleTrust.path])
        try await Task.sleep(for: .seconds(3))
        try await harness.publish([post])
        let all = try await harness.publishedVerdicts(expected: 3)
        #expect(all.count == 3)
        #expect(all.last?.envelope.payload.id == old.id)
        #expect(try await harness.storedVerdicts().count == 2)
        #expect(try await harness.metric("parapet_classifier_engine_loads_total") == 3)
        _ = await harness.stop(classifier)
    }
}
