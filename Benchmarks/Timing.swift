import Dispatch

/// The best (smallest) time of one call of `body`, in seconds.
///
/// Calls are grouped into batches long enough (≥ 20 ms) for the clock to be
/// precise; the best batch of `batches`, divided by its number of calls,
/// is the result. The best rather than the mean, because interruptions by
/// other processes only ever make a run slower.
func bestSeconds(batches: Int = 7, _ body: () -> Void) -> Double {
    body()  // warm up: page in buffers, spin up the thread pool
    var calls = 1
    while true {
        let seconds = timeBatch(calls, body)
        if seconds >= 0.02 || calls >= 1 << 24 { break }
        calls *= seconds < 0.002 ? 10 : 2
    }
    var best = Double.infinity
    for _ in 0..<batches { best = min(best, timeBatch(calls, body) / Double(calls)) }
    return best
}

private func timeBatch(_ calls: Int, _ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<calls { body() }
    return Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
}

/// Keeps the optimiser from dropping a computation whose result is unused.
@inline(never)
func consume(_ value: Double) {
    if value.isNaN && value.sign == .minus && value.exponent == 12_345 { print(value) }
}
