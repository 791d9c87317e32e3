import DLMath
import ExerciseKit
import Foundation
import Testing

/// The chapter 12 checks catch the mistakes a reader is likely to make.
@Suite("Chapter 12 exercise checks")
struct Chapter12ExerciseChecksTests {
    /// Plausible wrong answers, one per exercise.
    enum Mistakes: Chapter12Exercises {
        /// Pads only one side: (n + p − k)/s + 1.
        static func outputSize(input n: Int, kernel k: Int, padding p: Int, stride s: Int) throws -> Int {
            (n + p - k) / s + 1
        }
        /// Flips the kernel: a true convolution instead of the cross-correlation.
        static func correlate(_ image: Matrix, kernel: Matrix) throws -> Matrix {
            Matrix(rows: image.rows - kernel.rows + 1, columns: image.columns - kernel.columns + 1) { i, j in
                var sum = 0.0
                for a in 0..<kernel.rows {
                    for b in 0..<kernel.columns {
                        sum += kernel[kernel.rows - 1 - a, kernel.columns - 1 - b] * image[i + a, j + b]
                    }
                }
                return sum
            }
        }
        /// Reads each window column by column.
        static func im2col(_ image: Matrix, kernel k: Int) throws -> Matrix {
            let ow = image.columns - k + 1
            return Matrix(rows: (image.rows - k + 1) * ow, columns: k * k) { r, c in
                image[r / ow + c % k, r % ow + c / k]
            }
        }
        /// Overwrites instead of adding where windows overlap.
        static func correlateBackward(_ image: Matrix, kernel: Matrix, outputGradient: Matrix) throws -> (
            kernel: Matrix, image: Matrix
        ) {
            var dK = Matrix(rows: kernel.rows, columns: kernel.columns),
                dx = Matrix(rows: image.rows, columns: image.columns)
            for i in 0..<outputGradient.rows {
                for j in 0..<outputGradient.columns {
                    for a in 0..<kernel.rows {
                        for b in 0..<kernel.columns {
                            dK[a, b] += outputGradient[i, j] * image[i + a, j + b]
                            dx[i + a, j + b] = outputGradient[i, j] * kernel[a, b]
                        }
                    }
                }
            }
            return (dK, dx)
        }
        /// Spreads g over the window like average pooling.
        static func maxPoolBackward(_ image: Matrix, outputGradient: Matrix) throws -> Matrix {
            Matrix(rows: image.rows, columns: image.columns) { u, v in outputGradient[u / 2, v / 2] / 4 }
        }
        /// Forgets the biases.
        static func convolutionParameterCount(
            inputChannels: Int, outputChannels: Int, kernelHeight: Int, kernelWidth: Int
        ) throws -> Int {
            outputChannels * inputChannels * kernelHeight * kernelWidth
        }
        /// Treats μ and σ² as constants: γ g/√(σ² + ε).
        static func batchNormBackward(_ x: [Double], scale gamma: Double, epsilon: Double, outputGradient: [Double])
            throws -> [Double]
        {
            let n = Double(x.count), mean = x.reduce(0, +) / n
            let variance = x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n
            return outputGradient.map { gamma * $0 / (variance + epsilon).squareRoot() }
        }
    }

    @Test("every wrong answer fails its check with expected vs got")
    func mistakesFail() {
        expectEveryExerciseFails(Chapter12Checks.exercises(Mistakes.self))
    }
}
