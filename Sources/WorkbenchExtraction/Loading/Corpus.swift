import Dispatch
import Foundation
import WorkbenchModel

/// Articles from the command line's paths, parsed in parallel in bounded batches, delivered in order.
///
/// Memory stays bounded by one batch however large the corpus is; the order is the order of the
/// paths (folders sorted), so output is the same on any number of cores.
package final class Corpus: @unchecked Sendable {
    /// What one input yields: an article, or the reason it could not be read.
    package enum Entry: Sendable {
        case article(Article)
        case failure(path: String, reason: String)
    }

    package let items: [InputWalker.Item]
    /// The paths as given.
    package let paths: [String]
    package let parser: ArticleParser
    package let maxBytes: Int
    /// Articles parsed per batch (a multiple of the core count).
    package let batchSize: Int
    /// Parse on one thread (for comparisons and debugging).
    package let serial: Bool
    /// Shows how far a long run has got (set when standard error is a terminal).
    package var progress: ProgressMeter?
    /// `INDEX.tsv` metadata per folder, read once.
    private let indexes: [String: [String: [String: String]]]
    /// The folders given, longest first (ids of files in their subfolders include the subfolder).
    private let folderRoots: [String]

    /// - Parameters:
    ///   - paths: files and folders as given.
    ///   - parser: the parser (lexicon and default date).
    ///   - shard: `(k, n)` keeps the k-th of n contiguous slices of the inputs (1-based), for array jobs.
    /// Where slice `k` of `count` ends among `n` items (`n·k/count`, without overflow for any shard count).
    static func sliceBound(_ n: Int, _ k: Int, _ count: Int) -> Int {
        let product = n.multipliedFullWidth(by: k)
        return count.dividingFullWidth((product.high, product.low)).quotient
    }

    package init(
        paths: [String], parser: ArticleParser, maxBytes: Int = ArticleReader.defaultMaxBytes,
        shard: (index: Int, count: Int)? = nil, serial: Bool = false
    ) {
        self.paths = paths
        var items = InputWalker.expand(paths)
        if let shard, shard.count > 1 {
            // contiguous slices, so shard k's articles come before shard k+1's: merged lists keep corpus order
            let n = items.count
            items = Array(
                items[Self.sliceBound(n, shard.index - 1, shard.count)..<Self.sliceBound(n, shard.index, shard.count)])
        }
        self.items = items
        self.parser = parser
        self.maxBytes = maxBytes
        self.serial = serial
        self.batchSize = max(8, ProcessInfo.processInfo.activeProcessorCount * 64)
        var indexes: [String: [String: [String: String]]] = [:]
        for case .file(let path) in items {
            let folder = Self.split(path).folder
            if indexes[folder] == nil { indexes[folder] = FolderIndex.read(folder: folder) }
        }
        self.indexes = indexes
        var roots: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue {
                roots.append(p.hasSuffix("/") ? p : p + "/")
            }
        }
        self.folderRoots = roots.sorted { $0.count > $1.count }
    }

    /// A file path's folder and name, as `NSString`'s `deletingLastPathComponent` and `lastPathComponent` read
    /// them ("a/b/c.txt" is "a/b" and "c.txt", "c.txt" is "" and "c.txt", "/c.txt" is "/" and "c.txt").
    static func split(_ path: String) -> (folder: String, name: String) {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return ("", String(p)) }
        let name = String(p[p.index(after: slash)...])
        var folder = p[..<slash]
        while folder.count > 1 && folder.hasSuffix("/") { folder = folder.dropLast() }
        return (folder.isEmpty ? "/" : String(folder), name)
    }

    /// Number of inputs (files and unusable paths).
    package var count: Int { items.count }

    /// Parses one input.
    package func entry(_ item: InputWalker.Item) -> Entry {
        switch item {
        case .problem(let path, let reason):
            return .failure(path: path, reason: reason)
        case .file(let path):
            do {
                var source = try ArticleReader.read(path: path, maxBytes: maxBytes)
                let (folder, name) = Self.split(path)
                if let meta = indexes[folder]?[name] {
                    for (k, v) in meta where source.frontMatter[k] == nil { source.frontMatter[k] = v }
                    if meta["date"] != nil && source.frontMatter["date"] == meta["date"] {
                        source.frontMatter["date_source"] = source.frontMatter["date_source"] ?? "index"
                    }
                }
                var article = parser.parse(source)
                // in a folder with subfolders the file name alone repeats (bbc/business/001, bbc/sport/001):
                // the id is the path below the folder given
                if let id = nestedID(path) { article.id = id }
                return .article(article)
            } catch let e as WorkbenchError {
                if case .badInput(_, let reason) = e { return .failure(path: path, reason: reason) }
                return .failure(path: path, reason: e.description)
            } catch {
                return .failure(path: path, reason: "\(error)")
            }
        }
    }

    /// The id of a file found in a subfolder of a folder given on the command line ("business/001"), or nil.
    private func nestedID(_ path: String) -> String? {
        for root in folderRoots where path.hasPrefix(root) {
            let relative = String(path.dropFirst(root.count))
            guard relative.contains("/") else { return nil }
            return relative.hasSuffix(".txt") ? String(relative.dropLast(4)) : relative
        }
        return nil
    }

    /// Calls `body` with every entry in input order; the next batch is parsed on all cores while `body` runs.
    /// - Parameter body: return false to stop early.
    package func forEach(_ body: (Entry) throws -> Bool) rethrows {
        try forEach(transform: { $0 }, body)
    }

    /// Calls `body` with `transform` of every entry, in input order. `transform` runs in the parallel workers
    /// (for per-article work that needs no shared state, such as writing JSON); `body` runs on the calling
    /// thread, behind the parsing, so at most three batches are in memory.
    /// - Parameters:
    ///   - transform: per-entry work done by the workers.
    ///   - body: return false to stop early.
    package func forEach<T: Sendable>(transform: @escaping @Sendable (Entry) -> T, _ body: (T) throws -> Bool) rethrows
    {
        guard !items.isEmpty else { return }
        defer { progress?.finish() }
        if serial {
            for item in items {
                if try !body(transform(entry(item))) { return }
                progress?.advance()
            }
            return
        }
        // two batches are parsed ahead of the one being consumed, so the cores never wait for a batch boundary
        var ahead: [Pending<[T]>] = []
        var next = 0
        func startNext() {
            guard next < items.count else { return }
            let range = next..<min(items.count, next + batchSize)
            ahead.append(Pending { await self.parseConcurrently(range, transform) })
            next = range.upperBound
        }
        startNext()
        startNext()
        while !ahead.isEmpty {
            let batch = ahead.removeFirst().wait()
            startNext()
            for e in batch {
                if try !body(e) { return }
                progress?.advance()
            }
        }
    }

    /// Parses the inputs at `indices` (in that order), in parallel unless `serial`.
    package func parse(inputs indices: [Int]) -> [Entry] {
        if serial || indices.count == 1 { return indices.map { entry(items[$0]) } }
        return Pending { await self.parseConcurrently(indices, { $0 }) }.wait()
    }

    /// Parses `range` of the inputs, in parallel unless `serial`.
    /// The progress line counts these inputs as done (and goes when the last is parsed).
    package func parseBatch(_ range: Range<Int>) -> [Entry] {
        let entries = parse(inputs: Array(range))
        progress?.advance(range.count)
        if range.upperBound >= items.count { progress?.finish() }
        return entries
    }

    /// Parses the inputs at `indices` with a task group: small chunks, so a long article does not hold up a core.
    private func parseConcurrently<C: Collection<Int> & Sendable, T: Sendable>(
        _ indices: C, _ transform: @escaping @Sendable (Entry) -> T
    ) async -> [T] {
        let positions = Array(indices)
        let chunk = max(1, positions.count / (ProcessInfo.processInfo.activeProcessorCount * 4))
        return await withTaskGroup(of: (Int, [T]).self) { group in
            var from = 0
            while from < positions.count {
                let slice = from..<min(positions.count, from + chunk)
                group.addTask { (slice.lowerBound, slice.map { transform(self.entry(self.items[positions[$0]])) }) }
                from = slice.upperBound
            }
            var results = [T?](repeating: nil, count: positions.count)
            for await (at, values) in group {
                for (n, v) in values.enumerated() { results[at + n] = v }
            }
            return results.map { $0! }
        }
    }
}

/// The result of async work started from synchronous code, waited for on the calling thread.
///
/// The command-line entry points are synchronous (and Lua runs on the calling thread), so parsing runs as a
/// detached task on Swift's cooperative pool and the caller blocks only when it needs the batch.
final class Pending<T: Sendable>: @unchecked Sendable {
    private var value: T?
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` at once.
    init(_ work: @escaping @Sendable () async -> T) {
        Task.detached(priority: .userInitiated) {
            self.value = await work()
            self.done.signal()
        }
    }

    /// Waits for the result (call once).
    func wait() -> T {
        done.wait()
        return value!
    }
}
