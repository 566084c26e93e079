import Foundation
import ParapetModels
import ParapetPolicyEngine
import ParapetTrustConfiguration
import Testing

@Suite("Precision and recall on the labelled corpus")
struct CorpusPrecisionRecallTests {
    @Test("every behaviour reaches 0.9 precision and 0.9 recall over the whole corpus")
    func everyBehaviourReachesNinetyPercent() throws {
        let configuration = try TrustConfiguration.load(from: LabelledCorpus.exampleTrust)
        let engine = try PolicyEngine(configuration: configuration)
        let entries = try LabelledCorpus.load()
        var truePositives: [Behaviour: Int] = [:]
        var falsePositives: [Behaviour: [String]] = [:]
        var falseNegatives: [Behaviour: [String]] = [:]
        for (_, entry) in entries {
            let post = LabelledCorpus.post(for: entry, in: configuration)
            let verdict = try engine.classify(post, decidedAt: post.receivedAt)
            let predicted = Set(verdict.breaches.map(\.behaviour))
            let expected = Set(entry.breaks)
            for behaviour in predicted.union(expected) {
                switch (expected.contains(behaviour), predicted.contains(behaviour)) {
                case (true, true): truePositives[behaviour, default: 0] += 1
                case (false, true): falsePositives[behaviour, default: []].append(entry.id)
                case (true, false): falseNegatives[behaviour, default: []].append(entry.id)
                case (false, false): break
                }
            }
        }
        let verbose = ProcessInfo.processInfo.environment["PARAPET_CORPUS_MISSES"] != nil
        print("corpus: \(entries.count) posts")
        print("behaviour                          precision  recall   tp   fp   fn")
        var failing: [String] = []
        for behaviour in Behaviour.allCases {
            let tp = truePositives[behaviour, default: 0]
            let fp = falsePositives[behaviour, default: []].count
            let fn = falseNegatives[behaviour, default: []].count
            let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
            let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
            let name = behaviour.rawValue.padding(toLength: 34, withPad: " ", startingAt: 0)
            print("\(name) \(String(format: "%9.3f  %6.3f %4d %4d %4d", precision, recall, tp, fp, fn))")
            if verbose {
                if fp > 0 { print("    false positives: \(falsePositives[behaviour]!.joined(separator: " "))") }
                if fn > 0 { print("    false negatives: \(falseNegatives[behaviour]!.joined(separator: " "))") }
            }
            if precision < 0.9 || recall < 0.9 { failing.append(behaviour.rawValue) }
        }
        #expect(failing.isEmpty, "below 0.9 precision or recall: \(failing.joined(separator: ", "))")
        #expect(entries.count >= Behaviour.allCases.count * 40)
    }
}
