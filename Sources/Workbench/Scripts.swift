import ArgumentParser
import WorkbenchModel
import WorkbenchScripting

extension Workbench {
    /// `workbench scripts`: find, pack, sign and install shared scripts.
    struct Scripts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scripts",
            abstract: "Find, pack, sign and install scripts shared with teammates.",
            discussion: """
                Scripts are found in Scripts/, then the user's library ($XDG_DATA_HOME/workbench/scripts), then folders \
                on WORKBENCH_PATH, then the scripts that ship with the workbench. Shared bundles are signed with Ed25519 \
                keys (keygen, pack --sign); install accepts only bundles signed by keys you trust (trust).
                """,
            subcommands: [List.self, Pack.self, Install.self, Update.self, Keygen.self, Trust.self]
        )

        /// Runs a scripts command, turning its errors into one line and an exit status.
        static func perform(_ body: () throws -> [String]) throws {
            do {
                for line in try body() { print(line) }
            } catch {
                throw ExitCode(ExitStatus.report(error))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "List the scripts on the search path, with who signed them and where they came from.")

            @Option(name: .long, help: "Only scripts in this category.")
            var category: String?

            func run() throws {
                let status = ScriptsCommand.list(category: category)
                if status != 0 { throw ExitCode(status) }
            }
        }

        struct Pack: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "pack",
                abstract:
                    "Pack a script, the modules it requires and its test fixtures into one bundle file (ZIP with checksums), signed with --sign."
            )

            @Argument(help: ArgumentHelp("The script (a path or a name on the search path).", valueName: "script"))
            var script: String

            @Option(
                name: [.customLong("out"), .customShort("o"), .customLong("output")],
                help: ArgumentHelp("The bundle file to write.", valueName: "file"))
            var out: String

            @Option(
                name: .long,
                help: ArgumentHelp(
                    "Sign the bundle with your key of this name (see `scripts keygen`).", valueName: "key"))
            var sign: String?

            func run() throws {
                try Scripts.perform {
                    let m = try ScriptBundle.pack(script: script, to: out, signer: sign)
                    let signed =
                        sign.map { ", signed with key \($0)" }
                        ?? " (unsigned: teammates need --allow-unsigned to install it)"
                    return [
                        "packed \(m.name) \(m.version) (\(m.files.count) file\(m.files.count == 1 ? "" : "s")) into \(out)\(signed)"
                    ]
                }
            }
        }

        struct Install: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "install",
                abstract:
                    "Install scripts into your library from a bundle file, a folder or a git URL, after checking them.",
                discussion: """
                    A bundle must be signed by a key you trust (`workbench scripts trust`), and its files must match its \
                    signed manifest. --allow-unsigned also accepts unsigned bundles and untrusted signers; a signature \
                    that does not match is always refused. Installing another version over an installed script needs --force.
                    """
            )

            @Argument(help: ArgumentHelp("A bundle file, a folder, or a git URL.", valueName: "source"))
            var source: String

            @Flag(name: .long, help: "Replace an installed script of another version.")
            var force = false

            @Flag(
                name: .customLong("allow-unsigned"),
                help: "Accept bundles that are unsigned or signed by a key you do not trust.")
            var allowUnsigned = false

            func run() throws {
                try Scripts.perform {
                    try ScriptBundle.install(source, options: .init(force: force, allowUnsigned: allowUnsigned))
                }
            }
        }

        struct Update: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "update",
                abstract:
                    "Fetch the scripts installed from git repositories again, verify them, and install what changed."
            )

            @Flag(name: .customLong("allow-unsigned"), help: "Accept unsigned bundles and untrusted signers.")
            var allowUnsigned = false

            func run() throws {
                try Scripts.perform { try ScriptBundle.update(options: .init(allowUnsigned: allowUnsigned)) }
            }
        }

        struct Keygen: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "keygen",
                abstract:
                    "Make an Ed25519 key pair for signing bundles, and print its public key line to give teammates.",
                discussion: "Keys are kept in $XDG_CONFIG_HOME/workbench/keys (NAME.key is readable by you only)."
            )

            @Argument(help: ArgumentHelp("The key's name (default: your user name).", valueName: "name"))
            var name: String?

            @Flag(name: .long, help: "Replace an existing key of that name.")
            var force = false

            func run() throws {
                let keyName = name ?? ScriptsCommand.defaultKeyName()
                try Scripts.perform {
                    let key = try ScriptSigning.generate(name: keyName, force: force)
                    StandardStreams.error(
                        "workbench: key \(key.name) (\(key.fingerprint)) saved in \(ScriptSigning.keysFolder()); give teammates the line below for `workbench scripts trust`"
                    )
                    return [key.line]
                }
            }
        }

        struct Trust: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "trust",
                abstract:
                    "Trust a teammate's public key (a key line, or a file of them such as a team's trusted_keys).",
                discussion:
                    "Trusted keys are kept in $XDG_CONFIG_HOME/workbench/trusted_keys. Get a key from its owner, not from the bundle it signs."
            )

            @Argument(
                help: ArgumentHelp(
                    "A public key line (`workbench-ed25519 BASE64 NAME`) or a file of them.", valueName: "key"))
            var key: String

            func run() throws {
                try Scripts.perform { try ScriptSigning.trust(key) }
            }
        }
    }
}
