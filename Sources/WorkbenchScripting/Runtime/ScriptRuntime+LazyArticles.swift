import Foundation
import WorkbenchModel

/// Which inputs of a large corpus are readable articles (learnt as they are parsed), and the most
/// recently parsed batches, so `workbench.articles[i]` parses on demand with bounded memory.
final class LazyArticleIndex {
    /// Input index of each readable article, in order, for the inputs read so far.
    var dense: [Int] = []
    /// Inputs read so far.
    var scanned = 0
    /// Recently parsed articles by their position in `dense` (1-based, as Lua counts).
    var cache: [Int: Article] = [:]
    /// Positions in the order they were cached, to forget the oldest.
    var order: [Int] = []
}

/// `workbench.articles` for corpora above the eager limit: a list whose items are parsed when used.
extension ScriptRuntime {
    /// Pushes the lazy list (built by the prelude's `workbench._lazy_articles`).
    func pushLazyArticles() -> Int32 {
        let index = LazyArticleIndex()
        lazyArticles = index
        lua.getGlobal("workbench")
        lua.getField("_lazy_articles", in: -1)
        lua.rotate(-2, 1)
        lua.pop()
        lua.push(function: { [unowned self] l in
            let k = try l.checkInteger(1)
            guard let a = self.lazyArticle(k) else {
                l.pushNil()
                return 1
            }
            self.push(article: a)
            return 1
        })
        lua.push(function: { [unowned self] l in
            self.scanLazy(untilCount: Int.max)
            l.push(self.lazyArticles?.dense.count ?? 0)
            return 1
        })
        // a plain call: _lazy_articles only builds a table
        do { try state.call(nargs: 2, nresults: 1) } catch { lua.pushNil() }
        return 1
    }

    /// The article at 1-based position `k` among the readable inputs, parsing its batch if needed.
    private func lazyArticle(_ k: Int) -> Article? {
        guard let index = lazyArticles, k >= 1 else { return nil }
        if let a = index.cache[k] { return a }
        if k > index.dense.count { scanLazy(untilCount: k) }
        if let a = index.cache[k] { return a }
        guard k <= index.dense.count, let corpus else { return nil }
        // read again: parse the batch starting here (the cache forgot it)
        let end = min(index.dense.count, k - 1 + corpus.batchSize)
        let inputs = Array(index.dense[(k - 1)..<end])
        for (n, entry) in corpus.parse(inputs: inputs).enumerated() {
            if case .article(let a) = entry { remember(a, at: k + n) }
        }
        return index.cache[k]
    }

    /// Parses inputs in batches until `count` readable articles are known (or the corpus ends).
    private func scanLazy(untilCount count: Int) {
        guard let index = lazyArticles, let corpus else { return }
        while index.dense.count < count && index.scanned < corpus.count {
            let end = min(corpus.count, index.scanned + corpus.batchSize)
            let entries = corpus.parseBatch(index.scanned..<end)
            for (n, entry) in entries.enumerated() {
                switch entry {
                case .article(let a):
                    index.dense.append(index.scanned + n)
                    remember(a, at: index.dense.count)
                case .failure(let path, let reason):
                    report(path: path, reason: reason)
                }
            }
            index.scanned = end
        }
    }

    /// Keeps a parsed article, forgetting the oldest beyond two batches.
    private func remember(_ a: Article, at k: Int) {
        guard let index = lazyArticles, let corpus else { return }
        if index.cache[k] == nil { index.order.append(k) }
        index.cache[k] = a
        let limit = 2 * corpus.batchSize
        if index.order.count > limit {
            for old in index.order.prefix(index.order.count - limit) { index.cache[old] = nil }
            index.order.removeFirst(index.order.count - limit)
        }
    }
}
