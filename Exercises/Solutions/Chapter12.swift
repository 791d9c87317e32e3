// Reference solutions for chapter 12 (convolutional networks). Try the workbook first.
import DLMath
import ExerciseKit

public enum Chapter12: Chapter12Exercises {
    /// 12.1  (n + 2p − k)/s + 1 (integer division is the floor here)
    public static func outputSize(input n: Int, kernel k: Int, padding p: Int, stride s: Int) throws -> Int {
        (n + 2 * p - k) / s + 1
    }

    /// 12.2  four loops
    public static func correlate(_ image: Matrix, kernel: Matrix) throws -> Matrix {
        Matrix(rows: image.rows - kernel.rows + 1, columns: image.columns - kernel.columns + 1) { i, j in
            var sum = 0.0
            for a in 0..<kernel.rows {
                for b in 0..<kernel.columns { sum += kernel[a, b] * image[i + a, j + b] }
            }
            return sum
        }
    }

    /// 12.3  row r = window (r / ow, r % ow), column c = kernel position (c / k, c % k)
    public static func im2col(_ image: Matrix, kernel k: Int) throws -> Matrix {
        let ow = image.columns - k + 1
        return Matrix(rows: (image.rows - k + 1) * ow, columns: k * k) { r, c in image[r / ow + c / k, r % ow + c % k] }
    }

    /// 12.4  each term K[a, b] x[i + a, j + b] sends g[i, j] x[i + a, j + b] to dK[a, b] and g[i, j] K[a, b] to dx[i + a, j + b]
    public static func correlateBackward(_ image: Matrix, kernel: Matrix, outputGradient: Matrix) throws -> (
        kernel: Matrix, image: Matrix
    ) {
        var dK = Matrix(rows: kernel.rows, columns: kernel.columns),
            dx = Matrix(rows: image.rows, columns: image.columns)
        for i in 0..<outputGradient.rows {
            for j in 0..<outputGradient.columns {
                for a in 0..<kernel.rows {
                    for b in 0..<kernel.columns {
                        dK[a, b] += outputGradient[i, j] * image[i + a, j + b]
                        dx[i + a, j + b] += outputGradient[i, j] * kernel[a, b]
                    }
                }
            }
        }
        return (dK, dx)
    }

    /// 12.5  the first maximum (strict >) of each window takes its g
    public static func maxPoolBackward(_ image: Matrix, outputGradient: Matrix) throws -> Matrix {
        var result = Matrix(rows: image.rows, columns: image.columns)
        for i in 0..<outputGradient.rows {
            for j in 0..<outputGradient.columns {
                var best = (2 * i, 2 * j)
                for (a, b) in [(0, 0), (0, 1), (1, 0), (1, 1)] where image[2 * i + a, 2 * j + b] > image[best.0, best.1]
                {
                    best = (2 * i + a, 2 * j + b)
                }
                result[best.0, best.1] += outputGradient[i, j]
            }
        }
        return result
    }

    /// 12.6  O·C·kh·kw + O
    public static func convolutionParameterCount(
        inputChannels: Int, outputChannels: Int, kernelHeight: Int, kernelWidth: Int
    ) throws -> Int {
        outputChannels * inputChannels * kernelHeight * kernelWidth + outputChannels
    }

    /// 12.7  γ/(N√(σ² + ε)) (N g − Σg − x̂ Σ g x̂)
    public static func batchNormBackward(_ x: [Double], scale gamma: Double, epsilon: Double, outputGradient: [Double])
        throws -> [Double]
    {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        let variance = x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n
        let root = (variance + epsilon).squareRoot()
        let normalized = x.map { ($0 - mean) / root }
        let sumG = outputGradient.reduce(0, +)
        let sumGX = zip(outputGradient, normalized).reduce(0) { $0 + $1.0 * $1.1 }
        return zip(outputGradient, normalized).map { g, xHat in gamma / (n * root) * (n * g - sumG - xHat * sumGX) }
    }
}
