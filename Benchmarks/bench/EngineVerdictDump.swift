import Foundation
import ParapetModels
import ParapetPolicyEngine

/// Writes every distinct benchmark post's verdict and detections, one line each, to the file
/// named by `PARAPET_ENGINE_DUMP`: for checking that a change to the engine leaves every verdict
/// of the benchmark's workload byte for byte the same (diff the files of two builds).
enum EngineVerdictDump {
    static let variable = "PARAPET_ENGINE_DUMP"

    static func writeIfAsked(engine: PolicyEngine, posts: [Post], decidedAt: Date) throws {
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var output = ""
        for post in posts {
            let verdict = try engine.classify(post, decidedAt: decidedAt)
            let detections = try engine.detections(in: post)
            output += String(decoding: try encoder.encode(verdict), as: UTF8.self)
            output += "\n"
            output += String(describing: detections)
            output += "\n"
        }
        try output.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
