import DLMath
import Dispatch

/// The training section: samples per second of whole training steps through
/// the public API, and where one step's time goes.
///
/// One step on a batch of 32 digits (the loop the NumPy script
/// `training_numpy.py` writes out the same way):
///
///     batch   = examples.rows(at: indices)                    (gather)
///     output  = network.forward(batch.inputs)                 forward
///     result  = softmaxCrossEntropy(logits: output, targets:) loss
///     network.backward(result.gradient)                       backward
///     parameters = network.parameters                         step (round trip)
///     optimizer.step(&parameters, gradients: network.parameterGradients)
///     network.parameters = parameters
///
/// The figure is samples / second over `epochs` passes (every batch of the
/// shuffled 1,797 digits, the last batch of 5 included), the best of 5 runs;
/// the time counted is the whole loop, the shuffle and the gather of each
/// batch included, as in the NumPy loops (the clock readings aside).
enum TrainingBenchmark {
    /// The 1,797 digits, standardised (μ and σ of the whole set).
    static let digits: TrainingExamples = {
        guard let dataset = try? Dataset.digits() else { fatalError("benchmarks: digits.csv is missing") }
        return TrainingExamples(Standardizer(fittingTo: dataset.features).transform(dataset))
    }()

    /// Seconds spent per phase, summed over the steps of one run. `batch` is
    /// the epoch's shuffle and the gather of each batch's rows, which the
    /// NumPy loops time too (`x[indices]`).
    struct Phases {
        var batch = 0.0, forward = 0.0, loss = 0.0, backward = 0.0, step = 0.0
        var total: Double { batch + forward + loss + backward + step }
    }

    /// A Dense–ReLU–(Dropout)–Dense network with the given widths (Xavier uniform, seed 1).
    static func network(_ widths: [Int], dropout: Double? = nil) -> Sequential {
        var generator = SeededGenerator(seed: 1)
        var layers: [any Layer] = []
        for (index, (inputs, outputs)) in zip(widths, widths.dropFirst()).enumerated() {
            layers.append(Dense(inputs: inputs, outputs: outputs, generator: &generator))
            if index < widths.count - 2 {
                layers.append(ActivationLayer(.relu))
                if let dropout { layers.append(Dropout(rate: dropout, seed: 2)) }
            }
        }
        return Sequential(layers)
    }

    /// Samples per second (best of `runs`) and the phase split of the best run,
    /// for the Dense network of `widths` on all the digits (batches from seed 3).
    static func measure<O: Optimizer>(
        _ widths: [Int], dropout: Double? = nil, optimizer: O, toParameters: Bool = false,
        step: (inout Sequential, inout O) -> Void,
        epochs: Int = 10, runs: Int = 5
    ) -> (samplesPerSecond: Double, phases: Phases) {
        measure(
            network: { network(widths, dropout: dropout) }, on: digits, batchSeed: 3, optimizer: optimizer,
            toParameters: toParameters, step: step, epochs: epochs, runs: runs)
    }

    /// Samples per second (best of `runs`) and the phase split of the best run:
    /// `epochs` passes of batches of 32 over `examples` (shuffled from `batchSeed`),
    /// each run from a fresh `network()` and a copy of `optimizer`.
    /// `toParameters`: the backward pass through `backwardToParameters` (what
    /// `Trainer` calls: no ∂L/∂x for the first layer, as in the NumPy loop)
    /// instead of the public `backward`.
    static func measure<O: Optimizer>(
        network makeNetwork: () -> Sequential, on examples: TrainingExamples, batchSeed: UInt64,
        optimizer: O, toParameters: Bool = false,
        step: (inout Sequential, inout O) -> Void,
        epochs: Int, runs: Int
    ) -> (samplesPerSecond: Double, phases: Phases) {
        let batches = MiniBatches(exampleCount: examples.count, batchSize: 32, seed: batchSeed)
        var best = (samplesPerSecond: 0.0, phases: Phases())
        for _ in 0..<runs {
            var net = makeNetwork()
            var opt = optimizer
            var phases = Phases()
            var samples = 0
            for epoch in 0..<epochs {
                var batchStart = DispatchTime.now().uptimeNanoseconds
                for indices in batches.indices(epoch: epoch) {
                    let batch = examples.rows(at: indices)
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    phases.batch += Double(t0 - batchStart) * 1e-9
                    let output = net.forward(batch.inputs)
                    let t1 = DispatchTime.now().uptimeNanoseconds
                    let result = softmaxCrossEntropy(logits: output, targets: batch.targets)
                    let t2 = DispatchTime.now().uptimeNanoseconds
                    if toParameters {
                        net.backwardToParameters(result.gradient)
                    } else {
                        _ = net.backward(result.gradient)
                    }
                    let t3 = DispatchTime.now().uptimeNanoseconds
                    step(&net, &opt)
                    let t4 = DispatchTime.now().uptimeNanoseconds
                    phases.forward += Double(t1 - t0) * 1e-9
                    phases.loss += Double(t2 - t1) * 1e-9
                    phases.backward += Double(t3 - t2) * 1e-9
                    phases.step += Double(t4 - t3) * 1e-9
                    samples += indices.count
                    batchStart = DispatchTime.now().uptimeNanoseconds
                }
            }
            consume(net.parameters[0][0, 0])
            let rate = Double(samples) / phases.total
            if rate > best.samplesPerSecond { best = (rate, phases) }
        }
        return best
    }

