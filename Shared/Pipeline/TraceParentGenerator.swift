/// Makes W3C `traceparent` values (version 00, sampled) with random trace and span ids.
///
/// Seeded once from the system's random source, then a xoshiro256** stream: a trace id needs to
/// be unique, not secret, and one `getrandom` call per id was a visible cost of publishing in bulk.
/// A value type; give each task its own.
public struct TraceParentGenerator: Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init() {
        var system = SystemRandomNumberGenerator()
        state = (system.next(), system.next(), system.next(), system.next())
        // xoshiro's all-zero state is a fixed point; the system source will not give it, but be sure.
        if state == (0, 0, 0, 0) { state.0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// `00-<32 hex trace id>-<16 hex span id>-01`, as the UTF-8 bytes a Kafka header carries.
    public mutating func nextBytes() -> [UInt8] {
        let digits: StaticString = "0123456789abcdef"
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 55)
        bytes[0] = UInt8(ascii: "0")
        bytes[1] = UInt8(ascii: "0")
        bytes[53] = UInt8(ascii: "0")
        bytes[54] = UInt8(ascii: "1")
        digits.withUTF8Buffer { digits in
            func fill(_ word: UInt64, at start: Int) {
                for index in 0..<16 { bytes[start + index] = digits[Int((word >> (60 - 4 * UInt64(index))) & 0xF)] }
            }
            fill(nextWord(), at: 3)
            fill(nextWord(), at: 19)
            fill(nextWord(), at: 36)
        }
        return bytes
    }

    /// xoshiro256** (Blackman and Vigna).
    private mutating func nextWord() -> UInt64 {
        let result = (state.1 &* 5).rotatedLeft(by: 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = state.3.rotatedLeft(by: 45)
        return result
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
