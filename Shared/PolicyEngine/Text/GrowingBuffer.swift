/// A buffer of values that grows as values are appended, for the tokenizer's output while
/// it is being written.
///
/// An `Array` checks that its storage is uniquely referenced on every append and copies even a
/// three-letter run with a call to `memmove`: per letter and per word, that was a tenth of the
/// tokenizer's time. This buffer cannot be copied (so nothing else can share its storage), its
/// reads are bounds-checked, and `array()` hands the values over as an `Array` at the end.
struct GrowingBuffer<Element>: ~Copyable {
    private var start: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deinitialize(count: count)
        start.deallocate()
    }

    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "index out of range")
        return start[index]
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(toHold: count + 1) }
        (start + count).initialize(to: element)
        count += 1
    }

    /// Appends `elements`, one at a time: the runs appended are a few letters long, too short
    /// for a call to `memmove` to pay.
    @inline(__always)
    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        if count + elements.count > capacity { grow(toHold: count + elements.count) }
        var at = start + count
        for element in elements {
            at.initialize(to: element)
            at += 1
        }
        count += elements.count
    }

    mutating func append(contentsOf elements: [Element]) {
        elements.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// The values from `index` on, as an array.
    func suffix(from index: Int) -> [Element] {
        precondition(index >= 0 && index <= count, "index out of range")
        return Array(UnsafeBufferPointer(start: start + index, count: count - index))
    }

    /// Every value, as an array.
    func array() -> [Element] {
        Array(UnsafeBufferPointer(start: start, count: count))
    }

    private mutating func grow(toHold minimum: Int) {
        let grown = max(capacity * 2, minimum)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: grown)
        moved.moveInitialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = grown
    }
}
