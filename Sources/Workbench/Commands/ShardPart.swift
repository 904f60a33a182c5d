import Foundation
import WorkbenchModel

/// What a sharded run saves: the script, its arguments, which slice, and its named tallies.
package struct ShardPart {
    package static let format = "workbench-shard"
    /// The most slices a run may be split into.
    package static let maxShards = 1_000_000

    package var script: String
    package var version: String?
    package var path: String
    package var arguments: [String: String]
    package var shard: Int
    package var shards: Int
    package var inputs: Int
    package var failedInputs: Int
    /// Tally name → {counts, sums, lists}.
    package var tallies: [String: Any]

    /// Writes the part as JSON.
    package func write(to path: String) throws {
        var object: [String: Any] = [
            "format": Self.format, "format_version": 1,
            "script": ["name": script, "version": version as Any? ?? NSNull(), "path": self.path],
            "arguments": arguments, "shard": ["index": shard, "count": shards],
            "inputs": inputs, "failed_inputs": failedInputs, "tallies": tallies,
        ]
        object["workbench"] = WorkbenchInfo.version
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Reads a part written by a sharded run.
    /// - Throws: `WorkbenchError.message` naming the file when it is not a shard part.
    package static func read(_ path: String) throws -> ShardPart {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbenchError.message("\(path): cannot be read")
        }
        guard let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any], o["format"] as? String == format,
            let script = o["script"] as? [String: Any], let name = script["name"] as? String,
            let shard = o["shard"] as? [String: Any], let index = shard["index"] as? Int,
            let count = shard["count"] as? Int,
            let tallies = o["tallies"] as? [String: Any]
        else {
            throw WorkbenchError.message("\(path) is not a shard saved by `workbench run --shard K/N --out FILE.json`")
        }
        guard (1...maxShards).contains(count), (1...count).contains(index) else {
            throw WorkbenchError.message(
                "\(path) is damaged: it says it is shard \(index) of \(count), and shards run from 1 to N with N between 1 and \(maxShards)"
            )
        }
        return ShardPart(
            script: name, version: script["version"] as? String, path: script["path"] as? String ?? name,
            arguments: o["arguments"] as? [String: String] ?? [:], shard: index, shards: count,
            inputs: o["inputs"] as? Int ?? 0, failedInputs: o["failed_inputs"] as? Int ?? 0, tallies: tallies)
    }

    /// Checks that parts belong together and orders them; returns warnings (missing shards).
    /// - Throws: `WorkbenchError.usage` when parts come from different scripts, arguments or shard counts, or repeat a shard.
    package static func check(_ parts: [ShardPart]) throws -> (parts: [ShardPart], warnings: [String]) {
        guard let first = parts.first else { throw WorkbenchError.usage("give the shard files to merge") }
        for p in parts.dropFirst() {
            if p.script != first.script || p.version != first.version {
                throw WorkbenchError.usage(
                    "shards come from different scripts: \(first.script) \(first.version ?? "") and \(p.script) \(p.version ?? "")"
                )
            }
            if p.arguments != first.arguments {
                throw WorkbenchError.usage("shards were run with different --arg values; they cannot be added up")
            }
            if p.shards != first.shards {
                throw WorkbenchError.usage(
                    "shards split the corpus differently (\(first.shards) and \(p.shards) slices)")
            }
        }
        let sorted = parts.sorted { $0.shard < $1.shard }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.shard == b.shard {
            throw WorkbenchError.usage("shard \(a.shard)/\(a.shards) is given twice")
        }
        // the missing shards, found without listing all N (N may be large)
        var missing: [Int] = []
        var expected = 1
        for k in sorted.map(\.shard) + [first.shards + 1] {
            while expected < k && missing.count < 10 {
                missing.append(expected)
                expected += 1
            }
            expected = k + 1
        }
        let missingCount = first.shards - sorted.count
        var warnings: [String] = []
        if missingCount > 0 {
            let shown = missing.map(String.init).joined(separator: ", ") + (missingCount > missing.count ? ", …" : "")
            warnings.append(
                "\(missingCount) of \(first.shards) shards are missing (\(shown)): the result covers part of the corpus"
            )
        }
        return (sorted, warnings)
    }
}
