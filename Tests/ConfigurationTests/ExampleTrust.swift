import Foundation
import TestSupport

/// The shipped example trust, and throwaway copies of it to break.
enum ExampleTrust {
    static let folder = LocalInfrastructure.repositoryRoot.appending(path: "Examples/oakfield-learning-trust")

    /// A copy of the example in a new temporary folder.
    static func copy() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appending(path: "parapet-trust-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: folder, to: target)
        return target
    }

    /// Replaces the first `old` in `file` with `new`; returns the 1-based line where `new` starts.
    @discardableResult
    static func edit(_ folder: URL, _ file: String, replacing old: String, with new: String) throws -> Int {
        let url = folder.appending(path: file)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let range = text.range(of: old) else { throw EditFailed(file: file, text: old) }
        let edited = text.replacingCharacters(in: range, with: new)
        try edited.write(to: url, atomically: true, encoding: .utf8)
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    /// Replaces the `occurrence`-th (0-based) match of the regular expression `pattern` in `file`
    /// with `new`; returns the 1-based line of the match.
    @discardableResult
    static func edit(_ folder: URL, _ file: String, matching pattern: String, occurrence: Int = 0, with new: String) throws -> Int {
        let url = folder.appending(path: file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let range = try find(pattern, in: text, occurrence: occurrence, file: file)
        try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    /// The text of the `occurrence`-th match of `pattern` in `file`.
    static func match(_ folder: URL, _ file: String, _ pattern: String, occurrence: Int = 0) throws -> String {
        let text = try String(contentsOf: folder.appending(path: file), encoding: .utf8)
        return String(text[try find(pattern, in: text, occurrence: occurrence, file: file)])
    }

    private static func find(_ pattern: String, in text: String, occurrence: Int, file: String) throws -> Range<String.Index> {
        var searchStart = text.startIndex
        for index in 0...occurrence {
            guard let range = text.range(of: pattern, options: .regularExpression, range: searchStart..<text.endIndex) else {
                throw EditFailed(file: file, text: pattern)
            }
            if index == occurrence { return range }
            searchStart = range.upperBound
        }
        throw EditFailed(file: file, text: pattern)
    }

    struct EditFailed: Error {
        var file: String
        var text: String
    }

    /// The built `parapet` executable beside the test bundle.
    static var parapet: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appending(path: "parapet").path
    }
}
