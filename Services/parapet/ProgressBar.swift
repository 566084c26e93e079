import Foundation

/// Import progress on stderr: a bar redrawn in place on a terminal, a line per tenth otherwise
/// (so logs of a scheduled import stay readable).
final class ProgressBar {
    private let totalBytes: Int
    private let interactive = isatty(STDERR_FILENO) == 1
    private let started = ContinuousClock.now
    private var lastTenth = -1

    init(totalBytes: Int) {
        self.totalBytes = max(totalBytes, 1)
    }

    func update(bytes: Int, posts: Int) {
        let fraction = min(Double(bytes) / Double(totalBytes), 1)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(posts) / seconds : 0
        if interactive {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            write(String(format: "\r[%@] %3.0f%% %d posts, %.0f posts/s", bar, fraction * 100, posts, rate))
        } else if Int(fraction * 10) > lastTenth {
            lastTenth = Int(fraction * 10)
            write(String(format: "import: %3.0f%% %d posts, %.0f posts/s\n", fraction * 100, posts, rate))
        }
    }

    func finish() {
        if interactive { write("\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
