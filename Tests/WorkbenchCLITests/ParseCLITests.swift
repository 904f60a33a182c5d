import Foundation
import Testing

@Suite struct ParseCLITests {
    static let seed = "seeds/000_735b6c5849dd2fa6.txt"

    @Test func seedParsesToJSONWithEveryContractField() throws {
        let r = try workbench(["parse", "--format", "jsonl", "--date", "2026-01-30", Self.seed])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        for key in [
            "path", "id", "title", "lede", "byline", "source", "date", "paragraphs", "sentences", "quotes", "figures",
            "dates", "parties", "events", "commitments",
        ] {
            #expect(obj.keys.contains(key), "missing \(key)")
        }
        func items(_ k: String) -> [[String: Any]] { (obj[k] as? [[String: Any]]) ?? [] }
        let contract: [String: [String]] = [
            "quotes": ["text", "start", "end", "kind", "speaker", "speaker_mention", "cue", "sentence"],
            "figures": ["text", "start", "end", "value", "unit", "kind", "counted", "sentence"],
            "dates": ["text", "start", "end", "kind", "value", "end_value", "sentence"],
            "parties": ["name", "kind", "role", "affiliation", "aliases", "mentions"],
            "events": [
                "kind", "actor", "target", "target_type", "place", "weapons", "killed", "wounded", "reported_by",
                "when", "text", "sentence",
            ],
            "commitments": [
                "party", "counterparty", "action", "scope", "condition", "window", "status", "text", "sentence",
            ],
        ]
        for (list, fields) in contract {
            #expect(!items(list).isEmpty, "no \(list) in the seed")
            for item in items(list) {
                for f in fields { #expect(item.keys.contains(f), "\(list) item lacks \(f)") }
            }
        }
        // offsets are Unicode scalar offsets into the text
        let text = try String(contentsOf: projectRoot.appendingPathComponent(Self.seed), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        for q in items("quotes") {
            let s = q["start"] as! Int
            let e = q["end"] as! Int
            #expect(String(String.UnicodeScalarView(scalars[s..<e])) == q["text"] as? String)
        }
        #expect(obj["date"] as? String == "2026-01-30")
    }

    @Test func jsonFormatIsOneArray() throws {
        let r = try workbench(["parse", "--format", "json", Self.seed, Self.seed])
        #expect(r.status == 0)
        let arr = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(arr.count == 2)
    }

    @Test func badFilesAreNamedAndTheRunGoesOn() throws {
        let dir = try temporaryFolder()
        try write("", to: "a_empty.txt", in: dir)
        try Data([0x48, 0x69, 0x00, 0x01, 0x02]).write(to: dir.appendingPathComponent("b_binary.txt"))
        try Data([0x48, 0x65, 0x61, 0x64, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A]).write(
            to: dir.appendingPathComponent("c_latin1.txt"))
        try write("<!DOCTYPE html><html><body><p>Hi</p></body></html>", to: "d_page.txt", in: dir)
        try Data([0xEF, 0xBB, 0xBF] + Array("Headline\r\n“Yes,” Putin said.\r\n".utf8)).write(
            to: dir.appendingPathComponent("e_bom_crlf.txt"))
        try write("Headline\nHe said “never closed.\n", to: "f_unbalanced.txt", in: dir)
        let r = try workbench(["parse", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("a_empty.txt: is empty"))
        #expect(r.stderr.contains("b_binary.txt: looks binary"))
        #expect(r.stderr.contains("c_latin1.txt: is not valid UTF-8 (byte 0xE9 at line 2, column 4)"))
        #expect(r.stderr.contains("d_page.txt: looks like HTML"))
        // a corpus's article warnings are summed up in one line; --warnings lists them
        #expect(!r.stderr.contains("f_unbalanced.txt:2:9: warning"))
        #expect(r.stderr.contains("1 warning in 1 of 2 articles"))
        let listed = try workbench(["parse", "--warnings", dir.path])
        #expect(listed.stderr.contains("f_unbalanced.txt:2:9: warning: quotation mark opened here is not closed"))
        let one = try workbench(["parse", dir.appendingPathComponent("f_unbalanced.txt").path])
        #expect(one.stderr.contains("f_unbalanced.txt:2:9: warning: quotation mark opened here is not closed"))
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let bom = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let quotes = try #require(bom["quotes"] as? [[String: Any]])
        #expect(quotes.first?["speaker"] as? String == "Vladimir Putin")
        #expect(quotes.first?["start"] as? Int == 10)
    }

    @Test func usageErrorsExit64() throws {
        #expect(try workbench(["parse"]).status == 64)
        let r = try workbench(["parse", "--date", "2026-02-30", Self.seed])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--date must be a real date"))
    }

    @Test func missingPathIsNamed() throws {
        let r = try workbench(["parse", "no/such/file.txt", Self.seed])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no/such/file.txt: no such file or folder"))
        #expect(r.stdout.split(separator: "\n").count == 1)
    }

    @Test func parallelParsingMatchesOneThreadInOrder() throws {
        // more inputs than one batch, with unreadable ones among them, so batches and order are exercised
        let dir = try temporaryFolder()
        for i in 0..<150 {
            let text =
                i % 37 == 5
                ? ""
                : """
                Strike \(i)
                Russia launched \(i + 3) drones at Kharkiv overnight, officials said. "We will rebuild," Olena Petrenko said of house \(i).
                """
            try write(text, to: String(format: "a%03d.txt", i), in: dir)
        }
        let parallel = try workbench(["parse", "--format", "jsonl", "--date", "2026-01-30", dir.path])
        let serial = try workbench(["parse", "--format", "jsonl", "--date", "2026-01-30", "--serial", dir.path])
        #expect(parallel.status == 2 && serial.status == 2)
        #expect(parallel.stdout == serial.stdout)
        #expect(parallel.stderr == serial.stderr)
        let ids = parallel.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))).flatMap {
                ($0 as? [String: Any])?["id"] as? String
            }
        }
        #expect(ids.count == 150 - 4)
        #expect(ids == ids.sorted())
    }
}
