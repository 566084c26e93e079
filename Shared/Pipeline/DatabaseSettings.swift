import Foundation
import ParapetPostgres
import ParapetRuntime

/// Where PostgreSQL is, for services and for operator commands that need only the database.
public struct DatabaseSettings: Sendable {
    /// `PARAPET_DATABASE_URL`: a `postgresql://` URL; may hold a password, so never logged.
    public var url: String
    /// `PARAPET_DATABASE_POOL_SIZE`: connections per process (default 4).
    public var poolSize: Int
    /// `PARAPET_CONNECT_TIMEOUT`: how long to wait for the database (default 10s).
    public var connectTimeout: Duration

    public init(_ reader: ConfigurationReader) throws(ConfigurationErrors) {
        (url, poolSize, connectTimeout) = try reader.values(
            ConfigurationKey("PARAPET_DATABASE_URL", ConfigurationParser.url(schemes: ["postgresql", "postgres"]).map { $0.absoluteString }),
            ConfigurationKey("PARAPET_DATABASE_POOL_SIZE", .int(in: 1...100), default: 4),
            Self.connectTimeoutKey)
    }

    static let connectTimeoutKey = ConfigurationKey(
        "PARAPET_CONNECT_TIMEOUT", .duration(in: .milliseconds(100)...(.seconds(300))), default: .seconds(10))

    /// The PostgreSQL settings for a pool named `applicationName`.
    public func postgres(applicationName: String) throws(PostgresError) -> PostgresConfiguration {
        try PostgresConfiguration(url: url, maximumConnections: poolSize, connectTimeout: connectTimeout, applicationName: applicationName)
    }
}
