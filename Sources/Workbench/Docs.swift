import ArgumentParser
import Foundation
import WorkbenchExport
import WorkbenchModel
import WorkbenchScripting

extension Workbench {
    /// `workbench docs`: print a reference, or write editor stubs.
    struct Docs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "docs",
            abstract:
                "Print a reference as Markdown: the model (docs/model.md), the Lua API (docs/lua-api.md) or the exports (docs/export.md).",
            discussion:
                "--luals DIR writes LuaLS ---@meta definition files for editors (add DIR to the Lua language server's workspace.library)."
        )

        /// The references there are.
        enum Topic: String, CaseIterable, ExpressibleByArgument {
            case model, lua, export
        }

        @Argument(help: "model (default), lua or export.")
        var topic: Topic = .model

        @Option(
            name: .long, help: ArgumentHelp("Write LuaLS definition files into this folder instead.", valueName: "dir"))
        var luals: String?

        func run() throws {
            if let luals {
                try FileManager.default.createDirectory(atPath: luals, withIntermediateDirectories: true)
                let stubs = LuaAPIDocs.lualsStubs(try LuaAPIRegistry.load())
                for s in stubs {
                    try s.text.write(
                        toFile: (luals as NSString).appendingPathComponent(s.file), atomically: true, encoding: .utf8)
                }
                StandardStreams.error(
                    "workbench: wrote \(stubs.map(\.file).joined(separator: ", ")) to \(luals); add the folder to workspace.library in .luarc.json"
                )
                return
            }
            switch topic {
            case .model: StandardStreams.write(ModelDocs.markdown())
            case .lua: StandardStreams.write(LuaAPIDocs.markdown(try LuaAPIRegistry.load()))
            case .export: StandardStreams.write(ExportDocs.markdown())
            }
        }
    }
}
