/// Why the HTTP server could not serve.
public enum HealthServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Binding the listening socket failed, e.g. `cannot listen on 0.0.0.0:8080: address already in use`.
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason)"
        }
    }
}
