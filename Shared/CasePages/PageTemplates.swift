import Foundation
import Mustache

/// The pages' templates (`Templates/*.mustache`, shipped as resources), each on the shared
/// layout. Every value is escaped by swift-mustache's HTML content type; no template uses the
/// unescaped forms.
struct PageTemplates: Sendable {
    private let library: MustacheLibrary

    /// Every page there is; each must have its template.
    static let pages = ["sign_in", "sign_in_sent", "sign_in_link", "cases", "case", "trust", "problem"]

    static func bundled() async throws -> PageTemplates {
        guard let folder = Bundle.module.resourceURL?.appending(path: "Templates") else {
            throw PageTemplateError.missing("the Templates folder")
        }
        let library = try await MustacheLibrary(directory: folder.path)
        for page in pages where library.getTemplate(named: page) == nil { throw PageTemplateError.missing("\(page).mustache") }
        return PageTemplates(library: library)
    }

    func render(_ page: String, _ context: [String: Any]) throws -> String {
        guard let html = library.render(context, withTemplate: page) else { throw PageTemplateError.missing("\(page).mustache") }
        return html
    }

    /// The style sheet every page links to.
    static func styleSheet() throws -> String {
        guard let url = Bundle.module.url(forResource: "parapet", withExtension: "css", subdirectory: "Templates") else {
            throw PageTemplateError.missing("parapet.css")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// A page template the service needs is not there.
enum PageTemplateError: Error, CustomStringConvertible {
    case missing(String)

    var description: String {
        switch self {
        case .missing(let what): "page template missing: \(what)"
        }
    }
}
