import Foundation
import Mustache

/// The email templates (`Templates/*.mustache`, shipped as resources): a plain-text and an HTML
/// template per ``EmailKind``, on shared layouts and a shared case partial. The HTML templates
/// escape every value (swift-mustache's HTML content type); the text ones declare
/// `CONTENT_TYPE: TEXT` and escape nothing.
public struct EmailTemplates: Sendable {
    private let library: MustacheLibrary

    /// The templates shipped with Parapet.
    public static func bundled() async throws -> EmailTemplates {
        guard let folder = Bundle.module.resourceURL?.appending(path: "Templates") else {
            throw TemplateError.missing("the Templates folder")
        }
        return try await EmailTemplates(directory: folder)
    }

    /// The templates in `directory`; every kind must have both its templates.
    public init(directory: URL) async throws {
        library = try await MustacheLibrary(directory: directory.path)
        for kind in EmailKind.allCases {
            for format in ["text", "html"] where library.getTemplate(named: "\(kind.rawValue)_\(format)") == nil {
                throw TemplateError.missing("\(kind.rawValue)_\(format).mustache")
            }
        }
    }

    /// Both parts of the email of `kind`, rendered from `context`.
    public func render(_ kind: EmailKind, _ context: [String: Any]) throws -> (text: String, html: String) {
        guard let text = library.render(context, withTemplate: "\(kind.rawValue)_text"),
            let html = library.render(context, withTemplate: "\(kind.rawValue)_html")
        else { throw TemplateError.missing("\(kind.rawValue)_text or \(kind.rawValue)_html") }
        return (Self.tidy(text), html)
    }

    /// Text with no run of more than one blank line (what sections left out leave behind) and
    /// no trailing spaces.
    static func tidy(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        // Leading blank lines go too.
        var blank = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
            let trimmed = line[..<end]
            if trimmed.isEmpty {
                if blank { continue }
                blank = true
            } else {
                blank = false
            }
            result += trimmed
            result += "\n"
        }
        while result.hasSuffix("\n\n") { result.removeLast() }
        return result.isEmpty ? "\n" : result
    }
}

/// A template the notifier needs is not there.
public enum TemplateError: Error, Sendable, CustomStringConvertible {
    case missing(String)

    public var description: String {
        switch self {
        case .missing(let what): "email template missing: \(what)"
        }
    }
}
