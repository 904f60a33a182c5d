import Foundation
import WorkbenchExtraction
import WorkbenchModel
import WorkbenchScripting

/// The parser used for every input (building the lexicon once).
private let parser = ArticleParser(lexicon: try! Lexicon.standard.get(), defaultDate: Day(2026, 1, 30))

/// What the fuzzer feeds: `WORKBENCH_FUZZ_TARGET` = article (default), header, manifest or bundle.
private let target = ProcessInfo.processInfo.environment["WORKBENCH_FUZZ_TARGET"] ?? "article"

/// The broken invariants of one input for the chosen target.
private func problems(_ bytes: [UInt8]) -> [String] {
    switch target {
    case "header": return ShareInvariants.checkHeader(bytes)
    case "manifest": return ShareInvariants.checkManifest(bytes)
    case "bundle": return ShareInvariants.checkBundle(bytes)
    default: return ParserInvariants.check(bytes, parser: parser)
    }
}

/// libFuzzer's entry point: any crash, or a broken invariant, is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let found = problems(Array(UnsafeBufferPointer(start: data, count: size)))
    if !found.isEmpty { fatalError("\(target) invariant broken: " + found.joined(separator: "; ")) }
    return 0
}

#if FUZZING
    /// libFuzzer's driver (linked in by -sanitize=fuzzer).
    @_silgen_name("LLVMFuzzerRunDriver")
    private func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt
#endif

/// Built with `make fuzz` this runs libFuzzer; a normal build replays the files given as arguments.
@main
struct FuzzMain {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, { data, size in fuzzOne(data, size) }))
        #else
            var failed = false
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("\(path): cannot be read")
                    failed = true
                    continue
                }
                let found = problems(Array(data))
                print("\(path): " + (found.isEmpty ? "ok" : found.joined(separator: "; ")))
                failed = failed || !found.isEmpty
            }
            exit(failed ? 1 : 0)
        #endif
    }
}
