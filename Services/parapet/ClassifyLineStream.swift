import Dispatch
import Foundation
import ParapetClassification
import ParapetModels
import ParapetPolicyEngine

/// `parapet classify --jsonl`: one JSON post a line in, one JSON verdict a line out, in input order.
///
/// Streams through a pipeline, one worker a core: a worker takes the next batch of `batchSize`
/// lines from the reader, classifies it, and hands its output back; whichever worker finds the
/// next batch in input order ready writes it (and any ready after it). Reading and writing thus
/// overlap classifying, and no core waits for the slowest batch of a round. At most `window`
/// batches are out at once, so memory stays flat however long the input is.
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
        let pipeline = Pipeline(
            reader: ClassifyLineReader(descriptor: input, maximumLineBytes: Self.maximumLineBytes), batchSize: batchSize,
            window: workers * 4, output: output)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let (sequence, lines) = pipeline.take() {
                pipeline.hand(sequence, classify(lines))
            }
        }
        return pipeline.summary
    }

    /// The reader, the batches out, and the output written in order, behind one lock.
    private final class Pipeline: @unchecked Sendable {
        typealias Result = (bytes: [UInt8], lines: Int, failed: Int)
        private let condition = NSCondition()
        private var reader: ClassifyLineReader
        private let batchSize: Int
        private let window: Int
        private let output: Int32
        private var taken = 0
        private var written = 0
        private var finished = false
        private var ready: [Int: Result] = [:]
        private var total = Summary()

        init(reader: ClassifyLineReader, batchSize: Int, window: Int, output: Int32) {
            self.reader = reader
            self.batchSize = batchSize
            self.window = window
            self.output = output
        }

        var summary: Summary {
            condition.lock()
            defer { condition.unlock() }
            return total
        }

        /// The next batch and its place in the input; nil at the end of the input.
        func take() -> (Int, [ClassifyLineReader.Line])? {
            condition.lock()
            defer { condition.unlock() }
            while !finished && taken - written >= window { condition.wait() }
            guard !finished else { return nil }
            let lines = reader.next(count: batchSize)
            guard !lines.isEmpty else {
                finished = true
                condition.broadcast()
                return nil
            }
            taken += 1
            return (taken - 1, lines)
        }

        /// A batch's output, written now if every batch before it has been.
        func hand(_ sequence: Int, _ result: Result) {
            condition.lock()
            defer { condition.unlock() }
            ready[sequence] = result
            while let next = ready.removeValue(forKey: written) {
                total.lines += next.lines
                total.failed += next.failed
                ClassifyLineStream.write(next.bytes, to: output)
                written += 1
            }
            condition.broadcast()
        }
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
                VerdictJSONWriter.append(verdict, decidedAtText: decidedAt?.text ?? "", to: &bytes)
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
