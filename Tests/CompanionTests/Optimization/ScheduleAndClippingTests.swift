import DLMath
import Foundation
import Testing

@Suite("Learning-rate schedules and gradient clipping")
struct ScheduleAndClippingTests {
    @Test("constant and step schedules at chosen steps")
    func stepSchedule() {
        #expect(LearningRateSchedule.constant(0.3).rate(at: 1000) == 0.3)  // returned as given
        let schedule = LearningRateSchedule.step(initial: 0.1, factor: 0.5, every: 10)
        // 0.1 · 0.5^⌊t/10⌋: t = 0, 9 → 0.1; t = 10 → 0.05; t = 25 → 0.025.
        expectClose(
            schedule.rates(count: 26).enumerated().filter { [0, 9, 10, 25].contains($0.offset) }.map(\.element),
            [0.1, 0.1, 0.05, 0.025])
    }

    @Test("exponential schedule: lr₀ r^(t/s)")
    func exponentialSchedule() {
        let schedule = LearningRateSchedule.exponential(initial: 0.1, decayRate: 0.5, decaySteps: 10)
        // t = 10 → 0.05; t = 5 → 0.1 · 0.5^½ = 0.1/√2; t = 20 → 0.025.
        expectClose(schedule.rate(at: 10), 0.05)
        expectClose(schedule.rate(at: 5), 0.1 / 2.0.squareRoot())
        expectClose(schedule.rate(at: 20), 0.025)
    }

    @Test("cosine schedule: from lr₀ to lr_min over T steps, then flat")
    func cosineSchedule() {
        let schedule = LearningRateSchedule.cosine(initial: 1, minimum: 0.1, totalSteps: 100)
        // t = 0: 0.1 + 0.45·2 = 1; t = 50: 0.1 + 0.45·(1 + 0) = 0.55; t = 100: 0.1 + 0.45·0 = 0.1;
        // t = 25: 0.1 + 0.45 (1 + √2/2) = 0.868198; t = 200: held at 0.1.
        expectClose(schedule.rate(at: 0), 1)
        expectClose(schedule.rate(at: 50), 0.55)
        expectClose(schedule.rate(at: 100), 0.1)
        expectClose(schedule.rate(at: 25), 0.1 + 0.45 * (1 + 0.5.squareRoot()))
        expectClose(schedule.rate(at: 200), 0.1)
    }

    @Test("clipping by global norm: a 3-4-5 example, returning the norm before clipping")
    func clipping() {
        var gradients: [Matrix] = [[[3]], [[4, 0]]]
        // ‖g‖ = √(9 + 16) = 5 > 1: every gradient scaled by 1/5.
        let norm = clipByGlobalNorm(&gradients, maximumNorm: 1)
        expectClose(norm, 5)
        expectClose(gradients[0], [[0.6]])
        expectClose(gradients[1], [[0.8, 0]])
        expectClose(globalNorm(gradients), 1)
    }

    @Test("clipping leaves gradients under the limit, and zero gradients, unchanged")
    func clippingNoOp() {
        var gradients: [Matrix] = [[[1, -2]], [[2]]]
        // ‖g‖ = √(1 + 4 + 4) = 3 ≤ 10.
        expectClose(clipByGlobalNorm(&gradients, maximumNorm: 10), 3)
        #expect(gradients == [[[1, -2]], [[2]]])  // untouched: no arithmetic happened
        var zeros: [Matrix] = [Matrix(rows: 2, columns: 2)]
        #expect(clipByGlobalNorm(&zeros, maximumNorm: 1) == 0)
        #expect(zeros == [Matrix(rows: 2, columns: 2)])
        #expect(globalNorm([]) == 0)
    }
}
