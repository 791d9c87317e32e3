import Foundation

/// Where a training loop reports its progress: told after every epoch and
/// once at the end. Reporters only print (or collect); they never change training.
public protocol TrainingReporter {
    /// Called after epoch `record.epoch` of `plannedEpochs`.
    func epochEnded(_ record: EpochRecord, plannedEpochs: Int)
    /// Called once when training ends (after the last epoch, early stopping included).
    func trainingEnded(_ history: TrainingHistory)
}

/// Reports nothing: for tests and for chapters that print their own summary.
public struct SilentReporter: TrainingReporter {
    /// A reporter that prints nothing.
    public init() {}
    public func epochEnded(_ record: EpochRecord, plannedEpochs: Int) {}
    public func trainingEnded(_ history: TrainingHistory) {}
}

/// One progress line per epoch:
///
///     epoch  12/100  loss 0.04213  val 0.05102  acc 98.4%  val acc 97.2%  0.31 s
///
/// On a terminal (`isatty(1)`: standard output is a terminal) each line
/// overwrites the previous one with a carriage return, and the last stays;
/// otherwise (a pipe, a file, a test) the lines are printed one after
/// another, every `every`-th epoch plus the first and the last. Accuracy
/// columns appear when the record has them. No line is longer than `width`
/// columns less one (the columns the terminal has), so an overwriting line
/// never wraps onto a second row, which a carriage return could not take back.
public struct ProgressLine: TrainingReporter {
    /// Print every k-th epoch (and always the first and the last) in plain mode.
    public let every: Int
    /// True: overwrite one line with "\r"; false: one line per reported epoch.
    public let overwrites: Bool
    /// The terminal's columns; lines are cut to `width − 1` characters.
    public let width: Int
    /// Where text goes (default: standard output through `print`, flushed).
    private let write: (String) -> Void

    /// - Parameters:
    ///   - every: k ≥ 1, in plain mode the epochs printed are 1, k, 2k, … and the last.
    ///   - overwrites: default `isatty(1) == 1`.
    ///   - width: the terminal's columns (a chapter passes `chapter.width`), at least 2; default 80.
    ///   - write: receives the text exactly as it would be printed (default: standard output).
    public init(every: Int = 1, overwrites: Bool = isatty(1) == 1, width: Int = 80, write: ((String) -> Void)? = nil) {
        precondition(every >= 1, "ProgressLine: every must be >= 1, got \(every)")
        precondition(width >= 2, "ProgressLine: width must be >= 2, got \(width)")
        self.every = every
        self.overwrites = overwrites
        self.width = width
        // Through `print` and its buffer, then flushed: in order with the program's other output.
        self.write =
            write ?? { text in
                print(text, terminator: "")
                fflush(nil)  // all C streams (naming `stdout` is not concurrency-safe in Swift 6)
            }
    }

    public func epochEnded(_ record: EpochRecord, plannedEpochs: Int) {
        let line = String(ProgressLine.text(of: record, plannedEpochs: plannedEpochs).prefix(width - 1))
        if overwrites {
            // Pad so that a shorter line fully covers the one before it, never onto a second row.
            write("\r" + line.padding(toLength: width - 1, withPad: " ", startingAt: 0))
        } else if record.epoch == 1 || record.epoch % every == 0 || record.epoch == plannedEpochs {
            write(line + "\n")
        }
    }

    public func trainingEnded(_ history: TrainingHistory) {
        guard let last = history.last else { return }
        if overwrites {
            write("\n")
        } else if last.epoch != 1 && last.epoch % every != 0 && last.epoch != history.plannedEpochs {
            // Stopped early between two printed epochs.
            write(String(ProgressLine.text(of: last, plannedEpochs: history.plannedEpochs).prefix(width - 1)) + "\n")
        }
        if history.stoppedEarly {
            let restored = history.restoredEpoch.map { "; weights of epoch \($0) restored" } ?? ""
            write("stopped early after epoch \(last.epoch)\(restored)\n")
        }
    }

    /// `epoch  12/100  loss 0.04213  val 0.05102  acc 98.4%  val acc 97.2%  0.31 s`.
    public static func text(of record: EpochRecord, plannedEpochs: Int) -> String {
        let width = String(plannedEpochs).count
        let epoch = String(record.epoch).leftPadded(to: width)
        var parts = [
            "epoch \(epoch)/\(plannedEpochs)", "loss \(formatCompact(record.trainingLoss, significantDigits: 4))"
        ]
        if let validation = record.validationLoss {
            parts.append("val \(formatCompact(validation, significantDigits: 4))")
        }
        if let accuracy = record.trainingAccuracy { parts.append("acc \(percent(accuracy))") }
        if let accuracy = record.validationAccuracy { parts.append("val acc \(percent(accuracy))") }
        parts.append("\(formatFixed(record.elapsedSeconds, decimals: 2)) s")
        return parts.joined(separator: "  ")
    }

    private static func percent(_ fraction: Double) -> String { formatFixed(100 * fraction, decimals: 1) + "%" }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
