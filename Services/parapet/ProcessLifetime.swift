import Synchronization

/// Objects the operator CLI keeps until the process exits instead of tearing down.
///
/// A Kafka producer that is closed (every message delivered or failed, its poll loop stopped)
/// has nothing left to do, but destroying its librdkafka handle can take a second while
/// librdkafka's broker threads wind down, and the command would wait for that before exiting.
/// Kept here, the handle is reclaimed with the process.
enum ProcessLifetime {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ object: any Sendable) {
        kept.withLock { $0.append(object) }
    }
}
