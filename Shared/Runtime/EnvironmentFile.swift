import Foundation
import ParapetCodecs

/// A `KEY=VALUE` file, the format of Docker's and systemd's env-files.
///
/// - `#` starts a comment line; blank lines are ignored; an `export ` prefix is allowed.
/// - A value may be wrapped in double quotes (with `\"`, `\\`, `\n` and `\t` escapes) or single quotes (taken literally).
/// - An unquoted value ends at ` #` (a comment after a space); surrounding spaces are dropped.
/// - A key given twice keeps its last value.
struct EnvironmentFile: Sendable {
    struct Entry: Sendable, Equatable {
        var value: String
        var line: Int
    }

    let path: String
    private(set) var entries: [String: Entry] = [:]

    /// Reads and parses the file at `path`, reporting every malformed line.
    static func load(path: String, variable: String) throws(ConfigurationErrors) -> EnvironmentFile {
        let unreadable = { (reason: String) in
            ConfigurationErrors([
                ConfigurationError(
                    kind: .unreadableFile, variable: variable, shownValue: JSONStringEscaping.quoted(path), reason: reason,
                    expected: "a readable file of KEY=VALUE lines")
            ])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw unreadable("does not exist") }
        guard !isDirectory.boolValue else { throw unreadable("is a directory") }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw unreadable("cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw unreadable("is not UTF-8 text") }
        return try parse(text, path: path)
    }

    /// Parses the text of an env-file; `path` is used in error messages only.
    static func parse(_ text: String, path: String) throws(ConfigurationErrors) -> EnvironmentFile {
        var file = EnvironmentFile(path: path)
        var problems: [ConfigurationError] = []
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // "\r\n" is one Character in Swift, so Windows line ends must be named to be split on.
        let lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            var line = Substring(rawLine.trimmingSpaces())
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = Substring(line.dropFirst("export ".count).trimmingSpaces()) }
            let location = ConfigurationError.Location(path: path, line: lineNumber)
            do throws(ConfigurationError) {
                let (key, value) = try parseAssignment(line, location: location)
                file.entries[key] = Entry(value: value, line: lineNumber)
            } catch {
                problems.append(error)
            }
        }
        guard problems.isEmpty else { throw ConfigurationErrors(problems) }
        return file
    }

    private static func parseAssignment(
        _ line: Substring, location: ConfigurationError.Location
    ) throws(ConfigurationError) -> (String, String) {
        // The line itself is never shown: a malformed line may well hold a password.
        guard let equals = line.firstIndex(of: "=") else {
            throw ConfigurationError(
                kind: .malformedFile, variable: nil, reason: "line is not KEY=VALUE",
                expected: "KEY=VALUE, a # comment or a blank line", location: location)
        }
        let key = line[..<equals].trimmingSpaces()
        guard isValidKey(key) else {
            throw ConfigurationError(
                kind: .malformedFile, variable: nil, reason: "line does not start with a variable name",
                expected: "KEY=VALUE with KEY made of letters, digits and _", location: location)
        }
        let rawValue = line[line.index(after: equals)...].trimmingSpaces()
        do {
            return (key, try unquote(rawValue))
        } catch {
            throw ConfigurationError(
                kind: .malformedFile, variable: key, reason: error.reason,
                expected: "a closing quote at the end of the line", location: location)
        }
    }

    private static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) }
    }

    /// The value with quotes removed and escapes applied.
    private static func unquote(_ raw: String) throws(ConfigurationRejection) -> String {
        guard let quote = raw.first, quote == "\"" || quote == "'" else {
            // An unquoted value may carry a trailing comment after a space.
            if let comment = raw.range(of: " #") ?? raw.range(of: "\t#") {
                return raw[..<comment.lowerBound].trimmingSpaces()
            }
            return raw
        }
        var result = ""
        var escaping = false
        var index = raw.index(after: raw.startIndex)
        while index < raw.endIndex {
            let character = raw[index]
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" && quote == "\"" {
                escaping = true
            } else if character == quote {
                // Only a comment may follow the closing quote.
                let rest = raw[raw.index(after: index)...].trimmingSpaces()
                guard rest.isEmpty || rest.hasPrefix("#") else { throw ConfigurationRejection("has text after the closing quote") }
                return result
            } else {
                result.append(character)
            }
            index = raw.index(after: index)
        }
        throw ConfigurationRejection("has an unterminated quote")
    }
}
