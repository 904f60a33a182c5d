import Foundation
import Testing

@testable import WorkbenchModel
@testable import WorkbenchScripting

@Suite struct JSONWriterTests {
    @Test func numbersAndStringsAreValidJSON() throws {
        let w = JSONWriter()
        w.array(nil, count: 7) {
            for v in [0, 7, -30, 1_234_567, Int.max, Int.min] { w.int(v) }
            w.string("quote \" backslash \\ newline \n tab \t bell \u{7} “curly”")
        }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [Any])
        #expect(parsed.count == 7)
        #expect((parsed[0] as? NSNumber)?.intValue == 0)
        #expect((parsed[2] as? NSNumber)?.intValue == -30)
        #expect((parsed[3] as? NSNumber)?.intValue == 1_234_567)
        #expect(String(decoding: w.bytes, as: UTF8.self).contains("\(Int.max),\(Int.min)"))
        #expect(parsed[6] as? String == "quote \" backslash \\ newline \n tab \t bell \u{7} “curly”")
    }
}
