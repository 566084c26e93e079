import Dispatch
import Foundation
import ParapetClassification
import ParapetModels
import ParapetPolicyEngine

/// `parapet classify --jsonl`: one JSON post a line in, one JSON verdict a line out, in input order.
///
/// Streams: lines are read a window at a time (four batches of `batchSize` lines per core, so a
/// core that finishes early takes another batch), the batches of a window are classified on all
/// cores at once, and their output is written in order before the next window is read, so
/// memory stays flat however long the input is.
/// A line that cannot be classified is answered in its place by `{"line": N, "error": "…"}`.
struct ClassifyLineStream {
    /// How many lines were read and how many of them failed.
    struct Summary: Sendable {
        var lines = 0
        var failed = 0
    }

    let trust: ClassifyTrust
    var workers = max(ProcessInfo.processInfo.activeProcessorCount, 1)
    var batchSize = 256

    /// The longest line read: room for the engine's longest text with every character escaped.
    static var maximumLineBytes: Int { PolicyEngine.maximumTextBytes * 6 + (1 << 20) }

    /// Reads `input` to its end, writing to `output`.
    func run(input: Int32, output: Int32) -> Summary {
        var reader = ClassifyLineReader(descriptor: input, maximumLineBytes: Self.maximumLineBytes)
        var summary = Summary()
        while true {
            var batches: [[ClassifyLineReader.Line]] = []
            for _ in 0..<workers * 4 {
                let lines = reader.next(count: batchSize)
                if lines.isEmpty { break }
                batches.append(lines)
            }
            if batches.isEmpty { break }
            let results = classify(batches)
            for result in results {
                summary.lines += result.lines
                summary.failed += result.failed
                Self.write(result.bytes, to: output)
            }
        }
        return summary
    }

    /// Each batch on its own core; the results in the batches' order.
    private func classify(_ batches: [[ClassifyLineReader.Line]]) -> [(bytes: [UInt8], lines: Int, failed: Int)] {
        if batches.count == 1 { return [classify(batches[0])] }
        let results = UnsafeMutableBufferPointer<(bytes: [UInt8], lines: Int, failed: Int)>.allocate(capacity: batches.count)
        results.initialize(repeating: ([], 0, 0))
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let shared = results
        DispatchQueue.concurrentPerform(iterations: batches.count) { index in
            shared[index] = classify(batches[index])
        }
        return Array(results)
    }

    private func classify(_ lines: [ClassifyLineReader.Line]) -> (bytes: [UInt8], lines: Int, failed: Int) {
        let decoder = ParapetJSON.makeDecoder()
        let encoder = ParapetJSON.makeEncoder()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.count * 512)
        var failed = 0
        // Every verdict of a run is usually decided at one time: formatted once.
        var decidedAt: (date: Date, text: String)?
        for line in lines {
            do throws(ClassifyError) {
                let verdict = try classify(line, decoder: decoder)
                if decidedAt?.date != verdict.decidedAt { decidedAt = (verdict.decidedAt, ParapetJSON.string(from: verdict.decidedAt)) }
                bytes.append(contentsOf: VerdictJSONWriter.verdict(verdict, decidedAtText: decidedAt?.text ?? ""))
            } catch {
                failed += 1
                bytes.append(contentsOf: Self.errorLine(line.number, error.description, encoder: encoder))
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return (bytes, lines.count, failed)
    }

    private func classify(_ line: ClassifyLineReader.Line, decoder: JSONDecoder) throws(ClassifyError) -> Verdict {
        switch line {
        case .tooLong(_, let length):
            throw .badPost("the line is \(length) bytes long; lines of at most \(Self.maximumLineBytes) are read")
        case .text(_, let bytes):
            guard bytes.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else {
                throw .badPost("empty line: each line must be one JSON post such as {\"text\": \"…\"}")
            }
            let input = try ClassifyPostInput.decode(bytes, with: decoder)
            return try trust.classify(try trust.post(from: input))
        }
    }

    /// `{"line":N,"error":"…"}`.
    static func errorLine(_ number: Int, _ message: String, encoder: JSONEncoder) -> [UInt8] {
        let quoted = (try? encoder.encode(message)).map { Array($0) } ?? Array("\"unprintable error\"".utf8)
        return Array("{\"line\":\(number),\"error\":".utf8) + quoted + [UInt8(ascii: "}")]
    }

    /// Writes all of `bytes`, retrying short writes.
    static func write(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
