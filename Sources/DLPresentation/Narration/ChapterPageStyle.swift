extension ChapterPage {
    /// The page's whole style sheet, inline: the system's fonts, a readable
    /// measure, formulas and blocks in monospace, ✓ green and ✗ red. No
    /// `<` or `&` in it, so the page stays well-formed XML.
    static let styleSheet = """
        body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 3rem;
               font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; background: #fff; }
        main p { max-width: 44rem; }
        h1 { font-size: 1.7rem; border-bottom: 3px double #888; padding-bottom: .3rem; }
        h2 { font-size: 1.25rem; margin-top: 2.2rem; }
        h2 .number { color: #666; margin-right: .5rem; }
        nav { display: flex; justify-content: space-between; font-size: .95rem; }
        nav a[rel=next] { margin-left: auto; }
        pre, code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .9rem; }
        pre { overflow-x: auto; }
        pre.formula { margin: .6rem 0 .6rem 2rem; padding: .4rem .8rem; border-left: 3px solid #9ab; background: #f5f8fa; }
        pre.block { margin: .6rem 0 .6rem 1rem; }
        .value { margin: .3rem 0 .3rem 1rem; }
        .check { margin: .5rem 0 .5rem 1rem; padding: .3rem .8rem; border-left: 3px solid #2a8a3a; background: #f4faf5; }
        .check.disagrees { border-left-color: #c0392b; background: #fdf3f2; }
        .check .label { margin: 0; max-width: none; }
        .check .mark { font-weight: bold; color: #2a8a3a; }
        .check.disagrees .mark, .tally.disagrees { color: #c0392b; }
        .check dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .2rem 0 0 1.4rem; }
        .check dt { color: #555; }
        .check dd { margin: 0; }
        .check .detail { margin: .2rem 0 0 1.4rem; }
        table { border-collapse: collapse; }
        table.data { margin: .6rem 0 .6rem 1rem; font-size: .92rem; }
        table.data th, table.data td { padding: .15rem .6rem; border-bottom: 1px solid #ddd; text-align: left; }
        table.data .number { text-align: right; font-variant-numeric: tabular-nums; }
        table.matrix { display: inline-table; vertical-align: middle; border-left: 2px solid #444; border-right: 2px solid #444; }
        table.matrix td { padding: 0 .5rem; text-align: right; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9rem; }
        figure { margin: 1rem 0 1rem 1rem; }
        figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption, .note { font-size: .85rem; color: #555; }
        footer { margin-top: 2rem; border-top: 1px solid #ccc; }
        .tally.agrees { color: #2a8a3a; }
        """
}
