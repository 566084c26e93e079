/// What one `config apply` changed.
public struct ConfigurationApplySummary: Sendable, Hashable, CustomStringConvertible {
    /// Rows added, updated and removed for one kind of thing.
    public struct Changes: Sendable, Hashable {
        public var added: Int
        public var updated: Int
        public var removed: Int

        public init(added: Int = 0, updated: Int = 0, removed: Int = 0) {
            self.added = added
            self.updated = updated
            self.removed = removed
        }

        public var isEmpty: Bool { added + updated + removed == 0 }
    }

    /// A pack's version after the apply, and whether this apply made it.
    public struct PackVersion: Sendable, Hashable {
        public var pack: String
        public var version: Int
        public var isNew: Bool
    }

    public var trust = Changes()
    public var schools = Changes()
    public var accounts = Changes()
    public var people = Changes()
    public var contacts = Changes()
    public var packs: [PackVersion] = []

    /// Whether nothing at all changed.
    public var isUnchanged: Bool {
        [trust, schools, accounts, people, contacts].allSatisfy(\.isEmpty) && packs.allSatisfy { !$0.isNew }
    }

    public var description: String {
        func line(_ name: String, _ changes: Changes) -> String {
            "\(name): \(changes.added) added, \(changes.updated) updated, \(changes.removed) removed"
        }
        return
            ([
                line("trust", trust), line("schools", schools), line("accounts", accounts), line("people", people),
                line("contacts", contacts),
            ] + packs.map { "pack \($0.pack): version \($0.version)\($0.isNew ? " (new)" : "")" }).joined(separator: "\n")
    }
}
