import Crypto
import Foundation
import ParapetCodecs
import ParapetIngest
import Yams

/// The connectors allowed to call `POST /v1/posts`, each with the hash of its bearer token and the
/// accounts it may post for. Only hashes are kept, so the file holds no usable secret.
///
/// ```yaml
/// connectors:
///   - id: stour-provost-website
///     token_sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
///     accounts: [sp-website]
/// ```
struct ConnectorDirectory: Sendable {
    struct Connector: Codable, Sendable, Hashable {
        var id: String
        var tokenSHA256: String
        var accounts: Set<String>

        enum CodingKeys: String, CodingKey {
            case id, accounts
            case tokenSHA256 = "token_sha256"
        }
    }

    private struct File: Codable {
        var connectors: [Connector]
    }

    struct Unreadable: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot read the connectors file \(path): \(reason)" }
    }

    let connectors: [Connector]

    init(connectors: [Connector]) {
        self.connectors = connectors
    }

    init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Unreadable(path: path, reason: "no such file, or not UTF-8 text")
        }
        do {
            let file = try YAMLDecoder().decode(File.self, from: text)
            for connector in file.connectors where connector.tokenSHA256.count != 64 {
                throw Unreadable(path: path, reason: "connector \(connector.id): token_sha256 is not 64 hex digits")
            }
            self.init(connectors: file.connectors)
        } catch let error as Unreadable {
            throw error
        } catch {
            throw Unreadable(path: path, reason: "\(error)")
        }
    }

    /// The connector whose token this `Authorization` header carries.
    func authorize(_ header: String?) throws(IngestError) -> Connector {
        guard let header, header.hasPrefix("Bearer "), header.count > 7 else {
            throw IngestError(.badToken, "Authorization: expected \"Bearer <connector token>\"")
        }
        let digest = Array(SHA256.hash(data: Array(header.dropFirst(7).utf8)))
        var found: Connector?
        // Every connector is compared in full, so timing says nothing about which hash was close.
        for connector in connectors {
            guard let stored = Self.bytes(hex: connector.tokenSHA256) else { continue }
            var difference: UInt8 = 0
            for (left, right) in zip(digest, stored) { difference |= left ^ right }
            if difference == 0 { found = connector }
        }
        guard let found else { throw IngestError(.badToken, "Authorization: the token is not a known connector's") }
        return found
    }

    private static func bytes(hex: String) -> [UInt8]? {
        HexDigit.bytes(hex, count: 32)
    }
}
