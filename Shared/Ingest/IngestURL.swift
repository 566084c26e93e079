import Foundation

/// The URLs ingest accepts and the permalinks it makes.
enum IngestURL {
    /// `text` as an absolute http or https URL with a host; nil otherwise.
    static func web(_ text: String) -> URL? {
        guard text.utf8.count <= 4096, !text.contains(where: { $0.isWhitespace }),
            let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty
        else { return nil }
        return url
    }

    /// `base` followed by path segments, when every segment is a plain id or handle
    /// (ASCII letters, digits, `_`, `.`, `-`), so that a hostile id cannot make a link elsewhere.
    static func permalink(_ base: String, _ segments: String...) -> URL? {
        for segment in segments {
            guard !segment.isEmpty, segment.utf8.count <= 200, segment != ".", segment != "..",
                segment.utf8.allSatisfy({ byte in
                    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                        || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
                })
            else { return nil }
        }
        return URL(string: base + segments.joined(separator: "/"))
    }
}
