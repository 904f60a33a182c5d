import Foundation
import Testing

/// Progress on standard error: shown on a terminal, absent otherwise.
@Suite struct ProgressCLITests {
    /// Three small articles in a fresh folder.
    private func corpus() throws -> URL {
        let dir = try temporaryFolder()
        for i in 1...3 {
            try write(
                "Title \(i)\n\nRussia launched \(i * 10) drones at Kyiv overnight, the air force said.\n",
                to: "a\(i).txt", in: dir)
        }
        return dir
    }

    @Test func noProgressWhenStandardErrorIsAFile() throws {
        let dir = try corpus()
        let r = try workbench(["parse", "--format", "jsonl", dir.path], environment: ["WORKBENCH_PROGRESS_DELAY": "0"])
        #expect(r.status == 0)
        #expect(!r.stderr.contains("articles"), "got: \(r.stderr)")
    }

    @Test func progressOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("skipped: util-linux's script(1) is not installed, so no pseudo-terminal can be made")
            return
        }
        let dir = try corpus()
        // script(1) gives the command a pseudo-terminal; its standard output goes to /dev/null
        let command =
            "WORKBENCH_PROGRESS_DELAY=0 '\(workbenchBinary.path)' parse --format jsonl '\(dir.path)' > /dev/null"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", command, "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(p.terminationStatus == 0)
        #expect(text.contains("of 3 articles"), "got: \(text.debugDescription)")
        // the line is cleared at the end, so the shell prompt starts on a clean line
        #expect(text.hasSuffix("\r\u{1B}[K"), "got: \(text.debugDescription)")
    }
}
