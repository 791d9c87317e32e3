/// Something that updates a network's parameters from their gradients.
///
/// A network's parameters are a list of matrices (weights and biases, layer
/// by layer); `gradients[i]` is ∂L/∂`parameters[i]` and has the same shape.
/// One call to `step` is one update: the training loop computes the
/// gradients of a mini-batch and calls
///
///     optimizer.step(&parameters, gradients: gradients)
///
/// Optimizers with memory (momentum, accumulators, moments) keep it per
/// parameter index, created on the first step with the shapes of the
/// parameters it is given; every later step must pass the same number of
/// parameters with the same shapes (a different list stops with a shape
/// error naming the index). Use a fresh optimizer for a different network.
///
/// Every conforming type in this module writes its update rule out in its doc
/// comment, with the convention it follows where frameworks disagree:
/// PyTorch's by default, Keras' and optax's as a parameter (`AdamConvention`,
/// `EpsilonPlacement` and the initial accumulator, `MomentumConvention`).
public protocol Optimizer {
    /// One update of every parameter from its gradient.
    mutating func step(_ parameters: inout [Matrix], gradients: [Matrix])

    /// The same update applied in place to a layer's (or a whole network's)
    /// parameters from its `parameterGradients`, through
    /// `Layer.updateParameters`: `optimizer.step(&network)` after `backward`.
    /// Default: the `parameters` round trip (get, `step`, set).
    mutating func step<L: Layer>(_ layer: inout L)
}

extension Optimizer {
    /// The round trip through `parameters`: get, `step(_:gradients:)`, set.
    public mutating func step<L: Layer>(_ layer: inout L) {
        var parameters = layer.parameters
        step(&parameters, gradients: layer.parameterGradients)
        layer.parameters = parameters
    }
}

/// The per-parameter memory of an optimizer and the one loop every update
/// rule runs through.
///
/// An optimizer has `slotCount` slots (0 for plain SGD, 1 for the velocity of
/// momentum or the accumulator of AdaGrad/RMSProp, 2 for Adam's first and
/// second moments). Each slot holds one matrix per parameter, of the
/// parameter's shape, filled with `initialValue` on the first update.
public struct OptimizerSlots: Sendable, Equatable {
    /// How many state matrices each parameter has (0, 1 or 2).
    public let slotCount: Int
    /// The value every slot starts at (0, except AdaGrad's optional initial accumulator).
    public let initialValue: Double
    /// `values[k][i]`: slot k of parameter i. Empty until the first update.
    public private(set) var values: [[Matrix]]

    /// Slots not yet created; `slotCount` must be 0, 1 or 2.
    public init(slotCount: Int, initialValue: Double = 0) {
        precondition((0...2).contains(slotCount), "OptimizerSlots: slotCount must be 0, 1 or 2, got \(slotCount)")
        self.slotCount = slotCount
        self.initialValue = initialValue
        self.values = Array(repeating: [], count: slotCount)
    }

    /// True before the first update (no state yet).
    public var isEmpty: Bool { slotCount == 0 || values[0].isEmpty }

    /// The one element-wise update loop of every optimizer.
    ///
    /// Creates the slots on the first call, checks that the parameters,
    /// gradients and slots agree in number and shape, then for every element
    /// `j` of every parameter `i` calls
    ///
    ///     rule(&parameters[i][j], gradients[i][j], &slot0[i][j], &slot1[i][j])
    ///
    /// Unused slots are backed by a scratch cell the rule may ignore.
    public mutating func update(
        _ parameters: inout [Matrix], gradients: [Matrix],
        rule: (inout Double, Double, inout Double, inout Double) -> Void
    ) {
        requireShape(
            parameters.count == gradients.count,
            ShapeError("optimizer step", "\(parameters.count) parameters but \(gradients.count) gradients"))
        prepare(for: parameters)
        for i in parameters.indices {
            update(parameter: i, &parameters[i], gradient: gradients[i], rule: rule)
        }
    }

    /// The same update over a layer's (or network's) parameters in place,
    /// through `Layer.updateParameters`: no parameter list is copied or set
    /// back. `kernel(n, w, g, s0, s1)` updates the n elements of one
    /// parameter w from its gradient g and its slots s0, s1 (an unused slot
    /// points to one scratch cell, which the kernel must not read as an
    /// array). One call per parameter, so the kernel is a plain loop the
    /// compiler can vectorise. Slots are created on the first call; later
    /// calls must see the same number of parameters with the same shapes.
    public typealias Kernel = (
        _ count: Int, _ parameter: UnsafeMutablePointer<Double>, _ gradient: UnsafePointer<Double>,
        _ slot0: UnsafeMutablePointer<Double>, _ slot1: UnsafeMutablePointer<Double>
    ) -> Void

