import CLibPQ

/// Where and how a ``PostgresClient`` connects.
///
/// ```swift
/// let configuration = try PostgresConfiguration(
///     url: "postgresql://parapet@127.0.0.1:5432/parapet", maximumConnections: 4)
/// ```
///
/// `description` shows `user@host:port/database`, never the password.
public struct PostgresConfiguration: Sendable, CustomStringConvertible {
    /// A libpq connection string: a `postgresql://` URL or `key=value` pairs.
    public let connectionString: String
    /// The most connections the pool opens at once; callers beyond that wait their turn.
    public let maximumConnections: Int
    /// How long opening one connection may take, from the first packet to ready for queries.
    public let connectTimeout: Duration
    /// Sent as `application_name` unless the connection string sets one; shows in
    /// `pg_stat_activity` and the server's logs.
    public var applicationName: String

    /// `host:port` of the server (the first if the string lists several), for messages.
    public let endpoint: String
    /// The database name, for messages and log metadata.
    public let database: String
    private let user: String

    /// Parses and checks `url` (or `key=value` conninfo) without connecting.
    /// - Throws: ``PostgresError`` `.invalidConfiguration` if libpq cannot parse it or the
    ///   pool size or timeout is not positive.
    public init(
        url: String, maximumConnections: Int = 4, connectTimeout: Duration = .seconds(10),
        applicationName: String = "parapet"
    ) throws(PostgresError) {
        guard maximumConnections > 0 else {
            throw PostgresError(code: .invalidConfiguration, message: "maximumConnections must be at least 1")
        }
        guard connectTimeout > .zero else {
            throw PostgresError(code: .invalidConfiguration, message: "connectTimeout must be positive")
        }
        let options = try Self.parse(url)
        self.connectionString = url
        self.maximumConnections = maximumConnections
        self.connectTimeout = connectTimeout
        self.applicationName = applicationName
        let host = Self.first(options["host"] ?? options["hostaddr"]) ?? "localhost"
        let port = Self.first(options["port"]) ?? "5432"
        self.endpoint = "\(host):\(port)"
        self.user = options["user"] ?? ""
        self.database = options["dbname"] ?? user
    }

    public var description: String {
        "postgresql://\(user.isEmpty ? "" : "\(user)@")\(endpoint)/\(database)"
    }

    /// The first of a comma-separated list of hosts or ports.
    private static func first(_ list: String?) -> String? {
        guard let item = list?.split(separator: ",", omittingEmptySubsequences: false).first, !item.isEmpty
        else { return nil }
        return String(item)
    }

    /// The options a connection string sets, as libpq reads them.
    private static func parse(_ connectionString: String) throws(PostgresError) -> [String: String] {
        var message: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(connectionString, &message) else {
            let reason = message.map { String(cString: $0) } ?? "out of memory"
            PQfreemem(message)
            throw PostgresError(
                code: .invalidConfiguration,
                message: "invalid PostgreSQL connection string: \(redacting(connectionString, from: reason))")
        }
        defer { PQconninfoFree(parsed) }
        var options: [String: String] = [:]
        var option = parsed
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                options[String(cString: keyword)] = String(cString: value)
            }
            option += 1
        }
        return options
    }
}

/// `message` with whatever looks like the password in `connectionString` replaced by `***`,
/// since libpq quotes the part of a string it could not parse.
private func redacting(_ connectionString: String, from message: String) -> String {
    var secrets: [Substring] = []
    // URL form: scheme://user:password@host
    if let scheme = connectionString.firstRange(of: "://"),
        let at = connectionString[scheme.upperBound...].firstIndex(of: "@"),
        let colon = connectionString[scheme.upperBound..<at].firstIndex(of: ":")
    {
        secrets.append(connectionString[connectionString.index(after: colon)..<at])
    }
    // key=value form and URL query: password=secret
    for part in connectionString.split(whereSeparator: { $0 == " " || $0 == "&" || $0 == "?" })
    where part.hasPrefix("password=") {
        secrets.append(part.dropFirst("password=".count))
    }
    var result = message
    for secret in secrets where !secret.isEmpty {
        result = result.replacing(secret, with: "***")
    }
    return result
}
