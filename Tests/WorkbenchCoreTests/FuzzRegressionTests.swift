import Foundation
import Testing

@testable import WorkbenchExtraction
@testable import WorkbenchModel
@testable import WorkbenchScripting

/// Every input in Tests/Fixtures/fuzz/ (hand-made edge cases, and anything `make fuzz` finds) keeps
/// the parser's invariants: spans inside the text and matching it, sentences that exist, valid JSON.
@Suite struct FuzzRegressionTests {
    static let fixtures: [URL] = files(in: "")

    /// The fixture files of a target's folder (the parser's are at the top).
    static func files(in folder: String) -> [URL] {
        let dir = projectRoot.appendingPathComponent("Tests/Fixtures/fuzz/" + folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { dir.appendingPathComponent($0) }.filter { url in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && !isDir.boolValue
        }
    }

    @Test func thereAreFixtures() {
        #expect(Self.fixtures.count >= 6)
    }

    @Test(arguments: fixtures)
    func invariantsHold(_ file: URL) throws {
        let parser = ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: Day(2026, 1, 30))
        let bytes = try [UInt8](Data(contentsOf: file))
        let problems = ParserInvariants.check(bytes, parser: parser)
        #expect(problems.isEmpty, "\(file.lastPathComponent): \(problems)")
    }

    @Test(arguments: files(in: "header"))
    func headersKeepTheirInvariants(_ file: URL) throws {
        let problems = ShareInvariants.checkHeader(try [UInt8](Data(contentsOf: file)))
        #expect(problems.isEmpty, "\(file.lastPathComponent): \(problems)")
    }

    @Test(arguments: files(in: "manifest"))
    func manifestsKeepTheirInvariants(_ file: URL) throws {
        let problems = ShareInvariants.checkManifest(try [UInt8](Data(contentsOf: file)))
        #expect(problems.isEmpty, "\(file.lastPathComponent): \(problems)")
    }

    @Test(arguments: files(in: "bundle"))
    func bundlesKeepTheirInvariants(_ file: URL) throws {
        let problems = ShareInvariants.checkBundle(try [UInt8](Data(contentsOf: file)))
        #expect(problems.isEmpty, "\(file.lastPathComponent): \(problems)")
    }

    @Test func aBundleThatDoesNotMatchItsManifestIsAFinding() throws {
        // the share checker itself must be able to fail: a good bundle is accepted and matches
        let good = try #require(Self.files(in: "bundle").first { $0.lastPathComponent == "good.wbz" })
        #expect(try ScriptBundle.readBundle(good.path).files["init.lua"] != nil)
    }

    @Test func damagedCompressionIsRefusedBeforeExtraction() throws {
        // ZIPFoundation spins forever on these; the preflight refuses them at once
        let refusals = [
            ("deflate-without-end.wbz", "compressed data is cut short"),
            ("timeout-unknown-method.wbz", "two headers name different compression methods"),
        ]
        for (name, reason) in refusals {
            let file = try #require(Self.files(in: "bundle").first { $0.lastPathComponent == name })
            #expect { try ScriptBundle.readBundle(file.path) } throws: { "\($0)".contains(reason) }
        }
    }

    @Test func aBrokenInvariantIsReported() throws {
        // the checker itself must be able to fail: a span outside the text is caught
        let parser = ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: Day(2026, 1, 30))
        var article = try parser.parse(text: "Headline\n“We will,” Zelensky said.", path: "x.txt")
        article.quotes[0].end = 10_000
        #expect(ParserInvariants.problems(in: article).contains { $0.contains("outside the text") })
    }
}
