import Foundation

/// Which register tile of C the micro-kernel keeps, chosen for the machine.
///
/// The micro-kernel's accumulators must fit in the CPU's vector registers,
/// or every multiply-add also spills and reloads. On x86-64 a `Lane` is 8
/// Doubles:
///
/// | tile | x86-64 | accumulators | needs |
/// |---|---|---|---|
/// | `fourLanes` | 6 x 32 | 24 AVX-512 registers (of 32) | AVX-512 |
/// | `oneLane` | 6 x 8 | 12 AVX2 registers of 4 Doubles (of 16) | AVX2 |
///
/// With AVX2 only (16 registers of 4 Doubles), the 6 x 32 tile needs 48
/// registers: measured on an AMD EPYC Zen 3 (2.45 GHz, peak 39 GFLOP/s per
/// core, OpenBLAS 37), it ran at 15 GFLOP/s at n = 512, the 6 x 8 tile at
/// 30 or more (`Benchmarks/README.md`). On arm64 a lane is 2 Doubles and the
/// four-lane tile, 6 x 8, fills 24 of the 32 NEON registers.
///
/// Both tiles compute each entry of C as the same chain of multiply-adds
/// over p in order, from +0: the results are the same bits whichever tile
/// runs, so a seeded chapter prints the same numbers on every machine.
extension MatrixProduct {
    /// The register tile of the micro-kernel (see the table above).
    public enum RegisterTile: Sendable, Equatable, CaseIterable {
        /// 6 rows by four lanes (6 x 32 on x86-64, 6 x 8 on arm64): for 32 vector registers.
        case fourLanes
        /// 6 rows by one lane (6 x 8 on x86-64, 6 x 2 on arm64): for 16 vector registers.
        case oneLane

        /// The tile for the CPU this program runs on: `fourLanes` on arm64 and
        /// in the native Linux release build on a CPU with AVX-512 (the flag
        /// `avx512f` in `/proc/cpuinfo`), `oneLane` on every other x86-64
        /// build (AVX2 machines, and the portable SSE2 build, which has 16
        /// registers of 2 Doubles). Read once, at first use.
        public static let forThisMachine: RegisterTile = {
            #if arch(arm64)
                return .fourLanes
            #elseif os(Linux) && arch(x86_64) && !DEBUG && NativeCPU
                return cpuHasAVX512 ? .fourLanes : .oneLane
            #else
                return .oneLane
            #endif
        }()

        /// Whether the first `flags` line of `/proc/cpuinfo` lists `avx512f`
        /// (AVX-512 Foundation); false when the file cannot be read.
        static var cpuHasAVX512: Bool {
            guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
                let flags = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
            else { return false }
            return flags.split(separator: " ").contains("avx512f")
        }
    }
}
