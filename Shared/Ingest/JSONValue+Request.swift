import ParapetModels

extension JSONValue {
    /// The document a request or a line carries, parsed with ``JSONValue/parse(_:)``.
    ///
    /// - Throws: `invalid_utf8` naming the first bad byte, or `malformed_json` naming the byte
    ///   where the document stops being JSON.
    /// - Parameter name: how messages name the document (`body`, `post`).
    static func parseRequest(_ bytes: [UInt8], name: String = "body") throws(IngestError) -> JSONValue {
        do throws(JSONDocumentError) {
            return try parse(bytes)
        } catch {
            switch error {
            case .invalidUTF8: throw IngestError(.invalidUTF8, error.message(name: name))
            case .syntax: throw IngestError(.malformedJSON, error.message(name: name))
            }
        }
    }
}
