import Logging
import ServiceLifecycle

/// How a consuming service waits at start-up for a trust configuration to be applied: it
/// consumes nothing it could not act on, says once why it waits, and stops at once on shutdown.
public enum ConfigurationWait {
    /// Calls `load` (which reads the stored configuration and says whether any trust is there)
    /// every `pause` until it says so; false if a shutdown came first.
    public static func untilLoaded(
        logger: Logger, pause: Duration = .seconds(1), isolation: isolated (any Actor)? = #isolation, _ load: () async throws -> Bool
    ) async -> Bool {
        var warned = false
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                if try await load() { return true }
                if !warned {
                    logger.warning("no trust configuration in PostgreSQL yet: waiting for `parapet config apply` before consuming")
                    warned = true
                }
            } catch {
                logger.warning("cannot load the trust configuration; retrying", metadata: ["error": "\(error)"])
            }
            // Woken early by a shutdown, so a service still waiting stops at once.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
        }
        return false
    }
}
