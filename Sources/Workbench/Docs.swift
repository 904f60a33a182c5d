import ArgumentParser
import WorkbenchCore

extension Workbench {
    /// `workbench docs`: print the model reference.
    struct Docs: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the model reference (Markdown), as in docs/model.md.")

        func run() {
            print(ModelDocs.markdown(), terminator: "")
        }
    }
}
