import Foundation

/// Reads JSON Lines from a file descriptor in large chunks, a batch of lines at a time, so a
/// stream of millions of lines is never held whole.
///
/// A line longer than `maximumLineBytes` is not kept: its bytes are skipped up to its newline
/// and it comes back as ``Line/tooLong``, so one runaway line cannot exhaust memory.
struct ClassifyLineReader {
    /// One input line, numbered from 1.
    enum Line {
        case text(number: Int, bytes: Data)
        case tooLong(number: Int, bytes: Int)

        var number: Int {
            switch self {
            case .text(let number, _), .tooLong(let number, _): number
            }
        }
    }

    let descriptor: Int32
    let maximumLineBytes: Int
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts.
    private var position = 0
    private var lineNumber = 0
    private var finished = false
    /// The length so far of a too-long line being skipped, or nil.
    private var skipping: Int?

    init(descriptor: Int32, maximumLineBytes: Int, chunkSize: Int = 1 << 20) {
        self.descriptor = descriptor
        self.maximumLineBytes = maximumLineBytes
        self.chunkSize = chunkSize
    }

    /// Up to `count` lines, fewer once they hold `bytes` bytes; empty at the end of the input.
    /// A last line without a newline is returned too; a trailing `\r` is dropped.
    mutating func next(count: Int, bytes budget: Int = 8 << 20) -> [Line] {
        var lines: [Line] = []
        lines.reserveCapacity(count)
        var taken = 0
        while lines.count < count, taken < budget {
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(take(upTo: newline))
                taken += newline - position
                position = newline + 1
                continue
            }
            if finished {
                if position < buffer.count || skipping != nil { lines.append(take(upTo: buffer.count)) }
                position = buffer.count
                break
            }
            // No newline in what is left: skip a runaway line, else read more.
            if buffer.count - position > maximumLineBytes {
                skipping = (skipping ?? 0) + buffer.count - position
                position = buffer.count
            }
            fill()
        }
        return lines
    }

    private mutating func take(upTo end: Int) -> Line {
        lineNumber += 1
        if let skipped = skipping {
            skipping = nil
            return .tooLong(number: lineNumber, bytes: skipped + end - position)
        }
        var last = end
        if last > position, buffer[last - 1] == UInt8(ascii: "\r") { last -= 1 }
        guard last - position <= maximumLineBytes else { return .tooLong(number: lineNumber, bytes: end - position) }
        return .text(number: lineNumber, bytes: Data(buffer[position..<last]))
    }

    /// Drops what was read and reads the next chunk; sets `finished` at the end of the input.
    private mutating func fill() {
        buffer.removeSubrange(0..<position)
        position = 0
        let start = buffer.count
        buffer.reserveCapacity(start + chunkSize)
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        var read = 0
        repeat {
            read = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + start, chunkSize) }
        } while read < 0 && errno == EINTR
        buffer.removeLast(chunkSize - max(read, 0))
        if read <= 0 { finished = true }
    }
}
