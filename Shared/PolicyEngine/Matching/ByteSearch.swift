extension ArraySlice where Element == UInt8 {
    /// Where `needle` first starts in these bytes, counted from their start; nil when it does not
    /// occur. A plain scan: the words searched are short, and the generic `firstRange(of:)` costs
    /// more in set-up and metadata lookups than the search itself.
    func firstOffset(of needle: [UInt8]) -> Int? {
        guard let first = needle.first, count >= needle.count else { return nil }
        var start = startIndex
        let last = endIndex - needle.count
        while start <= last {
            if self[start] == first, self[start..<(start + needle.count)].elementsEqual(needle) { return start - startIndex }
            start += 1
        }
        return nil
    }
}
