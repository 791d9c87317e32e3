// Chapter 12 exercises: convolutional networks.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 12.1
// `swift run exercises hint 12.1` gives a hint. Nothing here is ever
// overwritten by the tools. Images and kernels are one-channel `Matrix`
// values: image[i, j] is pixel row i, column j.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter12: Chapter12Exercises {
    /// 12.1 The output size of a convolution along one axis.
    ///
    ///     n_out = ⌊(n + 2p − k)/s⌋ + 1
    public static func outputSize(input n: Int, kernel k: Int, padding p: Int, stride s: Int) throws -> Int {
        throw NotStarted()
    }

    /// 12.2 The cross-correlation of an image with a kernel, stride 1, no padding, by loops.
    ///
    ///     y[i, j] = Σ_a Σ_b K[a, b] · x[i + a, j + b],   y is (H − kh + 1) x (W − kw + 1)
    public static func correlate(_ image: Matrix, kernel: Matrix) throws -> Matrix {
        throw NotStarted()
    }

    /// 12.3 The im2col matrix for a k x k kernel, stride 1, no padding.
    ///
    ///     row i·(W − k + 1) + j, column a·k + b  holds  x[i + a, j + b]
    public static func im2col(_ image: Matrix, kernel k: Int) throws -> Matrix {
        throw NotStarted()
    }

    /// 12.4 The backward pass of `correlate`, given g = ∂L/∂y.
    ///
    ///     ∂L/∂K[a, b] = Σ_i,j g[i, j] · x[i + a, j + b]
    ///     ∂L/∂x[u, v] = Σ over i + a = u, j + b = v of g[i, j] · K[a, b]
    public static func correlateBackward(_ image: Matrix, kernel: Matrix, outputGradient: Matrix) throws -> (
        kernel: Matrix, image: Matrix
    ) {
        throw NotStarted()
    }

    /// 12.5 The backward pass of 2x2 max pooling with stride 2 (even height and width).
    ///
    ///     ∂L/∂x = g[i, j] at the first maximum of window (i, j), 0 elsewhere
    public static func maxPoolBackward(_ image: Matrix, outputGradient: Matrix) throws -> Matrix {
        throw NotStarted()
    }

    /// 12.6 The parameter count of a convolution layer with biases.
    ///
    ///     O·C·kh·kw + O
    public static func convolutionParameterCount(
        inputChannels: Int, outputChannels: Int, kernelHeight: Int, kernelWidth: Int
    ) throws -> Int {
        throw NotStarted()
    }

    /// 12.7 The backward pass of batch normalisation of one feature over a batch, in training mode.
    ///
    ///     μ = mean(x),  σ² = mean((x − μ)²),  x̂ = (x − μ)/√(σ² + ε),  y = γ x̂ + β
    ///     ∂L/∂xⱼ = γ/(N√(σ² + ε)) · (N gⱼ − Σₖ gₖ − x̂ⱼ Σₖ gₖ x̂ₖ)
    public static func batchNormBackward(_ x: [Double], scale gamma: Double, epsilon: Double, outputGradient: [Double])
        throws -> [Double]
    {
        throw NotStarted()
    }
}
