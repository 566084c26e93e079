/// One thing wrong in a trust's configuration files, located as precisely as the files allow.
public struct ConfigurationProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file, relative to the trust folder (`roster/levens-ce.yaml`).
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// The field's path in the file (`pupils[12].date_of_birth`), empty for the whole file.
    public var field: String
    public var message: String

    public init(file: String, line: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field: message`
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if !field.isEmpty { text += "\(field): " }
        return text + message
    }
}

/// Every problem found in a trust folder; nothing is loaded while there is one.
public struct TrustConfigurationError: Error, Sendable, CustomStringConvertible {
    public var problems: [ConfigurationProblem]

    public init(problems: [ConfigurationProblem]) {
        self.problems = problems
    }

    /// One problem per line, in file and line order.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Collects problems while a folder is read, so one run reports all of them.
final class ProblemLog {
    private(set) var problems: [ConfigurationProblem] = []

    func add(_ problem: ConfigurationProblem) { problems.append(problem) }

    var sorted: [ConfigurationProblem] {
        problems.sorted { ($0.file, $0.line ?? 0, $0.field) < ($1.file, $1.line ?? 0, $1.field) }
    }
}
