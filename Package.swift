// swift-tools-version:6.2
//
// The Swift companion to "the mathematics of deep learning".
//
// One package, no dependencies beyond the Swift toolchain:
//   DLMath          the shared math module (Sources/DLMath)
//   DLPresentation  narration, tables and figures for the chapters (Sources/DLPresentation)
//   chNN            one executable per chapter (Chapters/NN-Name)
//   formulas        checks every formula of the book numerically (Chapters/Formulas)
//   exercises       the reader's exercise loop (Exercises/)
import PackageDescription

/// The chapters: executable product name and folder under `Chapters/`.
let chapters: [(name: String, folder: String)] = [
    ("ch01", "01-LinearAlgebra"),
    ("ch02", "02-Derivatives"),
    ("ch03", "03-Probability"),
    ("ch04", "04-InformationTheory"),
    ("ch05", "05-Activations"),
    ("ch06", "06-Losses"),
    ("ch07", "07-ForwardPropagation"),
    ("ch08", "08-Backpropagation"),
    ("ch09", "09-GradientDescent"),
    ("ch10", "10-Optimizers"),
    ("ch11", "11-Training"),
    ("ch12", "12-ConvolutionalNetworks"),
    ("ch13", "13-RecurrentNetworks"),
    ("ch14", "14-Attention")
]

/// `01-LinearAlgebra` → `linear-algebra`: each chapter also runs under its long name
/// (`swift run linear-algebra` is `swift run ch01`).
func longName(_ folder: String) -> String {
    var name = ""
    for character in folder.drop(while: { $0 != "-" }).dropFirst() {
        if character.isUppercase && !name.isEmpty { name += "-" }
        name += character.lowercased()
    }
    return name
}

/// Optimise for the machine that builds: the matrix-product kernel needs FMA,
/// which the default x86-64 target lacks. `-fno-math-errno` lets `squareRoot()`
/// be the square-root instruction, on SIMD vectors too (with errno it is a call
/// to the C library's `sqrt` per lane; the value is the same, correctly rounded).
/// Release builds on Linux only, so that macOS and other platforms build with
/// the toolchain's defaults; and only with the `NativeCPU` trait, on by default.
///
/// A package that depends on DLMath gets the same fast kernel, compiled for
/// the CPU of the machine that builds it (SwiftPM 6.2 and later accept
/// `unsafeFlags` in a dependency whose manifest is tools-version 6.2). A
/// binary meant for other machines turns the trait off (`traits: []` in the
/// dependent's entry for this package, as the README shows), or
/// `swift build -c release --disable-default-traits` here. That build uses
/// the portable x86-64 target (SSE2, no FMA), and the product kernel is
/// several times slower (`Benchmarks/README.md`).
let nativeCPU: [SwiftSetting] = [
    .unsafeFlags(
        ["-target-cpu", "native", "-Xcc", "-fno-math-errno"],
        .when(platforms: [.linux], configuration: .release, traits: ["NativeCPU"]))
]

/// Each chapter as an executable under its short and its long name.
let chapterProducts: [Product] =
    chapters.map { Product.executable(name: $0.name, targets: [$0.name]) }
    + chapters.map { Product.executable(name: longName($0.folder), targets: [$0.name]) }

/// Each chapter's executable target.
let chapterTargets: [Target] = chapters.map {
    Target.executableTarget(
        name: $0.name, dependencies: ["DLMath", "DLPresentation"],
        path: "Chapters/\($0.folder)", exclude: ["README.md"])
}

let package = Package(
    name: "DeepLearningMath",
    products: [
        .library(name: "DLMath", targets: ["DLMath"]),
        .executable(name: "formulas", targets: ["formulas"]),
        .executable(name: "exercises", targets: ["exercises"]),
        .executable(name: "benchmarks", targets: ["benchmarks"])
    ] + chapterProducts,
    traits: [
        .trait(
            name: "NativeCPU",
            description:
                "Compile DLMath for the building machine's CPU in Linux release builds (the FMA product kernel)."),
        .default(enabledTraits: ["NativeCPU"])
    ],
    targets: [
        .target(
            name: "DLMath", path: "Sources/DLMath",
            exclude: ["Resources/README.md"],
            resources: [.copy("Resources/digits.csv"), .copy("Resources/iris.csv")],
            swiftSettings: nativeCPU),
        .target(
            name: "DLPresentation", dependencies: ["DLMath"], path: "Sources/DLPresentation",
            exclude: ["Plot/README.md"]),

        .target(
            name: "FormulaCatalog", dependencies: ["DLMath", "DLPresentation"],
            path: "Chapters/Formulas/Catalog"),
        .executableTarget(
            name: "formulas", dependencies: ["FormulaCatalog", "DLPresentation"],
            path: "Chapters/Formulas/Command"),

        .target(name: "ExerciseKit", dependencies: ["DLMath"], path: "Exercises/Kit"),
        .target(name: "Workbook", dependencies: ["ExerciseKit", "DLMath"], path: "Exercises/Workbook"),
        .target(name: "Solutions", dependencies: ["ExerciseKit", "DLMath"], path: "Exercises/Solutions"),
        .target(
            name: "ExerciseCatalog", dependencies: ["ExerciseKit", "Workbook", "Solutions"],
            path: "Exercises/Catalog"),
        .executableTarget(
            name: "exercises", dependencies: ["ExerciseCatalog", "ExerciseKit", "DLPresentation"],
            path: "Exercises/Checker"),

        .executableTarget(
            name: "benchmarks", dependencies: ["DLMath"], path: "Benchmarks",
            exclude: ["README.md", "training_numpy.py", "chapter_networks_numpy.py"]),

        .testTarget(
            name: "CompanionTests",
            dependencies: [
                "DLMath", "DLPresentation", "FormulaCatalog", "ExerciseKit",
                "ExerciseCatalog", "Workbook", "Solutions"
            ],
            path: "Tests/CompanionTests",
            exclude: ["Programs/PinnedOutput"])
    ] + chapterTargets,
    swiftLanguageModes: [.v6]
)
