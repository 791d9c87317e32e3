import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// [f(x₀), f(x₁), …, f(xₙ₋₁)]: the same array as `map(transform)`, with the
    /// calls spread over the processor's cores (`DispatchQueue.concurrentPerform`,
    /// one call per element, handed out in index order to whichever thread is free).
    ///
    /// For independent pieces of work of similar size, a few milliseconds or more
    /// each: seeded training runs, one data set each of a resampling study. The
    /// result is in input order whatever the scheduling, and equal to the serial
    /// `map` as long as every call is independent of the others: `transform` is
    /// `@Sendable`, so it cannot capture mutable state, and each call must build
    /// its own generator, network and optimizer from its element (a seed, say)
    /// rather than share one. Floating-point results are then bit for bit those
    /// of the serial map, since each call runs the same operations in the same
    /// order on its own thread. An empty or one-element array runs on the calling thread.
    ///
    /// Inside a call the cores are already busy, so a large matrix product
    /// stays on the calling thread instead of starting a second one (see
    /// `ParallelWork`); the product's bits do not depend on its thread count.
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            let target = ResultSlots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                ParallelWork.asWorker { (target.base + index).initialize(to: transform(self[index])) }
            }
            initializedCount = count
        }
    }
}

/// Where the calls of `parallelMap` write their results: each call initialises
/// its own element of the result's storage (distinct addresses), and
/// `concurrentPerform` returns only after every call has finished, so handing
/// the pointer to the worker threads is safe.
private struct ResultSlots<Result>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result>
}

/// Whether the current thread is running one call of a parallel map, so that
/// the work inside it (a large matrix product) does not start threads of its
/// own: with every core already busy, a second thread only adds the cost of
/// handing work over. A per-thread flag, never shared between threads.
public enum ParallelWork {
    private static let key = "DLMath.ParallelWork.isWorker"

    /// True inside `asWorker` on this thread (inside a call of `parallelMap`).
    public static var isInsideWorker: Bool {
        Thread.current.threadDictionary[key] as? Bool ?? false
    }

    /// Runs `body` with `isInsideWorker` true on this thread, then restores the flag.
    static func asWorker<Result>(_ body: () throws -> Result) rethrows -> Result {
        let dictionary = Thread.current.threadDictionary
        let previous = dictionary[key]
        dictionary[key] = true
        defer { dictionary[key] = previous }
        return try body()
    }
}
