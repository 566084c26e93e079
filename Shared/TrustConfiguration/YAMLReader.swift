import Foundation
import ParapetModels
import Yams

/// Reads typed values out of one YAML node, recording a located problem for anything missing,
/// malformed or unknown instead of stopping at the first.
///
/// Each accessor returns nil when the value is absent or bad; the problem is already logged.
struct YAMLReader {
    let file: String
    let node: Node
    let path: String
    let log: ProblemLog

    var line: Int? { node.mark?.line }

    /// Parses `text` as one YAML document; a syntax error is logged with its line.
    static func parse(_ text: String, file: String, log: ProblemLog) -> YAMLReader? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.add(ConfigurationProblem(file: file, line: 1, field: "", message: "the file is empty"))
                return nil
            }
            return YAMLReader(file: file, node: node, path: "", log: log)
        } catch let error as YamlError {
            log.add(Self.problem(for: error, file: file))
            return nil
        } catch {
            log.add(ConfigurationProblem(file: file, line: nil, field: "", message: "cannot read YAML: \(error)"))
            return nil
        }
    }

    private static func problem(for error: YamlError, file: String) -> ConfigurationProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return ConfigurationProblem(file: file, line: mark.line, field: "", message: "invalid YAML: \(detail)")
        default:
            return ConfigurationProblem(file: file, line: nil, field: "", message: "invalid YAML: \(error)")
        }
    }

    func problem(_ message: String) {
        log.add(ConfigurationProblem(file: file, line: line, field: path, message: message))
    }

    private func child(_ node: Node, _ component: String) -> YAMLReader {
        let childPath = component.hasPrefix("[") || path.isEmpty ? path + component : path + "." + component
        return YAMLReader(file: file, node: node, path: childPath, log: log)
    }

    // MARK: Mappings

    /// This node as a mapping with only `allowed` keys; an unknown key is a problem, since a typo
    /// must not silently drop a rule.
    func mapping(allowed: Set<String>) -> Mapping? {
        guard case .mapping(let mapping) = node else {
            problem("expected a mapping of keys to values")
            return nil
        }
        var values: [String: YAMLReader] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                child(key, "?").problem("keys must be words")
                continue
            }
            let reader = child(value, name)
            if !allowed.contains(name) {
                YAMLReader(file: file, node: key, path: reader.path, log: log)
                    .problem("unknown field (expected one of \(allowed.sorted().joined(separator: ", ")))")
            }
            values[name] = reader
        }
        return Mapping(owner: self, values: values)
    }

    struct Mapping {
        let owner: YAMLReader
        let values: [String: YAMLReader]

        /// The value of `key`, logging its absence when `required`.
        func value(_ key: String, required: Bool = true) -> YAMLReader? {
            if let value = values[key], !value.isNull { return value }
            if required {
                let path = owner.path.isEmpty ? key : owner.path + "." + key
                owner.log.add(ConfigurationProblem(file: owner.file, line: owner.line, field: path, message: "is missing"))
            }
            return nil
        }

        func has(_ key: String) -> Bool { values[key].map { !$0.isNull } ?? false }
    }

    // MARK: Scalars

    var isNull: Bool {
        if case .scalar(let scalar) = node {
            return scalar.tag == .implicit && ["", "~", "null", "Null", "NULL"].contains(scalar.string) && scalar.style == .plain
        }
        return false
    }

    /// A non-empty string scalar.
    func string() -> String? {
        guard case .scalar(let scalar) = node else {
            problem("expected text")
            return nil
        }
        let text = scalar.string
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            problem("is empty")
            return nil
        }
        return text
    }

    /// A lower-case id: words of a-z and 0-9 joined by hyphens.
    func identifier() -> String? {
        guard let text = string() else { return nil }
        guard Self.isIdentifier(text) else {
            problem("\"\(text)\" is not an id (expected lower-case words joined by hyphens, like stour-provost)")
            return nil
        }
        return text
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty
            && text.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { word in
                !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            }
    }

    func int(in range: ClosedRange<Int>) -> Int? {
        guard let text = string() else { return nil }
        guard let value = Int(text), range.contains(value) else {
            problem("\"\(text)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    func bool() -> Bool? {
        guard let text = string() else { return nil }
        switch text {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            problem("\"\(text)\" is not true or false")
            return nil
        }
    }

    /// One of a set of names.
    func choice<Value: NamedChoice>(_ type: Value.Type) -> Value? {
        guard let text = string() else { return nil }
        guard let value = Value(name: text) else {
            problem(Value.unknown(text))
            return nil
        }
        return value
    }

    // MARK: Collections

    /// The items of a sequence.
    func items() -> [YAMLReader]? {
        guard case .sequence(let sequence) = node else {
            problem("expected a list")
            return nil
        }
        return sequence.enumerated().map { index, item in child(item, "[\(index)]") }
    }

    /// A list of enumeration values, each checked.
    func choices<Value: NamedChoice>(_ type: Value.Type, nonEmpty: Bool = true) -> [Value]? {
        guard let items = items() else { return nil }
        if nonEmpty && items.isEmpty {
            problem("is empty")
            return nil
        }
        let values = items.compactMap { $0.choice(type) }
        return values.count == items.count ? values : nil
    }

    /// A list of strings.
    func strings() -> [String]? {
        guard let items = items() else { return nil }
        let values = items.compactMap { $0.string() }
        return values.count == items.count ? values : nil
    }

    /// A mapping of words to strings, such as `handles: {instagram: olly.h}`.
    func stringMap() -> [String: String]? {
        guard case .mapping(let mapping) = node else {
            problem("expected a mapping, like {instagram: name}")
            return nil
        }
        var result: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.string, let text = child(value, key.string ?? "?").string() else { continue }
            result[name] = text
        }
        return result
    }
}
