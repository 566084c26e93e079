/// How long to wait before trying the mail server again: exponential, capped, with full jitter
/// (AWS's "Exponential Backoff and Jitter"), so many notifiers waiting on one relay do not all
/// knock at once when it comes back.
public struct Backoff: Sendable, Hashable {
    public var first: Duration
    public var cap: Duration

    public init(first: Duration = .milliseconds(250), cap: Duration = .seconds(30)) {
        self.first = first
        self.cap = cap
    }

    /// The ceiling of the wait after `failures` failures in a row: `first`, doubled each time, at most `cap`.
    public func ceiling(after failures: Int) -> Duration {
        var ceiling = first
        for _ in 1..<max(1, min(failures, 40)) where ceiling < cap { ceiling *= 2 }
        return min(ceiling, cap)
    }

    /// A wait drawn evenly between half the ceiling and the ceiling: jittered, yet never so
    /// short that a server just refusing connections is hammered.
    public func delay(after failures: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let ceiling = ceiling(after: failures) / .milliseconds(1)
        let millis = Double.random(in: (ceiling / 2)...ceiling, using: &generator)
        return .milliseconds(Int64(millis.rounded()))
    }
}
