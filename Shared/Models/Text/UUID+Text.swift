import Foundation

extension UUID {
    /// `uuidString` (upper-case hex, 8-4-4-4-12), written directly: Foundation formats it with
    /// `snprintf`, a visible cost when every published post carries two.
    public var uppercasedString: String { text(digits: "0123456789ABCDEF") }

    /// `uuidString.lowercased()`, written directly.
    public var lowercasedString: String { text(digits: "0123456789abcdef") }

    private func text(digits: StaticString) -> String {
        withUnsafeBytes(of: uuid) { bytes in
            digits.withUTF8Buffer { digits in
                String(unsafeUninitializedCapacity: 36) { text in
                    var at = 0
                    for (index, byte) in bytes.enumerated() {
                        if index == 4 || index == 6 || index == 8 || index == 10 {
                            text[at] = UInt8(ascii: "-")
                            at += 1
                        }
                        text[at] = digits[Int(byte >> 4)]
                        text[at + 1] = digits[Int(byte & 0xF)]
                        at += 2
                    }
                    return at
                }
            }
        }
    }
}
