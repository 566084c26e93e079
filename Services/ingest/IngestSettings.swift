import ParapetRuntime

/// Ingest's own settings. A platform whose secret is unset has no webhook endpoint.
struct IngestSettings: Sendable {
    /// `PARAPET_META_APP_SECRET`: signs Meta's webhook POSTs.
    var metaAppSecret: String?
    /// `PARAPET_META_VERIFY_TOKEN`: the token Meta echoes in its subscription handshake.
    var metaVerifyToken: String?
    /// `PARAPET_X_CONSUMER_SECRET`: signs X's webhook POSTs and CRC answers.
    var xConsumerSecret: String?
    /// `PARAPET_CONNECTORS_FILE`: YAML listing `/v1/posts` connectors, their token hashes and accounts.
    var connectorsFile: String?
    /// `PARAPET_INGEST_MAX_BODY_BYTES`: larger request bodies are refused with 413 (default 1 MiB).
    var maxBodyBytes: Int

    init(_ reader: ConfigurationReader) throws(ConfigurationErrors) {
        (metaAppSecret, metaVerifyToken, xConsumerSecret, connectorsFile, maxBodyBytes) = try reader.values(
            ConfigurationKey<String?>.optional("PARAPET_META_APP_SECRET", .string),
            ConfigurationKey<String?>.optional("PARAPET_META_VERIFY_TOKEN", .string),
            ConfigurationKey<String?>.optional("PARAPET_X_CONSUMER_SECRET", .string),
            ConfigurationKey<String?>.optional("PARAPET_CONNECTORS_FILE", .string),
            ConfigurationKey("PARAPET_INGEST_MAX_BODY_BYTES", .int(in: 1024...(64 << 20)), default: 1 << 20))
    }
}
