import Foundation
import ParapetIntake
import Testing

/// The import reads files in chunks; every line comes out once, whole and in order, wherever
/// the chunks end, empty lines and a last line without a newline included.
@Suite struct LineReaderSplitsLinesTests {
    private func lines(of text: String, chunkSize: Int, maximumLineBytes: Int = LineReader.defaultMaximumLineBytes) async throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = LineReader(handle: try FileHandle(forReadingFrom: url), maximumLineBytes: maximumLineBytes)
        var lines: [String] = []
        var bytes = 0
        while true {
            let chunk = await reader.next(chunkSize: chunkSize)
            if chunk.lines.isEmpty { break }
            lines += chunk.lines.map { String(decoding: $0, as: UTF8.self) }
            bytes += chunk.bytes
        }
        #expect(bytes == text.utf8.count)
        return lines
    }

    @Test func everyLineOnceWhereverTheChunksEnd() async throws {
        let text = "{\"a\":1}\n\n{\"b\":2}\r\n\n\nlast line"
        for chunkSize in [1, 2, 3, 5, 8, 13, 64] {
            #expect(try await lines(of: text, chunkSize: chunkSize) == ["{\"a\":1}", "", "{\"b\":2}\r", "", "", "last line"])
        }
        #expect(try await lines(of: "one\ntwo\n", chunkSize: 4) == ["one", "two"])
        #expect(try await lines(of: "\n", chunkSize: 4) == [""])
        #expect(try await lines(of: "", chunkSize: 4) == [])
    }

    @Test func aLineOverTheLimitComesBackCutToOneByteMoreAndTheRestAreWhole() async throws {
        let long = String(repeating: "x", count: 100)
        let text = "short\n\(long)\nafter\n\(long)"
        for chunkSize in [1, 3, 7, 10, 64, 4096] {
            let lines = try await lines(of: text, chunkSize: chunkSize, maximumLineBytes: 10)
            #expect(lines.count == 4, "chunk \(chunkSize): \(lines)")
            #expect(lines.first == "short" && lines.dropFirst(2).first == "after", "chunk \(chunkSize): \(lines)")
            // Cut while still unread, or whole when it arrived inside one chunk: never more.
            for index in [1, 3] where lines.count == 4 {
                #expect(lines[index].count == 11 || lines[index] == long, "chunk \(chunkSize): \(lines[index].count) bytes")
                #expect(lines[index].count > 10)
            }
        }
    }
}
