/// A buffer of values that grows as values are appended, for the tokenizer's output while
/// it is being written.
///
/// An `Array` checks that its storage is uniquely referenced on every append and copies even a
/// three-letter run with a call to `memmove`: per letter and per word, that was a tenth of the
/// tokenizer's time. This buffer cannot be copied (so nothing else can share its storage), its
/// reads are bounds-checked, and `array()` hands the values over as an `Array` at the end.
///
/// It can start in space lent by its owner (on the stack, for a short text), which saves a heap
/// allocation; it moves to the heap if it outgrows that space.
struct GrowingBuffer<Element>: ~Copyable {
    private var start: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0
    /// Whether `start` is this buffer's own allocation, not the lent space.
    private var ownsStorage: Bool

    /// A buffer for about `capacity` values, in `space` if they fit there. `space` must outlive
    /// the buffer and be left alone while it lives.
    init(capacity: Int, space: UnsafeMutableBufferPointer<Element>) {
        if let base = space.baseAddress, capacity <= space.count {
            start = base
            self.capacity = space.count
            ownsStorage = false
        } else {
            self.capacity = max(capacity, 16)
            start = .allocate(capacity: self.capacity)
            ownsStorage = true
        }
    }

    deinit {
        start.deinitialize(count: count)
        if ownsStorage { start.deallocate() }
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

    /// Drops the values from `index` on.
    mutating func removeSuffix(from index: Int) {
        precondition(index >= 0 && index <= count, "index out of range")
        (start + index).deinitialize(count: count - index)
        count = index
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
        if ownsStorage { start.deallocate() }
        start = moved
        capacity = grown
        ownsStorage = true
    }
}

extension GrowingBuffer where Element == UInt8 {
    /// Writes `byte` just past the values, where the next append overwrites it: for a byte kept
    /// only so that the reads making it happen.
    mutating func keepInSpareCapacity(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        (start + count).initialize(to: byte)
    }

    /// Appends the first `length` (0 to 8) bytes of `word`, low byte first, with one store of all
    /// eight: a word's letters are copied eight at a time. The store's bytes past `length` land in
    /// spare capacity, which later appends overwrite.
    @inline(__always)
    mutating func append(first length: Int, of word: UInt64) {
        precondition(length >= 0 && length <= 8, "at most eight bytes")
        if count + 8 > capacity { grow(toHold: count + 8) }
        UnsafeMutableRawPointer(start + count).storeBytes(of: word.littleEndian, as: UInt64.self)
        count += length
    }
}
