import Dispatch

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
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            let target = ResultSlots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (target.base + index).initialize(to: transform(self[index]))
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
