import Foundation
import Testing

@testable import WorkbenchExtraction

/// The small helpers loading leans on: path splitting, trimming, line ends, concurrent jobs.
@Suite struct LoadingHelperTests {
    @Test(arguments: [
        ("a/b/c.txt", "a/b", "c.txt"), ("c.txt", "", "c.txt"), ("/c.txt", "/", "c.txt"),
        ("/tmp/x/", "/tmp", "x"), ("a//b.txt", "a", "b.txt"),
        ("../shared/corpus/bbc/x.txt", "../shared/corpus/bbc", "x.txt"),
    ])
    func pathsSplitAsNSStringDoes(path: String, folder: String, name: String) {
        let split = Corpus.split(path)
        #expect(split.folder == folder)
        #expect(split.name == name)
        #expect(split.folder == (path as NSString).deletingLastPathComponent)
        #expect(split.name == (path as NSString).lastPathComponent)
    }

    @Test func trimmingScalarsMatchesFoundation() {
        let furniture = CharacterSet.whitespaces.union(.punctuationCharacters).union(.symbols)
        for line in [
            "  — Advertisement — ", "***", "Share this: ", "\t«Read more»\t", "", "plain", "£5 off!", "“quoted”",
        ] {
            let mine = line.trimmingScalars { furniture.contains($0) }
            #expect(mine == line.trimmingCharacters(in: furniture), "\(line)")
        }
    }

    @Test func crAndCRLFLineEndsBecomeLF() throws {
        let bytes = Array("one\r\ntwo\rthree\n\r\nfour".utf8)
        let source = try ArticleReader.decode(bytes, path: "x.txt")
        #expect(source.text == "one\ntwo\nthree\n\nfour")
        #expect(source.notes.contains("CRLF line ends read as LF"))
    }

    @Test func concurrentJobsKeepEachResult() {
        let jobs = ConcurrentJobs()
        let handles = (0..<50).map { n in jobs.add { (0...n).reduce(0, +) } }
        jobs.run()
        #expect(handles.enumerated().allSatisfy { n, h in h.value == n * (n + 1) / 2 })
    }
}
