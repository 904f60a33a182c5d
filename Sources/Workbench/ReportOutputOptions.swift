import ArgumentParser
import WorkbenchScripting

/// Where and how a report is written: `--out FILE` (its extension picks the format) and `--format`.
struct ReportOutputOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the report here; the extension picks the format (.md, .html, .csv, .json).", valueName: "file"))
    var out: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The report's format: markdown (default on the terminal), html, csv or json.", valueName: "format"))
    var format: String?

    func validate() throws {
        if let format, ReportDocument.Format(name: format) == nil {
            throw ValidationError("--format must be markdown, html, csv or json, not '\(format)'")
        }
        if let out, format == nil, ReportDocument.Format.forFile(out) == nil {
            throw ValidationError(
                "--out \(out): give the file a .md, .html, .csv or .json extension, or choose one with --format")
        }
    }

    /// The chosen format, if given.
    var chosenFormat: ReportDocument.Format? { format.flatMap(ReportDocument.Format.init(name:)) }
}
