import DLMath

/// One-line figures for the common cases; each returns a `Plot` that can
/// still be changed (add a layer, a note, a fixed range) before it is written.
///
///     chapter.figure(.lines(title: "Loss", x: "epoch", y: "loss", [Series("train", y: losses)]), name: "loss")
extension Plot {
    /// A line plot of several series, with a legend.
    ///
    ///     .lines(title: "Error vs. step", x: .log("h"), y: .log("|error|"),
    ///            [Series("forward", x: hs, y: forward), Series("central", x: hs, y: central)])
    public static func lines(title: String, x: Axis, y: Axis, _ series: [Series]) -> Plot {
        var plot = Plot(title: title, x: x, y: y)
        for one in series { plot.line(one) }
        return plot
    }

    /// A scatter plot, one colour per class (`classes[i]` ≥ 0 for point i;
    /// nil: one colour). `classNames[k]` names class k in the legend.
    public static func scatter(
        title: String, x: Axis, y: Axis, xValues: [Double], yValues: [Double],
        classes: [Int]? = nil, classNames: [String]? = nil
    ) -> Plot {
        var plot = Plot(title: title, x: x, y: y)
        plot.scatter(x: xValues, y: yValues, classes: classes, classNames: classNames)
        return plot
    }

    /// A histogram of `values`; with `density`, bars are normalised to area
    /// 1 and the density is drawn over them (the y axis then reads "density").
    public static func histogram(
        title: String, x: Axis, y: Axis? = nil, _ values: [Double], bins: Int? = nil,
        density: ((Double) -> Double)? = nil, densityName: String = "density"
    ) -> Plot {
        var plot = Plot(title: title, x: x, y: y ?? Axis(density == nil ? "count" : "density"))
        plot.histogram(values, bins: bins, density: density, densityName: densityName)
        return plot
    }

    /// A heat map of f over `xRange` × `yRange` with contour lines, and
    /// paths (optimizer trajectories) drawn on top.
    public static func contour(
        title: String, x: Axis, y: Axis, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
        levels: [Double]? = nil, valueScale: AxisScale = .linear, paths: [Series] = [],
        _ function: (Double, Double) -> Double
    ) -> Plot {
        var plot = Plot(title: title, x: x, y: y)
        plot.function(x: xRange, y: yRange, levels: levels, valueScale: valueScale, function)
        for path in paths { plot.path(path) }
        return plot
    }

    /// One bar per category (categories under the x axis): see `bars(_:categories:values:color:)`.
    ///
    ///     .bars(title: "Gradient check per layer", x: "layer", y: .log("relative error"),
    ///           categories: ["Linear", "tanh"], values: [3e-9, 2e-10])
    public static func bars(title: String, x: Axis, y: Axis, categories: [String], values: [Double]) -> Plot {
        var plot = Plot(title: title, x: x, y: y)
        plot.bars(categories: categories, values: values)
        return plot
    }

    /// A matrix as a heat map, row 0 at the top, with a colour bar: see
    /// `matrix(_:name:rowLabels:columnLabels:valueScale:showsValues:)`.
    ///
    ///     .matrix(title: "Confusion matrix", x: "predicted", y: "true", counts, valueScale: .log, showsValues: true)
    public static func matrix(
        title: String, x: Axis, y: Axis, _ values: [[Double]], rowLabels: [String]? = nil,
        columnLabels: [String]? = nil, valueScale: AxisScale = .linear, showsValues: Bool = false
    ) -> Plot {
        var plot = Plot(title: title, x: x, y: y)
        plot.matrix(
            values, rowLabels: rowLabels, columnLabels: columnLabels, valueScale: valueScale, showsValues: showsValues)
        return plot
    }

    /// A `Matrix` as a heat map: see `matrix(title:x:y:_:rowLabels:columnLabels:valueScale:showsValues:)`.
    public static func matrix(
        title: String, x: Axis, y: Axis, _ values: Matrix, rowLabels: [String]? = nil,
        columnLabels: [String]? = nil, valueScale: AxisScale = .linear, showsValues: Bool = false
    ) -> Plot {
        matrix(
            title: title, x: x, y: y, values.rowArrays, rowLabels: rowLabels, columnLabels: columnLabels,
            valueScale: valueScale, showsValues: showsValues)
    }
}
