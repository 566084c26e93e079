import ArgumentParser
import Foundation
import ParapetModels
import ParapetPipeline
import ParapetPostgres
import ParapetStore

/// `parapet tokens issue|list|revoke`: the case API's per-person tokens.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Issue, list and revoke the case API's per-person tokens.",
        subcommands: [Issue.self, List.self, Revoke.self])

    /// Runs `body` with a store on the configured database.
    static func withStore(_ body: @escaping (AccessTokenStore, TrustConfigurationStore) async throws -> Void) async throws {
        let context = try OperatorContext.load()
        try await context.run {
            let client = PostgresClient(configuration: try context.settings.postgres(applicationName: "parapet-tokens"), logger: context.logger)
            do {
                try await body(AccessTokenStore(client: client), TrustConfigurationStore(client: client))
            } catch {
                await client.shutdown()
                throw error
            }
            await client.shutdown()
        }
    }

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a token to a contact of the applied trust configuration; it is printed once.",
            discussion: """
                The person, their role and their school come from the contacts of the configuration \
                `parapet config apply` stored: a school's contact sees that school's cases, a trust contact sees all.
                """)

        @Option(help: "The contact's email address.")
        var email: String

        @Option(help: "The role, when the address holds more than one (e.g. headteacher).")
        var role: String?

        @Option(help: "The trust, when more than one is configured.")
        var trust: String?

        @Option(help: "Days until the token expires (1–366).")
        var days: Int = 90

        func validate() throws {
            guard (1...366).contains(days) else { throw ValidationError("--days: from 1 to 366") }
            if let role, ContactRole(rawValue: role) == nil {
                throw ValidationError("--role: one of \(ContactRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            let (email, role, trust, days) = (email, role, trust, days)
            try await TokensCommand.withStore { tokens, configurations in
                let trusts = try await configurations.trustIDs()
                let chosen: String
                if let trust {
                    guard trusts.contains(trust) else {
                        throw ValidationError("no trust \"\(trust)\" is configured (have: \(trusts.joined(separator: ", ")))")
                    }
                    chosen = trust
                } else {
                    guard trusts.count == 1 else {
                        throw ValidationError(
                            trusts.isEmpty
                                ? "no trust is configured: run parapet config apply first" : "--trust: one of \(trusts.joined(separator: ", "))")
                    }
                    chosen = trusts[0]
                }
                guard let stored = try await configurations.load(trust: chosen) else { throw ValidationError("trust \(chosen) has no configuration") }
                let all = stored.configuration.contacts + stored.configuration.trust.contacts
                let matches = all.filter { $0.email.lowercased() == email.lowercased() && (role == nil || $0.role.rawValue == role) }
                guard let contact = matches.first else {
                    throw ValidationError("\(email) is not a contact\(role.map { " in the role \($0)" } ?? "") of trust \(chosen)")
                }
                guard matches.count == 1 else {
                    throw ValidationError(
                        "\(email) holds several roles (\(matches.map(\.role.rawValue).joined(separator: ", "))): choose one with --role")
                }
                let (token, text) = try await tokens.issue(
                    trust: chosen, email: contact.email, name: contact.name, role: contact.role, school: contact.school,
                    validFor: .seconds(days * 86_400))
                print(
                    "token \(token.id.uuidString.lowercased()) for \(contact.email) (\(contact.role.rawValue), \(contact.school ?? "whole trust")), expires \(ParapetJSON.string(from: token.expiresAt))"
                )
                print(text)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens, newest first (never their secrets).")

        func run() async throws {
            try await TokensCommand.withStore { tokens, _ in
                print("id\temail\trole\tschool\texpires\tstate\tlast used")
                let now = Date()
                for token in try await tokens.list() {
                    let state = token.revokedAt != nil ? "revoked" : token.expiresAt <= now ? "expired" : "active"
                    print(
                        [
                            token.id.uuidString.lowercased(), token.email, token.role.rawValue, token.school ?? "-",
                            ParapetJSON.string(from: token.expiresAt), state, token.lastUsedAt.map(ParapetJSON.string(from:)) ?? "-",
                        ].joined(separator: "\t"))
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke one token by id, or every token of an email address.")

        @Argument(help: "The token's id, as `tokens list` shows it.")
        var id: String?

        @Option(help: "Revoke every token of this address.")
        var email: String?

        func validate() throws {
            guard (id == nil) != (email == nil) else { throw ValidationError("give a token id or --email, not both") }
            if let id, UUID(uuidString: id) == nil { throw ValidationError("\(id) is not a token id") }
        }

        func run() async throws {
            let (id, email) = (id, email)
            try await TokensCommand.withStore { tokens, _ in
                if let id, let uuid = UUID(uuidString: id) {
                    guard try await tokens.revoke(id: uuid) else { throw ValidationError("no active token \(id)") }
                    print("revoked \(id)")
                } else if let email {
                    print("revoked \(try await tokens.revokeAll(email: email)) token(s) of \(email)")
                }
            }
        }
    }
}
