import Foundation
import Testing

/// `run --shard K/N` and `merge`: slices of a corpus add up to the single run.
@Suite struct ShardCLITests {
    /// A small corpus: the seed plus short articles with quotes and a strike each.
    private func corpus() throws -> URL {
        let dir = try temporaryFolder()
        let seed = try String(
            contentsOf: projectRoot.appendingPathComponent("seeds/000_735b6c5849dd2fa6.txt"), encoding: .utf8)
        try write(seed, to: "a00.txt", in: dir)
        let speakers = ["Olena Petrenko", "Dmitry Peskov", "Ivan Fedorov", "Kaja Kallas", "Olena Petrenko"]
        for (i, who) in speakers.enumerated() {
            let text = """
                Strike on Kharkiv \(i)
                Russia launched \(10 + i) drones at Kharkiv overnight, the Ukrainian air force said on Monday.
                "We will rebuild," \(who) said. "Nobody will leave."
                """
            try write(text, to: "a\(i + 1).txt", in: dir)
        }
        return dir
    }

    @Test func shardsMergeToTheSingleRun() throws {
        let dir = try corpus()
        let single = try workbench(["run", "Scripts/tally.lua", dir.path, "--date", "2026-01-30"])
        #expect(single.status == 0, "\(single.stderr)")
        #expect(single.stdout.contains("Tally of 6 articles"))
        var parts: [String] = []
        for k in 1...4 {
            let part = dir.appendingPathComponent("part\(k).json").path
            let r = try workbench([
                "run", "Scripts/tally.lua", dir.path, "--date", "2026-01-30", "--shard", "\(k)/4", "--out", part,
            ])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.isEmpty)
            parts.append(part)
        }
        let merged = try workbench(["merge"] + parts.reversed())
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == single.stdout)
        #expect(merged.stderr.contains("merged 4 of 4 shards (6 inputs)"))
    }

    @Test func missingOrRepeatedShardsAreNamed() throws {
        let dir = try corpus()
        for k in 1...2 {
            let r = try workbench([
                "run", "Scripts/tally.lua", dir.path, "--shard", "\(k)/3", "--out",
                dir.appendingPathComponent("p\(k).json").path,
            ])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let p1 = dir.appendingPathComponent("p1.json").path
        let p2 = dir.appendingPathComponent("p2.json").path
        let partial = try workbench(["merge", p1, p2])
        #expect(partial.status == 2)
        #expect(partial.stderr.contains("1 of 3 shards are missing (3)"))
        let twice = try workbench(["merge", p1, p1])
        #expect(twice.status == 64)
        #expect(twice.stderr.contains("shard 1/3 is given twice"))
        let notAPart = try write("{}", to: "x.json", in: dir)
        let bad = try workbench(["merge", notAPart.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("x.json is not a shard"))
    }

    @Test func shardOptionsAreChecked() throws {
        let noOut = try workbench(["run", "Scripts/tally.lua", "--shard", "1/2"])
        #expect(noOut.status == 64)
        #expect(noOut.stderr.contains("--shard needs --out FILE.json"))
        let outOfRange = try workbench(["run", "Scripts/tally.lua", "--shard", "3/2", "--out", "/tmp/x.json"])
        #expect(outOfRange.status == 64)
        #expect(outOfRange.stderr.contains("--shard must be K/N"))
    }

    @Test func aScriptWithoutFinishCannotBeSharded() throws {
        let dir = try corpus()
        let script = try write(
            "local n = workbench.tally('n')\nfor a in workbench.each() do n:add('articles') end\nprint(n:count('articles'))\n",
            to: "loop.lua", in: dir)
        let r = try workbench([
            "run", script.path, dir.path, "--shard", "1/2", "--out", dir.appendingPathComponent("p.json").path,
        ])
        #expect(r.status == 1)
        #expect(r.stderr.contains("defines no finish() function"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("p.json").path))
    }

    @Test func tallyWritesAnHTMLPage() throws {
        let dir = try corpus()
        let out = dir.appendingPathComponent("tally.html")
        let r = try workbench(["run", "Scripts/tally.lua", dir.path, "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("Olena Petrenko"))
        #expect(html.contains("Tally of 6 articles"))
    }
}
