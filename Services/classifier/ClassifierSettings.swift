import ParapetRuntime

/// The classifier's own settings.
struct ClassifierSettings: Sendable {
    /// `PARAPET_CLASSIFIER_BATCH_SIZE`: the most posts classified, stored and published together (default 5000).
    var batchSize: Int
    /// `PARAPET_CLASSIFIER_RELOAD_INTERVAL`: how often to look for a changed trust configuration (default 10s).
    var reloadInterval: Duration

    init(_ reader: ConfigurationReader) throws(ConfigurationErrors) {
        (batchSize, reloadInterval) = try reader.values(
            ConfigurationKey("PARAPET_CLASSIFIER_BATCH_SIZE", .int(in: 1...20_000), default: 5000),
            ConfigurationKey("PARAPET_CLASSIFIER_RELOAD_INTERVAL", .duration(in: .seconds(1)...(.seconds(3600))), default: .seconds(10)))
    }
}
