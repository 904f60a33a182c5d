import Foundation

/// The project folder (two levels above this file).
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The `workbench` binary built beside this test bundle.
let workbenchBinary: URL = {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var dir = here.deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("workbench")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return projectRoot.appendingPathComponent(".build/debug/workbench")
}()

/// What a run of the binary produced.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the workbench with `arguments` in `directory` (the project root by default).
func workbench(
    _ arguments: [String], in directory: URL = projectRoot, environment: [String: String] = [:], stdin: String? = nil
) throws -> RunResult {
    let p = Process()
    p.executableURL = workbenchBinary
    p.arguments = arguments
    p.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    p.environment = env
    // output goes to files, so a full pipe can never block the child
    let dir = FileManager.default.temporaryDirectory
    let outURL = dir.appendingPathComponent("wb-out-\(UUID().uuidString)")
    let errURL = dir.appendingPathComponent("wb-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    p.standardOutput = try FileHandle(forWritingTo: outURL)
    p.standardError = try FileHandle(forWritingTo: errURL)
    if let stdin {
        let input = Pipe()
        p.standardInput = input
        try p.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
    } else {
        p.standardInput = FileHandle.nullDevice
        try p.run()
    }
    p.waitUntilExit()
    let outData = try Data(contentsOf: outURL)
    let errData = try Data(contentsOf: errURL)
    return RunResult(
        status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `contents` to `name` in `folder`.
@discardableResult
func write(_ contents: String, to name: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Data(contents.utf8).write(to: url)
    return url
}

/// The shared folder beside the project, when present.
let sharedFolder: URL? = {
    let url = projectRoot.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}()
