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
                return (buffer[..<lastNewline].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false), lastNewline + 1)
            }
            return ([], 0)
        }
    }
}
