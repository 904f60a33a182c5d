import Foundation
import WorkbenchCore

/// The parser used for every input (building the lexicon once).
private let parser = ArticleParser(lexicon: try! Lexicon.standard.get(), defaultDate: Day(2026, 1, 30))

/// libFuzzer's entry point: any crash, or a broken invariant, is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let problems = ParserInvariants.check(Array(UnsafeBufferPointer(start: data, count: size)), parser: parser)
    if !problems.isEmpty { fatalError("parser invariant broken: " + problems.joined(separator: "; ")) }
    return 0
}

#if FUZZING
/// libFuzzer's driver (linked in by -sanitize=fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                                 _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt
#endif

/// Built with `make fuzz` this runs libFuzzer; a normal build replays the files given as arguments.
@main
struct FuzzMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, { data, size in fuzzArticle(data, size) }))
        #else
        var failed = false
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read"); failed = true; continue
            }
            let problems = ParserInvariants.check(Array(data), parser: parser)
            print("\(path): " + (problems.isEmpty ? "ok" : problems.joined(separator: "; ")))
            failed = failed || !problems.isEmpty
        }
        exit(failed ? 1 : 0)
        #endif
    }
}