    /// Applies `kernel` to each parameter of `layer` with its gradient and its two slots, creating the slots (zeros) on the first call.
    public mutating func update<L: Layer>(_ layer: inout L, kernel: Kernel) {
        let creating = isEmpty
        var seen = 0
        layer.updateParameters { i, parameter, gradient in
            if slotCount > 0 {
                if creating {
                    for k in 0..<slotCount {
                        values[k].append(
                            Matrix(rows: parameter.rows, columns: parameter.columns, repeating: initialValue))
                    }
                } else {
                    requireShape(
                        i < values[0].count,
                        ShapeError(
                            "optimizer step", "the optimizer's state is for \(values[0].count) parameters, got more"))
                    let state = values[0][i]
                    requireShape(
                        state.rows == parameter.rows && state.columns == parameter.columns,
                        ShapeError(
                            "optimizer step",
                            "parameter \(i) was \(state.shapeDescription) on the first step, now \(parameter.shapeDescription)"
                        ))
                }
            }
            update(parameter: i, &parameter, gradient: gradient, kernel: kernel)
            seen += 1
        }
        requireShape(
            creating || slotCount == 0 || seen == values[0].count,
            ShapeError(
                "optimizer step",
                "the optimizer's state is for \(slotCount > 0 ? values[0].count : 0) parameters, got \(seen)"))
    }

    /// `kernel` on parameter `i` (whose slots exist) and its gradient.
    private mutating func update(parameter i: Int, _ parameter: inout Matrix, gradient: Matrix, kernel: Kernel) {
        requireShape(
            parameter.rows == gradient.rows && parameter.columns == gradient.columns,
            ShapeError(
                "optimizer step",
                "parameter \(i) is \(parameter.shapeDescription) but its gradient is \(gradient.shapeDescription)"))
        let n = parameter.count
        if n == 0 { return }
        var first = take(slot: 0, parameter: i)
        var second = take(slot: 1, parameter: i)
        gradient.elements.withUnsafeBufferPointer { g in
            parameter.withUnsafeMutableElements { w in
                first.withUnsafeMutableElements { s0 in
                    second.withUnsafeMutableElements { s1 in
                        kernel(n, w.baseAddress!, g.baseAddress!, s0.baseAddress!, s1.baseAddress!)
                    }
                }
            }
        }
        put(first, slot: 0, parameter: i)
        put(second, slot: 1, parameter: i)
    }

    /// rule over every element of parameter `i` (whose slots exist) and its gradient.
    private mutating func update(
        parameter i: Int, _ parameter: inout Matrix, gradient: Matrix,
        rule: (inout Double, Double, inout Double, inout Double) -> Void
    ) {
        requireShape(
            parameter.rows == gradient.rows && parameter.columns == gradient.columns,
            ShapeError(
                "optimizer step",
                "parameter \(i) is \(parameter.shapeDescription) but its gradient is \(gradient.shapeDescription)"))
        let n = parameter.count
        if n == 0 { return }
        var first = take(slot: 0, parameter: i)
        var second = take(slot: 1, parameter: i)
        // A used slot advances one element per step; an unused one is a 1x1 scratch cell (stride 0).
        let firstStride = slotCount >= 1 ? 1 : 0
        let secondStride = slotCount >= 2 ? 1 : 0
        gradient.elements.withUnsafeBufferPointer { g in
            parameter.withUnsafeMutableElements { w in
                first.withUnsafeMutableElements { s0 in
                    second.withUnsafeMutableElements { s1 in
                        for j in 0..<n {
                            rule(&w[j], g[j], &s0[j * firstStride], &s1[j * secondStride])
                        }
                    }
                }
            }
        }
        put(first, slot: 0, parameter: i)
        put(second, slot: 1, parameter: i)
    }

    /// Creates the slots for `parameters` on the first call; afterwards checks
    /// that the list has the same length and shapes as on the first call.
    mutating func prepare(for parameters: [Matrix]) {
        guard slotCount > 0 else { return }
        if values[0].isEmpty {
            for k in 0..<slotCount {
                values[k] = parameters.map { Matrix(rows: $0.rows, columns: $0.columns, repeating: initialValue) }
            }
            return
        }
        requireShape(
            values[0].count == parameters.count,
            ShapeError(
                "optimizer step", "the optimizer's state is for \(values[0].count) parameters, got \(parameters.count)")
        )
        for (i, parameter) in parameters.enumerated() {
            let state = values[0][i]
            requireShape(
                state.rows == parameter.rows && state.columns == parameter.columns,
                ShapeError(
                    "optimizer step",
                    "parameter \(i) was \(state.shapeDescription) on the first step, now \(parameter.shapeDescription)")
            )
        }
    }

    /// Moves slot `k` of parameter `i` out (no copy), or a 1x1 scratch cell for an unused slot.
    private mutating func take(slot k: Int, parameter i: Int) -> Matrix {
        var taken = Matrix(rows: 1, columns: 1)
        if k < slotCount { swap(&taken, &values[k][i]) }
        return taken
    }

    private mutating func put(_ matrix: Matrix, slot k: Int, parameter i: Int) {
        if k < slotCount { values[k][i] = matrix }
    }
}
