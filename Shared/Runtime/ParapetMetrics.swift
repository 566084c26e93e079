import Metrics
import Prometheus
import Synchronization

/// Connects swift-metrics to a Prometheus registry whose text `GET /metrics` serves.
///
/// Production code bootstraps once with ``bootstrap()`` and then uses plain swift-metrics
/// (`Counter(label:)`, `Timer(label:)`...). Tests skip the global bootstrap: they make their own
/// registry and pass `PrometheusMetricsFactory(registry:)` where a `factory:` parameter is accepted.
public enum ParapetMetrics {
    /// The content type of the Prometheus text exposition format.
    public static let contentType = "text/plain; version=0.0.4"

    private static let global = Mutex<PrometheusCollectorRegistry?>(nil)

    /// Bootstraps `MetricsSystem` with a Prometheus factory on the first call and returns its registry;
    /// later calls return the same registry without bootstrapping again (swift-metrics traps on a second bootstrap).
    public static func bootstrap() -> PrometheusCollectorRegistry {
        global.withLock { registry in
            if let registry { return registry }
            let created = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: created))
            registry = created
            return created
        }
    }
}
