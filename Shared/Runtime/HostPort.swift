import ParapetCodecs

/// A network endpoint as written in configuration: `host:port`, or `[v6-address]:port`.
public struct HostPort: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `host:port`, with an IPv6 address in brackets so the result parses back.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Parses one `host:port` entry, or says why it is not one.
    static func parse(_ text: String) throws(ConfigurationRejection) -> HostPort {
        let entry = JSONStringEscaping.quoted(text)
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[close...].hasPrefix("]:") else {
                throw ConfigurationRejection("has an entry that is not [address]:port (\(entry))")
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw ConfigurationRejection(
                    parts.count == 1 ? "has an entry without a port (\(entry))" : "has an entry that is not host:port (\(entry))")
            }
            host = parts[0]
            portText = parts[1]
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" }) else {
            throw ConfigurationRejection("has an entry without a valid host (\(entry))")
        }
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw ConfigurationRejection("has an entry whose port is not 1...65535 (\(entry))")
        }
        return HostPort(host: String(host), port: port)
    }
}
