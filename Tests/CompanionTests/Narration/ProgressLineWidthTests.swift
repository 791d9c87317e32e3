import DLMath
import Testing

/// Chapter 11's progress line stays on one terminal row, so "\r" can overwrite it.
@Suite("Progress line width")
struct ProgressLineWidthTests {
    let record = EpochRecord(
        epoch: 12, trainingLoss: 0.04213, validationLoss: 0.05102, trainingAccuracy: 0.984,
        validationAccuracy: 0.972, elapsedSeconds: 0.31)

    @Test("overwriting: every line is width − 1 characters after its carriage return, cut when longer")
    func overwriting() {
        // "epoch  12/100  loss 0.04213  val 0.05102  acc 98.4%  val acc 97.2%  0.31 s" is 74 characters.
        let full = ProgressLine.text(of: record, plannedEpochs: 100)
        #expect(full.count == 74)
        for width in [40, 80, 120] {
            let box = TextBox()
            let line = ProgressLine(overwrites: true, width: width, write: { box.text += $0 })
            line.epochEnded(record, plannedEpochs: 100)
            #expect(box.text.hasPrefix("\r"))
            #expect(box.text.dropFirst().count == width - 1, "width \(width): \(box.text)")
            #expect(box.text.dropFirst().hasPrefix(full.prefix(min(74, width - 1))))
        }
    }

    @Test("plain lines are cut to width − 1 too")
    func plain() {
        let box = TextBox()
        let line = ProgressLine(overwrites: false, width: 40, write: { box.text += $0 })
        line.epochEnded(record, plannedEpochs: 100)
        #expect(box.text.split(separator: "\n").allSatisfy { $0.count <= 39 })
    }
}
