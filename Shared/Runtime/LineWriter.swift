import Foundation
import Synchronization

/// Where finished lines of output go: standard error in production, memory in tests.
///
/// A line is passed without its trailing newline.
public struct LineWriter: Sendable {
    private let sink: @Sendable (String) -> Void

    /// A writer that hands each line to `sink`; `sink` must be safe to call from any thread.
    public init(_ sink: @escaping @Sendable (String) -> Void) {
        self.sink = sink
    }

    /// Writes one line.
    public func write(_ line: String) {
        sink(line)
    }

    /// Standard error: each line, newline included, goes out in one `write(2)` under a process-wide
    /// lock, so lines from concurrent loggers never interleave.
    public static let standardError = LineWriter { line in
        writeToStandardError(line + "\n")
    }
}

private let standardErrorLock = Mutex<Void>(())

private func writeToStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    standardErrorLock.withLock { _ in
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            // Loop only for partial writes (large lines to a full pipe) and interrupted calls.
            while offset < buffer.count {
                let written = write(STDERR_FILENO, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // Nowhere left to report a failing stderr.
                }
                offset += written
            }
        }
    }
}
