import Foundation

extension Chapter {
    /// Writes `plot` as `DIR/name.svg` (DIR from `--figures`, default
    /// `figures/chNN`), creating DIR, and prints the path and any notes
    /// about skipped data. Does nothing with `--no-figures`.
    ///
    ///     var plot = Plot(title: "Unit circle under A", x: "x₁", y: "x₂")
    ///     plot.line("unit circle", x: circleX, y: circleY)
    ///     plot.line("image under A", x: imageX, y: imageY, dashed: true)
    ///     chapter.figure(plot, name: "unit-circle")
    ///     // prints: figure  figures/ch01/unit-circle.svg
    ///
    /// The name must be one plain file name (letters, digits, `-`, `_`, `.`);
    /// nothing is ever written outside DIR. A figure that cannot be drawn or
    /// written is one line on standard error and exit status 1.
    public func figure(_ plot: Plot, name: String) {
        writeFigure(name: name, title: plot.title) { try $0.write(plot, name: name) }
    }

    /// Writes the small multiples `figure` as `DIR/name.svg`: see `figure(_:name:)`.
    public func figure(_ figure: Figure, name: String) {
        writeFigure(name: name, title: figure.title) { try $0.write(figure, name: name) }
    }

    /// Writes the computational graph `graph` as `DIR/name.svg`: see `figure(_:name:)`.
    public func figure(_ graph: ComputationGraphFigure, name: String) {
        writeFigure(name: name, title: graph.title) { try $0.write(graph, name: name) }
    }

    private func writeFigure(
        name: String, title: String, _ write: (FigureWriter) throws -> (path: String, notes: [String])
    ) {
        guard let directory = figuresDirectory else { return }
        do {
            let written = try write(FigureWriter(directory: directory))
            record(.figure(path: written.path, title: title, notes: written.notes))
        } catch {
            exitWithError(program, "figure '\(name)': \(error)")
        }
    }

    /// Prints a terminal chart inline, indented like the rest of the story.
    ///
    ///     chapter.chart(.lines([Series("loss", y: losses)], title: "training loss", yScale: .log))
    ///     chapter.chart(.sparkline(losses, label: "loss"))
    ///     chapter.chart(.heatMap(title: "f(x, y) = x² + 10 y²", x: -2...2, y: -1...1) { x, y in x * x + 10 * y * y })
    ///
    /// A chart that cannot be drawn (empty data) is one line on standard
    /// error and exit status 1.
    public func chart(_ chart: TerminalChart) {
        do {
            block(try chart.render().joined(separator: "\n"))
        } catch {
            exitWithError(program, "chart: \(error)")
        }
    }
}
