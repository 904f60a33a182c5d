import Foundation
import WorkbenchExtraction
import WorkbenchLua
import WorkbenchModel

/// Articles in Lua: `workbench.articles`, `workbench.each`, `workbench.parse` and `workbench.load`.
extension ScriptRuntime {
    /// Pushes an article as Lua tables (with `text`), linked for citations.
    package func push(article: Article) {
        lua.push(model: article)
        lua.push(article.text)
        lua.setField("text", in: -2)
        // workbench._attach(a): a Lua function, run as a plain call (it only walks tables)
        lua.getGlobal("workbench")
        lua.getField("_attach", in: -1)
        lua.pushValue(at: -3)
        // _attach cannot fail on a well-formed article; a failure here would be a bug in the prelude
        try? state.call(nargs: 1, nresults: 0)
        lua.pop()
    }

    /// Adds articles from more paths (the console's `:load`); returns how many were added.
    package func addInputs(_ paths: [String]) -> Int {
        let more = Corpus(paths: paths, parser: parser, maxBytes: corpus?.maxBytes ?? ArticleReader.defaultMaxBytes)
        let combined = Corpus(paths: (corpus?.paths ?? []) + paths, parser: parser, maxBytes: more.maxBytes)
        corpus = combined
        guard articlesLoaded else { return more.count }
        if lazyArticles != nil { return more.count }  // the lazy list reads the combined corpus as used
        // append to the list already in Lua
        lua.getGlobal("workbench")
        lua.getField("articles", in: -1)
        var n = lua.rawLength(at: -1)
        var added = 0
        more.forEach { e in
            switch e {
            case .article(let a):
                n += 1
                added += 1
                push(article: a)
                lua.setIndex(n, in: -2)
            case .failure(let path, let reason):
                report(path: path, reason: reason)
            }
            return true
        }
        lua.pop(2)
        return added
    }

    /// Reports an input that could not be read.
    func report(path: String, reason: String) {
        failedInputs += 1
        diagnostics("workbench: \(path): \(reason)")
    }

    /// `workbench.parse(text [, name])` → article, or nil and a message.
    func luaParse(_ l: Lua) throws -> Int32 {
        let text = try l.checkString(1)
        let name = try l.optString(2) ?? "(text)"
        // one article's limit, as for files; its model takes many times the text's size
        let limit = corpus?.maxBytes ?? ArticleReader.defaultMaxBytes
        if text.utf8.count > limit {
            l.pushNil()
            l.push(
                "\(name): is \(formatBytes(text.utf8.count)), over the \(formatBytes(limit)) limit for one article (raise it with --max-file-size)"
            )
            return 2
        }
        try state.meter(bytes: text.utf8.count * 8)
        return pushArticle(l) { try parser.parse(text: text, path: name) }
    }

    /// Pushes the parsed article, or nil and the reason it could not be read (Lua's recoverable-failure convention).
    func pushArticle(_ l: Lua, _ parse: () throws -> Article) -> Int32 {
        do {
            push(article: try parse())
            return 1
        } catch {
            l.pushNil()
            l.push("\(error)")
            return 2
        }
    }

    /// `workbench.load(path)` → article, or nil and a message.
    func luaLoad(_ l: Lua) throws -> Int32 {
        let path = try l.checkString(1)
        if let reason = policy.denial(for: path, write: false) { throw LuaRaise("workbench.load: " + reason) }
        return pushArticle(l) { try parser.parse(path: path) }
    }

    /// `workbench.each()` → an iterator over the articles, parsed in order as the loop advances.
    func luaEach(_ l: Lua) throws -> Int32 {
        guard let corpus else {
            l.push(function: { _ in 0 })
            return 1
        }
        var batch: [Corpus.Entry] = []
        var position = 0
        var next = 0
        l.push(function: { [unowned self] l in
            while true {
                if position >= batch.count {
                    guard next < corpus.count else { return 0 }
                    let end = min(corpus.count, next + corpus.batchSize)
                    batch = corpus.parseBatch(next..<end)
                    next = end
                    position = 0
                }
                let e = batch[position]
                batch[position] = .failure(path: "", reason: "")  // release the article once handed over
                position += 1
                switch e {
                case .article(let a):
                    self.push(article: a)
                    return 1
                case .failure(let path, let reason):
                    self.report(path: path, reason: reason)
                }
            }
        })
        return 1
    }

    /// `workbench._load_all()` → every article as a List (used by `workbench.articles`).
    func luaLoadAll(_ l: Lua) -> Int32 {
        if let corpus, !articlesLoaded, corpus.count > Self.eagerArticleLimit {
            // a large corpus: a list whose articles are parsed when first used, so memory stays bounded
            articlesLoaded = true
            return pushLazyArticles()
        }
        l.newTable()
        l.setMetatable(named: "workbench.List")
        guard let corpus, !articlesLoaded else { return 1 }
        articlesLoaded = true
        var n = 0
        corpus.forEach { e in
            switch e {
            case .article(let a):
                n += 1
                push(article: a)
                l.setIndex(n, in: -2)
            case .failure(let path, let reason):
                report(path: path, reason: reason)
            }
            return true
        }
        return 1
    }
}
