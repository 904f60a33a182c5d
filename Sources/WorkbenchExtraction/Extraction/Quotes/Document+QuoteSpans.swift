/// Quotation marks: which open and close, the spans they enclose, and what kind of quote each is.
extension Document {
    /// The marks' roles inside one paragraph.
    private enum MarkRole { case open, close, ignore }

    /// Pairs quotation marks paragraph by paragraph; unbalanced marks degrade only their paragraph.
    func findQuoteSpans() -> [QuoteSpan] {
        isMark = Array(repeating: false, count: tokens.count)
        var spans: [QuoteSpan] = []
        var carry: Int? = nil  // index of a span left open at the end of the previous paragraph
        for (pi, p) in paragraphs.enumerated() where !p.tokens.isEmpty {
            let roles = markRoles(p.tokens)
            for (k, role) in roles where role != .ignore { isMark[k] = true }
            var openAt: Int? = nil
            var pendingChain: Int? = nil
            var warned = false
            var firstMark = true
            let nextStartsWithOpen: Bool = {
                guard let next = paragraphs[(pi + 1)...].first(where: { !$0.tokens.isEmpty }), next.kind == "body"
                else { return false }
                let t = tokens[next.tokens.lowerBound]
                return t.kind == .quote
                    && (t.text == "“" || t.text == "\"" || t.text == "«" || t.text == "„" || t.text == "‘"
                        || lexicon.quoteMarks[t.text] != nil)
            }()
            for k in p.tokens {
                guard let role = roles[k], role != .ignore else { continue }
                defer { firstMark = false }
                switch role {
                case .open:
                    var chain: Int? = nil
                    if let o = openAt {
                        // A new quotation opens before the last one closed. After a full stop this is the
                        // multi-paragraph convention (paragraphs merged into one line): the same quote goes on.
                        let afterStop =
                            k > p.tokens.lowerBound && [".", "?", "!", "…", "..."].contains(tokens[k - 1].text)
                        var span = QuoteSpan(
                            open: o, close: nil, inner: (o + 1)..<k, paragraph: pi, block: afterStop, continues: nil)
                        if o == p.tokens.lowerBound, let c = carry {
                            span.continues = spans[c].continues ?? c
                            span.block = true
                        }
                        spans.append(span)
                        if afterStop {
                            chain = spans[spans.count - 1].continues ?? (spans.count - 1)
                        } else if !warned {
                            warn(
                                "quotation mark opened here is not closed before the next one opens",
                                at: tokens[o].start)
                            warned = true
                        }
                    }
                    openAt = k
                    pendingChain = chain
                    if firstMark, let c = carry, k == p.tokens.lowerBound {
                        // continuation paragraph of a multi-paragraph quote (opening mark repeated)
                        _ = c
                    }
                case .close:
                    if let o = openAt {
                        var span = QuoteSpan(
                            open: o, close: k, inner: (o + 1)..<k, paragraph: pi, block: false, continues: nil)
                        if o == p.tokens.lowerBound, let c = carry {
                            span.block = true
                            span.continues = spans[c].continues ?? c
                        }
                        if let c = pendingChain {
                            span.block = true
                            span.continues = c
                            pendingChain = nil
                        }
                        spans.append(span)
                        openAt = nil
                        carry = nil
                    } else if firstMark, let c = carry {
                        // continuation written without the opening mark: the paragraph start to here
                        spans.append(
                            QuoteSpan(
                                open: nil, close: k, inner: p.tokens.lowerBound..<k, paragraph: pi, block: true,
                                continues: spans[c].continues ?? c))
                        carry = nil
                    } else if tokens[k].text == "”" || tokens[k].text == "»" {
                        if !warned {
                            warn("closing quotation mark without an opening one", at: tokens[k].start)
                            warned = true
                        }
                    }
                case .ignore: break
                }
            }
            if let o = openAt {
                // Open at the paragraph end: a multi-paragraph quote if the next paragraph reopens, else unbalanced.
                var span = QuoteSpan(
                    open: o, close: nil, inner: (o + 1)..<p.tokens.upperBound, paragraph: pi, block: false,
                    continues: nil)
                if o == p.tokens.lowerBound, let c = carry {
                    span.continues = spans[c].continues ?? c
                    span.block = true
                }
                if let c = pendingChain {
                    span.continues = c
                    span.block = true
                }
                if nextStartsWithOpen {
                    span.block = true
                    spans.append(span)
                    carry = spans.count - 1
                } else {
                    if !warned {
                        warn("quotation mark opened here is not closed in its paragraph", at: tokens[o].start)
                    }
                    spans.append(span)
                    carry = nil
                }
            } else if carry != nil && !(spans.last.map { $0.paragraph == pi } ?? false) {
                carry = nil
            }
            if openAt == nil, let last = spans.last, last.paragraph != pi { carry = nil }
        }
        return spans
    }

