import Dispatch

/// Work spread over all cores: pages render independently of each other.
public enum Parallel {
    /// `transform` applied to 0..<count on every core; the results in index order.
    /// Inlinable, so that callers in other modules get it specialised for their type.
    @inlinable
    public static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            // Deallocating alone would leak every result the buffer still holds.
            results.deinitialize()
            results.deallocate()
        }
        // Each iteration writes only its own slot, so no lock is needed.
        let slots = SendableBuffer(buffer: results)
        withoutActuallyEscaping(transform) { transform in
            let work = UnsafeSendable(value: transform)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.buffer[index] = work.value(index)
            }
        }
        return results.map { $0! }
    }
}

@usableFromInline
struct SendableBuffer<T>: @unchecked Sendable {
    @usableFromInline let buffer: UnsafeMutableBufferPointer<T?>

    @inlinable init(buffer: UnsafeMutableBufferPointer<T?>) { self.buffer = buffer }
}

@usableFromInline
struct UnsafeSendable<T>: @unchecked Sendable {
    @usableFromInline let value: T

    @inlinable init(value: T) { self.value = value }
}

/// Work started on another thread; `result()` waits for it.
public final class Background<T: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the work, read after the group says it is done.
    private var value: T?

    public init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async(group: group) { self.value = work() }
    }

    public func result() -> T {
        group.wait()
        return value!
    }
}
