import Foundation

/// A scalar in a computational graph, for reverse-mode automatic
/// differentiation (a tiny engine in the spirit of Karpathy's micrograd).
///
/// Every operation creates a new `Value` that records its inputs, the name
/// of the operation, and — right beside the forward rule — a backward rule
/// that, given ∂L/∂out, adds ∂L/∂input = ∂L/∂out · ∂out/∂input to each
/// input's `gradient`. `backward()` then visits the graph in reverse
/// topological order (every node after all the nodes that use it), so each
/// node's gradient is complete before it is passed on.
///
/// Gradients accumulate (`+=`): a value used twice, as in x·x + x, receives
/// the sum of both contributions, which is the multivariable chain rule.
/// Consequently a second `backward()` adds to the first; call
/// `zeroGradients()` in between to start again.
///
/// A number on either side of an operator is wrapped in a constant node:
/// `2 - v` is 2 − v and `v - 2` is v − 2; `2 / v` is 2/v.
///
/// `Value` is a class because a graph shares nodes (the x in x·x + x is one
/// node with two uses) and `backward` must update them in place. It is not
/// `Sendable`: a graph is built and differentiated on one thread, never
/// shared, so there is nothing to make thread-safe.
public final class Value {
    /// The number computed by the forward pass.
    public let data: Double
    /// ∂L/∂self after `backward()` on L (0 before; accumulates, see the type).
    public fileprivate(set) var gradient: Double = 0
    /// A name for the graph dump (`a`, `e`, `loss`); may be empty.
    public var label: String
    /// The operation that produced this value: `+`, `*`, `tanh`, …;
    /// `input` for a leaf created with `init`, `constant` for a wrapped number.
    public let operation: String
    /// The operands, in order (empty for leaves).
    public let inputs: [Value]
    /// Given ∂L/∂self, adds each input's share to its gradient.
    private let backwardRule: ((Double) -> Void)?

    /// A leaf: an input or a parameter.
    public init(_ data: Double, label: String = "") {
        self.data = data
        self.label = label
        self.operation = "input"
        self.inputs = []
        self.backwardRule = nil
    }

    private init(_ data: Double, operation: String, inputs: [Value], backward: ((Double) -> Void)?) {
        self.data = data
        self.label = ""
        self.operation = operation
        self.inputs = inputs
        self.backwardRule = backward
    }

    /// A number as a node (no backward rule).
    static func constant(_ x: Double) -> Value {
        Value(x, operation: "constant", inputs: [], backward: nil).labelled(formatCompact(x))
    }

    /// Sets the label and returns the same node, for `let e = (a * b).labelled("e")`.
    @discardableResult
    public func labelled(_ label: String) -> Value {
        self.label = label
        return self
    }

    // MARK: Operations, each with its backward rule beside its forward rule

    /// a + b;  ∂/∂a = 1, ∂/∂b = 1.
    public static func + (a: Value, b: Value) -> Value {
        Value(a.data + b.data, operation: "+", inputs: [a, b]) { g in
            a.gradient += g
            b.gradient += g
        }
    }

    /// a − b;  ∂/∂a = 1, ∂/∂b = −1.
    public static func - (a: Value, b: Value) -> Value {
        Value(a.data - b.data, operation: "-", inputs: [a, b]) { g in
            a.gradient += g
            b.gradient -= g
        }
    }

    /// a · b;  ∂/∂a = b, ∂/∂b = a.
    public static func * (a: Value, b: Value) -> Value {
        Value(a.data * b.data, operation: "*", inputs: [a, b]) { g in
            a.gradient += b.data * g
            b.gradient += a.data * g
        }
    }

    /// a / b;  ∂/∂a = 1/b, ∂/∂b = −a/b². Division by a zero-valued b gives ±inf or nan, as for Double.
    public static func / (a: Value, b: Value) -> Value {
        Value(a.data / b.data, operation: "/", inputs: [a, b]) { g in
            a.gradient += g / b.data
            b.gradient -= a.data / (b.data * b.data) * g
        }
    }

    /// −a;  ∂/∂a = −1.
    public static prefix func - (a: Value) -> Value {
        Value(-a.data, operation: "neg", inputs: [a]) { g in
            a.gradient -= g
        }
    }

    /// aᵖ for a constant exponent p;  ∂/∂a = p aᵖ⁻¹. (For non-integer p, a must be positive.)
    public func power(_ p: Double) -> Value {
        let a = self
        return Value(Foundation.pow(a.data, p), operation: "^\(formatCompact(p))", inputs: [a]) { g in
            a.gradient += p * Foundation.pow(a.data, p - 1) * g
        }
    }

    /// eᵃ;  ∂/∂a = eᵃ.
    public func exp() -> Value {
        let a = self, e = Foundation.exp(data)
        return Value(e, operation: "exp", inputs: [a]) { g in
            a.gradient += e * g
        }
    }

    /// ln a (natural log; a ≤ 0 gives nan or −inf);  ∂/∂a = 1/a.
    public func log() -> Value {
        let a = self
        return Value(Foundation.log(data), operation: "log", inputs: [a]) { g in
            a.gradient += g / a.data
        }
    }