    /// Decides which quote-like tokens of a paragraph open or close a quotation.
    private func markRoles(_ range: Range<Int>) -> [Int: MarkRole] {
        var roles: [Int: MarkRole] = [:]
        var doubleOpen = false
        var singleOpen = false
        for k in range where tokens[k].kind == .quote && roles[k] == nil {
            let t = tokens[k]
            let glueAfter = k + 1 < range.upperBound && !tokens[k + 1].spaceBefore && tokens[k + 1].kind != .punct
            let atStart =
                k == range.lowerBound || tokens[k].spaceBefore || tokens[k - 1].text == "("
                || tokens[k - 1].kind == .dash
            if let role = lexicon.quoteMarks[t.text] {
                let open = role == "open" || (role == "both" && (atStart || !doubleOpen) && glueAfter)
                roles[k] = open ? .open : .close
                doubleOpen = open
                continue
            }
            switch t.text {
            case "“"
            where doubleOpen && !t.spaceBefore && k > range.lowerBound
                && [",", ".", "?", "!"].contains(tokens[k - 1].text)
                && (k + 1 == range.upperBound || tokens[k + 1].spaceBefore):
                // a typo'd closing mark: “It's unusual,“ said …
                roles[k] = .close
                doubleOpen = false
            case "“", "„", "«", "‟":
                roles[k] = .open
                doubleOpen = true
            case "”", "»", "″":
                roles[k] = .close
                doubleOpen = false
            case "\"":
                if atStart && glueAfter {
                    roles[k] = .open
                    doubleOpen = true
                } else if !t.spaceBefore {
                    roles[k] = .close
                    doubleOpen = false
                } else if doubleOpen {
                    roles[k] = .close
                    doubleOpen = false
                } else {
                    roles[k] = .open
                    doubleOpen = true
                }
            case "‘", "'", "‛":
                // single marks quote only inside no double quote, opening before a word, and closed later
                if doubleOpen || singleOpen || !(atStart && glueAfter) {
                    roles[k] = .ignore
                    continue
                }
                if let c = singleClose(after: k, range) {
                    roles[k] = .open
                    roles[c] = .close
                    singleOpen = false
                } else {
                    roles[k] = .ignore
                }
            case "’":
                if roles[k] == nil { roles[k] = .ignore }
            default:
                roles[k] = .ignore
            }
        }
        return roles
    }

    /// The closing single mark for a single opening mark at `k`, if the paragraph has one.
    private func singleClose(after k: Int, _ range: Range<Int>) -> Int? {
        var j = k + 1
        while j < range.upperBound {
            let t = tokens[j]
            if t.kind == .quote && (t.text == "’" || t.text == "'") && !t.spaceBefore {
                let after = j + 1 < range.upperBound ? tokens[j + 1] : nil
                if after == nil || after!.spaceBefore || after!.kind == .punct || after!.kind == .quote {
                    return j - k > 1 ? j : nil
                }
            }
            if t.kind == .quote && (t.text == "“" || t.text == "\"") { return nil }
            j += 1
        }
        return nil
    }

    /// direct, partial or block.
    func quoteKind(_ span: QuoteSpan) -> String {
        if span.block || span.continues != nil { return "block" }
        guard let o = span.open else { return "block" }
        let first = span.inner.isEmpty ? nil : tokens[span.inner.lowerBound]
        if let f = first, f.kind == .word, f.text.unicodeScalars.first?.isLower == true { return "partial" }
        if o > 0, sentenceOfToken[o] == sentenceOfToken[o - 1] {
            let prev = tokens[o - 1]
            if prev.kind == .word && !prev.has(.cueForm) && prev.lower != "that" { return "partial" }
        }
        return "direct"
    }

    /// The paragraph holding token `k`.
    func paragraphOf(_ k: Int) -> Int { sentences[sentenceOfToken[k]].paragraph }

    /// Whether token `k` is inside quotation marks (between an opening and closing mark of its paragraph).
    func isInsideQuote(_ k: Int) -> Bool {
        if !inQuote.isEmpty { return inQuote[k] }
        let p = paragraphs[paragraphOf(k)]
        var open = false
        for j in p.tokens.lowerBound..<k where tokens[j].kind == .quote {
            switch tokens[j].text {
            case "“", "«", "„": open = true
            case "”", "»": open = false
            case "\"": open.toggle()
            default: break
            }
        }
        return open
    }
}