    /// The optimizer step through the `parameters` round trip: get, step, set.
    static func roundTrip<O: Optimizer>(_ network: inout Sequential, _ optimizer: inout O) {
        var parameters = network.parameters
        optimizer.step(&parameters, gradients: network.parameterGradients)
        network.parameters = parameters
    }

    /// The probe of the NumPy comparison: 64-100-10 ReLU, softmax cross-entropy, SGD(0.01), batch 32,
    /// samples/s of two loops through the public API: `literal`, the loop (`backward`, which
    /// also computes ∂L/∂x of the first layer, and the `parameters` round trip); `sameWork`, the work
    /// of the NumPy loop (`backwardToParameters`, no ∂L/∂x, and the in-place `SGD.step`, as `Trainer` runs it).
    static func probe() -> (literal: Double, sameWork: Double) {
        let literal = measure([64, 100, 10], optimizer: SGD(learningRate: 0.01), step: { roundTrip(&$0, &$1) })
        let sameWork = measure(
            [64, 100, 10], optimizer: SGD(learningRate: 0.01), toParameters: true, step: { $1.step(&$0) })
        return (literal.samplesPerSecond, sameWork.samplesPerSecond)
    }

    /// Prints the training section.
    static func run() {
        print(
            "Training steps on the digits (batch 32, softmax cross-entropy): samples/s, best of 5 runs (10 epochs; the chapters' rows as noted in ChapterNetworksBenchmark.swift)"
        )
        print("")
        print(
            "network                               samples/s   batch   forward   loss   backward   step   (% of a step)"
        )
        let cases: [(String, () -> (samplesPerSecond: Double, phases: Phases))] =
            [
                (
                    "64-100-10 relu, SGD",
                    { measure([64, 100, 10], optimizer: SGD(learningRate: 0.01), step: { roundTrip(&$0, &$1) }) }
                ),
                (
                    "64-100-10 relu, SGD, in-place step",
                    { measure([64, 100, 10], optimizer: SGD(learningRate: 0.01), step: { $1.step(&$0) }) }
                ),
                (
                    "  the same, backwardToParameters",
                    {
                        measure(
                            [64, 100, 10], optimizer: SGD(learningRate: 0.01), toParameters: true,
                            step: { $1.step(&$0) })
                    }
                ),
                (
                    "64-100-10 relu, Adam, in-place step",
                    { measure([64, 100, 10], optimizer: Adam(), step: { $1.step(&$0) }) }
                )
            ] + ChapterNetworks.cases.map { ($0.label, $0.run) }
        for (name, run) in cases {
            let (rate, phases) = run()
            let share = { (seconds: Double) in String(format: "%5.1f", 100 * seconds / phases.total) }
            print(
                name.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%11.0f", rate)
                    + "   " + share(phases.batch) + "     " + share(phases.forward) + "   " + share(phases.loss)
                    + "      " + share(phases.backward)
                    + "   " + share(phases.step))
        }
        print("")
        print(
            "(the ch11-13 rows are the chapters' networks and loops, see ChapterNetworksBenchmark.swift; "
                + "`python3 Benchmarks/training_numpy.py` compares the first row with NumPy, "
                + "`python3 Benchmarks/chapter_networks_numpy.py` the last three)")
    }
}
