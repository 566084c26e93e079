import Foundation

/// The OpenAPI 3.1 document of the case API, served at `GET /openapi.json`.
///
/// It is the file `Shared/CaseAPI/openapi.json`, bundled as this module's resource; a test
/// validates it with `openapi-spec-validator` and checks live answers against it.
enum CaseAPIDocument {
    static let json: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return #"{"openapi":"3.1.0","info":{"title":"Parapet case API","version":"unavailable"},"paths":{}}"# }
        return text
    }()
}