    /// tanh a;  ∂/∂a = 1 − tanh² a.
    public func tanh() -> Value {
        let a = self, t = Foundation.tanh(data)
        return Value(t, operation: "tanh", inputs: [a]) { g in
            a.gradient += (1 - t * t) * g
        }
    }

    /// max(a, 0);  ∂/∂a = 1 for a > 0 and 0 otherwise (ReLU′(0) = 0, as in `Activation`).
    public func relu() -> Value {
        let a = self
        return Value(Swift.max(data, 0), operation: "relu", inputs: [a]) { g in
            a.gradient += a.data > 0 ? g : 0
        }
    }

    /// σ(a) = 1/(1 + e⁻ᵃ) (the stable `logistic`);  ∂/∂a = σ(a)(1 − σ(a)).
    public func sigmoid() -> Value {
        let a = self, s = logistic(data)
        return Value(s, operation: "sigmoid", inputs: [a]) { g in
            a.gradient += s * (1 - s) * g
        }
    }

    /// Σᵢ vᵢ as a chain of additions (0 as a constant for an empty list).
    public static func sum(_ values: [Value]) -> Value {
        guard var total = values.first else { return constant(0) }
        for value in values.dropFirst() { total = total + value }
        return total
    }

    // MARK: Numbers on either side

    /// v + c, the constant c as a leaf with no gradient.
    public static func + (a: Value, b: Double) -> Value { a + constant(b) }
    /// c + v, the constant c as a leaf with no gradient.
    public static func + (a: Double, b: Value) -> Value { constant(a) + b }
    /// v − 2.
    public static func - (a: Value, b: Double) -> Value { a - constant(b) }
    /// 2 − v (not v − 2).
    public static func - (a: Double, b: Value) -> Value { constant(a) - b }
    /// v · c: ∂(v c)/∂v = c.
    public static func * (a: Value, b: Double) -> Value { a * constant(b) }
    /// c · v: ∂(c v)/∂v = c.
    public static func * (a: Double, b: Value) -> Value { constant(a) * b }
    /// v / 2.
    public static func / (a: Value, b: Double) -> Value { a / constant(b) }
    /// 2 / v (not v / 2).
    public static func / (a: Double, b: Value) -> Value { constant(a) / b }

    // MARK: The backward pass

    /// Every node this value depends on, itself last, each after all of its
    /// inputs (a topological order, by depth-first search without recursion).
    public func topologicalOrder() -> [Value] {
        var order: [Value] = []
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(self)]
        // Each stack entry: a node and how many of its inputs have been pushed.
        var stack: [(node: Value, next: Int)] = [(self, 0)]
        while let (node, next) = stack.last {
            if next < node.inputs.count {
                stack[stack.count - 1].next += 1
                let input = node.inputs[next]
                if visited.insert(ObjectIdentifier(input)).inserted { stack.append((input, 0)) }
            } else {
                order.append(node)
                stack.removeLast()
            }
        }
        return order
    }

    /// Reverse-mode differentiation of this value L: sets ∂L/∂L = 1, then for
    /// each node in reverse topological order adds its contribution to its
    /// inputs' gradients. Afterwards every node's `gradient` is ∂L/∂node
    /// (plus whatever it held before; see `zeroGradients`).
    public func backward() {
        let order = topologicalOrder()
        gradient = 1
        for node in order.reversed() { node.backwardRule?(node.gradient) }
    }

    /// Sets the gradient of every node of this value's graph to 0.
    public func zeroGradients() {
        for node in topologicalOrder() { node.gradient = 0 }
    }

    /// The graph as a table, one node per line in topological order: its
    /// number, label, how it was computed from earlier nodes, value and gradient.
    ///
    ///     node  label  computed as  value  gradient
    ///     n0    a      input            2        -3
    ///     n1    b      input           -3         2
    ///     n2    e      n0 * n1         -6         1
    public func graphDescription() -> String {
        let order = topologicalOrder()
        var number: [ObjectIdentifier: Int] = [:]
        for (index, node) in order.enumerated() { number[ObjectIdentifier(node)] = index }
        let rows: [[String]] = order.enumerated().map { index, node in
            let names = node.inputs.map { "n\(number[ObjectIdentifier($0)]!)" }
            let computed: String
            switch names.count {
            case 0: computed = node.operation
            case 1: computed = "\(node.operation)(\(names[0]))"
            default: computed = names.joined(separator: " \(node.operation) ")
            }
            return ["n\(index)", node.label, computed, formatCompact(node.data), formatCompact(node.gradient)]
        }
        let header = ["node", "label", "computed as", "value", "gradient"]
        let widths = (0..<header.count).map { column in ([header] + rows).map { $0[column].count }.max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column >= 3 ? padding + cell : cell + padding
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}

extension Value: CustomStringConvertible {
    /// `Value(e = -6, grad 1)`.
    public var description: String {
        let name = label.isEmpty ? "" : "\(label) = "
        return "Value(\(name)\(formatCompact(data)), grad \(formatCompact(gradient)))"
    }
}
