import Foundation
import ParapetBlocking
import Synchronization

/// Reads a file's lines in large chunks on a blocking queue, off Swift's cooperative pool.
public final class LineReader: Sendable {
    private struct State {
        /// The bytes after the last newline of the previous chunk.
        var carry: [UInt8] = []
        var finished = false
    }

    private let handle: FileHandle
    private let queue = BlockingQueue(label: "parapet.import.read")
    private let state = Mutex(State())

    public init(handle: FileHandle) {
        self.handle = handle
    }

    /// The next chunk of whole lines (without their newlines) and the bytes they took; no lines
    /// at the end of the file. A last line without a newline is returned too.
    public func next(chunkSize: Int = 4 << 20) async -> (lines: [ArraySlice<UInt8>], bytes: Int) {
        await queue.run { self.read(chunkSize: chunkSize) }
    }

    private func read(chunkSize: Int) -> (lines: [ArraySlice<UInt8>], bytes: Int) {
        state.withLock { state in
            while !state.finished {
                let chunk = handle.readData(ofLength: chunkSize)
                var buffer = state.carry
                buffer.append(contentsOf: chunk)
                if chunk.isEmpty {
                    state.finished = true
                    state.carry = []
                    return buffer.isEmpty ? ([], 0) : ([buffer[...]], buffer.count)
                }
                guard let lastNewline = buffer.lastIndex(of: UInt8(ascii: "\n")) else {
                    state.carry = buffer
                    continue
                }
                state.carry = Array(buffer[(lastNewline + 1)...])
                return (Self.lines(of: buffer, before: lastNewline), lastNewline + 1)
            }
            return ([], 0)
        }
    }

    /// The lines of `buffer[..<end]`, empty ones included, found with `memchr` (the generic
    /// `split` was a visible part of import's time).
    private static func lines(of buffer: [UInt8], before end: Int) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        let starts = buffer.withUnsafeBytes { bytes -> [Int] in
            var starts = [0]
            var at = 0
            while at < end, let found = memchr(bytes.baseAddress! + at, 0x0A, end - at) {
                at = bytes.baseAddress!.distance(to: UnsafeRawPointer(found)) + 1
                starts.append(at)
            }
            return starts
        }
        lines.reserveCapacity(starts.count)
        for (index, start) in starts.enumerated() {
            lines.append(buffer[start..<(index + 1 < starts.count ? starts[index + 1] - 1 : end)])
        }
        return lines
    }
}
