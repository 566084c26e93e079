import Foundation
import ParapetModels

/// Reads a trust folder file by file, checking references against what was read before:
/// schools first, then everything that names a school.
final class TrustConfigurationLoader {
    let directory: URL
    let log = ProblemLog()
    private var schoolsReadCleanly = true
    /// Ids seen so far per kind, with where they were first seen, for duplicate checks.
    private var seen: [String: [String: (file: String, line: Int?)]] = [:]

    init(directory: URL) {
        self.directory = directory
    }

    func load() -> TrustConfiguration? {
        guard FileManager.default.fileExists(atPath: directory.path) else {
            log.add(ConfigurationProblem(file: directory.path, line: nil, field: "", message: "no such folder"))
            return nil
        }
        let trust = read("trust.yaml").flatMap(TrustFile.read)
        let schools = read("schools.yaml").flatMap { SchoolsFile.read($0, loader: self) } ?? []
        let schoolIDs = Set(schools.map(\.id))
        // References to schools are checked only against a list that read cleanly: one bad
        // line in schools.yaml must not be echoed by every file that names that school.
        schoolsReadCleanly = !log.problems.contains { $0.file == "schools.yaml" }
        let accounts = read("accounts.yaml").flatMap { AccountsFile.read($0, schools: schoolIDs, loader: self) } ?? []
        let contacts = read("contacts.yaml").flatMap { ContactsFile.read($0, schools: schoolIDs, loader: self) } ?? []
        let rosters = files(in: "roster").compactMap { name in
            read("roster/\(name)").flatMap { RosterFile.read($0, expectedSchool: String(name.dropLast(5)), schools: schoolIDs, loader: self) }
        }
        let defaultPack = read("packs/default.yaml").flatMap {
            PolicyPackFile.read($0, expectedID: "default", schools: schoolIDs, base: nil, loader: self)
        }
        let schoolPacks = files(in: "packs").filter { $0 != "default.yaml" }.compactMap { name in
            read("packs/\(name)").flatMap {
                PolicyPackFile.read($0, expectedID: String(name.dropLast(5)), schools: schoolIDs, base: defaultPack, loader: self)
            }
        }
        checkEverySchoolHas(schools: schools, contacts: contacts, rosters: rosters, packs: schoolPacks)
        guard let trust, let defaultPack else { return nil }
        return TrustConfiguration(
            trust: trust, schools: schools, accounts: accounts, contacts: contacts, rosters: rosters, defaultPack: defaultPack,
            schoolPacks: schoolPacks)
    }

    /// Records `id` of `kind`; a second sighting anywhere in the trust is a problem.
    func claim(_ id: String, kind: String, at reader: YAMLReader) {
        if let first = seen[kind]?[id] {
            reader.problem("duplicate \(kind) id \"\(id)\" (first used at \(first.file):\(first.line.map(String.init) ?? "?"))")
        } else {
            seen[kind, default: [:]][id] = (reader.file, reader.line)
        }
    }

    /// Checks that a school named at `reader` exists.
    func checkSchool(_ id: String?, at reader: YAMLReader?, schools: Set<String>) {
        guard schoolsReadCleanly, let id, let reader, !schools.contains(id) else { return }
        reader.problem("unknown school \"\(id)\" (schools.yaml lists \(schools.sorted().joined(separator: ", ")))")
    }

    private func read(_ relative: String) -> YAMLReader? {
        let url = directory.appending(path: relative)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            log.add(ConfigurationProblem(file: relative, line: nil, field: "", message: "the file is missing"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.add(ConfigurationProblem(file: relative, line: nil, field: "", message: "the file is not UTF-8 text"))
            return nil
        }
        return YAMLReader.parse(text, file: relative, log: log)
    }

    private func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appending(path: folder).path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    private func checkEverySchoolHas(schools: [School], contacts: [Contact], rosters: [Roster], packs: [PolicyPack]) {
        guard schoolsReadCleanly else { return }
        // A contact that did not parse is already reported; do not report its role as missing too.
        let contactsParsed = !log.problems.contains { $0.file == "contacts.yaml" }
        for school in schools {
            for role in ContactRole.requiredPerSchool
            where contactsParsed && !contacts.contains(where: { $0.school == school.id && $0.role == role }) {
                log.add(
                    ConfigurationProblem(
                        file: "contacts.yaml", line: nil, field: "contacts", message: "school \"\(school.id)\" has no \(role.rawValue)"))
            }
            if !rosters.contains(where: { $0.school == school.id }) {
                log.add(
                    ConfigurationProblem(
                        file: "roster/\(school.id).yaml", line: nil, field: "", message: "school \"\(school.id)\" has no roster file"))
            }
            if !packs.contains(where: { $0.school == school.id }) {
                log.add(
                    ConfigurationProblem(file: "packs/\(school.id).yaml", line: nil, field: "", message: "school \"\(school.id)\" has no policy pack")
                )
            }
        }
    }
}
