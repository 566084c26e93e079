import Foundation
import Logging
import ParapetRuntime
import Synchronization

/// Collects the lines a ``LineWriter`` is given.
final class LineCapture: Sendable {
    private let storage = Mutex<[String]>([])

    var writer: LineWriter {
        LineWriter { line in self.storage.withLock { $0.append(line) } }
    }

    var lines: [String] { storage.withLock { $0 } }

    /// The lines that are not JSON log lines: what a runner printed for people.
    var plainLines: [String] { lines.filter { !$0.hasPrefix("{") } }
}

/// A logger that drops everything, for servers under test.
let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

/// Parses one JSON object line.
func jsonObject(_ line: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
    guard let dictionary = object as? [String: Any] else { throw TestFailure("not a JSON object: \(line)") }
    return dictionary
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh temporary file holding `text`.
func temporaryFile(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("parapet-\(UUID().uuidString).env").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// Reports the values of an `AsyncStream` one by one, e.g. the port a server bound.
final class Signal<Value: Sendable>: Sendable {
    private let stream: AsyncStream<Value>
    private let continuation: AsyncStream<Value>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: Value.self)
    }

    func send(_ value: Value) { continuation.yield(value) }

    func next() async throws -> Value {
        var iterator = stream.makeAsyncIterator()
        guard let value = await iterator.next() else { throw TestFailure("stream ended") }
        return value
    }
}
