import Foundation
import ParapetBlocking
import Synchronization

/// Reads a file's lines in large chunks on a blocking queue, off Swift's cooperative pool.
///
/// Memory is bounded whatever the file holds: a line longer than ``maximumLineBytes`` is cut to
/// `maximumLineBytes + 1` bytes (the rest skipped up to its newline), so the caller can refuse
/// it by its length, naming the line, with every line before it accepted.
public final class LineReader: Sendable {
    /// The longest line kept whole by default: 4 MiB, the longest post text Parapet classifies.
    public static let defaultMaximumLineBytes = 4 << 20

    private struct State {
        /// The bytes after the last newline of the previous chunk.
        var carry: [UInt8] = []
        /// Whether the carried line was cut and the rest of it is being skipped.
        var skipping = false
        /// Bytes skipped since the last lines returned, for the caller's progress.
        var skipped = 0
        var finished = false
    }

    /// Lines longer than this come back cut to one byte more.
    public let maximumLineBytes: Int
    private let handle: FileHandle
    private let queue = BlockingQueue(label: "parapet.import.read")
    private let state = Mutex(State())

    public init(handle: FileHandle, maximumLineBytes: Int = LineReader.defaultMaximumLineBytes) {
        self.handle = handle
        self.maximumLineBytes = maximumLineBytes
    }

    /// The next chunk of whole lines (without their newlines) and the bytes they took; no lines
    /// at the end of the file. A last line without a newline is returned too.
    public func next(chunkSize: Int = 4 << 20) async -> (lines: [ArraySlice<UInt8>], bytes: Int) {
        await queue.run { self.read(chunkSize: chunkSize) }
    }

    private func read(chunkSize: Int) -> (lines: [ArraySlice<UInt8>], bytes: Int) {
        state.withLock { state in
            while !state.finished {
                var chunk = [UInt8](handle.readData(ofLength: chunkSize))
                if chunk.isEmpty {
                    state.finished = true
                    let buffer = state.carry
                    state.carry = []
                    return buffer.isEmpty ? ([], state.skipped) : ([buffer[...]], buffer.count + state.skipped)
                }
                if state.skipping {
                    // The carried line was cut: drop the rest of it, up to its newline.
                    guard let newline = chunk.firstIndex(of: UInt8(ascii: "\n")) else {
                        state.skipped += chunk.count
                        continue
                    }
                    state.skipped += newline
                    chunk.removeSubrange(..<newline)
                    state.skipping = false
                }
                var buffer = state.carry
                buffer.append(contentsOf: chunk)
                guard let lastNewline = buffer.lastIndex(of: UInt8(ascii: "\n")) else {
                    state.carry = cut(buffer, state: &state)
                    continue
                }
                state.carry = cut(Array(buffer[(lastNewline + 1)...]), state: &state)
                let skipped = state.skipped
                state.skipped = 0
                return (Self.lines(of: buffer, before: lastNewline), lastNewline + 1 + skipped)
            }
            return ([], 0)
        }
    }

    /// `line` (the start of a line with no newline yet), cut to one byte over the limit when it
    /// is longer, the rest of it then skipped.
    private func cut(_ line: [UInt8], state: inout State) -> [UInt8] {
        guard line.count > maximumLineBytes else { return line }
        state.skipped += line.count - (maximumLineBytes + 1)
        state.skipping = true
        return Array(line.prefix(maximumLineBytes + 1))
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
