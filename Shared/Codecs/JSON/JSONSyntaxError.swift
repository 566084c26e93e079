/// Where a document stops being JSON, and why.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    /// What was wrong at ``offset``.
    public enum Problem: Sendable, Equatable {
        case empty
        case endedWhereValueExpected
        case expectedValue
        case expectedKey
        case expectedColon
        case expectedCommaOrBrace
        case expectedCommaOrBracket
        case trailingContent
        case nestedTooDeep(limit: Int)
        case endedInsideString
        case endedInsideEscape
        case invalidEscape
        case controlCharacterInString
        case expectedHexDigit
        case loneSurrogate
        case expectedDigit
        case expectedDigitAfterPoint
        case expectedDigitInExponent
    }

    public var problem: Problem
    /// The offset of the byte where the problem is (the document's length when it ended early).
    public var offset: Int

    @inlinable
    public init(_ problem: Problem, at offset: Int) {
        self.problem = problem
        self.offset = offset
    }

    /// The problem in words, `found` naming what stood at ``offset`` and `name` the document
    /// (`body`, `post`).
    public func message(found: String, name: String) -> String {
        switch problem {
        case .empty: "\(name) is empty, not JSON"
        case .endedWhereValueExpected: "the \(name) ends where a value should be"
        case .expectedValue: "expected a value, found \(found)"
        case .expectedKey: "expected a quoted key, found \(found)"
        case .expectedColon: "expected ':' after a key, found \(found)"
        case .expectedCommaOrBrace: "expected ',' or '}' in an object, found \(found)"
        case .expectedCommaOrBracket: "expected ',' or ']' in an array, found \(found)"
        case .trailingContent: "unexpected \(found) after the JSON value"
        case .nestedTooDeep(let limit): "nested deeper than \(limit) levels"
        case .endedInsideString: "the \(name) ends inside a string"
        case .endedInsideEscape: "the \(name) ends inside a \\u escape"
        case .invalidEscape: "invalid escape in a string: a backslash before \(found)"
        case .controlCharacterInString: "unescaped control character in a string"
        case .expectedHexDigit: "expected a hex digit in a \\u escape, found \(found)"
        case .loneSurrogate: "a \\u escape names half of a surrogate pair"
        case .expectedDigit: "expected a digit, found \(found)"
        case .expectedDigitAfterPoint: "expected a digit after '.', found \(found)"
        case .expectedDigitInExponent: "expected a digit in an exponent, found \(found)"
        }
    }
}
