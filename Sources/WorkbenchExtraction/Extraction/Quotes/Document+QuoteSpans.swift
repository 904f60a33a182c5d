import WorkbenchModel

/// Quotation marks: which open and close, the spans they enclose, and what kind of quote each is.
extension Document {
    /// The marks' roles inside one paragraph.
    private enum MarkRole { case open, close, ignore }

    /// Where pairing stands: the spans so far, the span a paragraph left open, and the current paragraph's marks.
    private struct Pairing {
        var spans: [QuoteSpan] = []
        /// Index of a span left open at the end of the previous paragraph (a multi-paragraph quote).
        var carry: Int?
        /// The current paragraph, its index, and its open mark, if any.
        var paragraph: Range<Int> = 0..<0
        var index = 0
        var openAt: Int?
        /// The span a quote reopened after a full stop continues (paragraphs merged into one line).
        var pendingChain: Int?
        /// Whether the paragraph already has a warning (one per paragraph).
        var warned = false
        var firstMark = true

        /// Marks `span` as continuing the carried quote when it opens at the paragraph start.
        func continuingCarry(_ span: inout QuoteSpan, openedAt o: Int) {
            if o == paragraph.lowerBound, let c = carry {
                span.continues = spans[c].continues ?? c
                span.block = true
            }
        }
    }

    /// Pairs quotation marks paragraph by paragraph; unbalanced marks degrade only their paragraph.
    func findQuoteSpans() -> [QuoteSpan] {
        isMark = Array(repeating: false, count: tokens.count)
        var state = Pairing()
        for (pi, p) in paragraphs.enumerated() where !p.tokens.isEmpty {
            let roles = markRoles(p.tokens)
            for (k, role) in roles where role != .ignore { isMark[k] = true }
            state.paragraph = p.tokens
            state.index = pi
            state.openAt = nil
            state.pendingChain = nil
            state.warned = false
            state.firstMark = true
            for k in p.tokens {
                guard let role = roles[k], role != .ignore else { continue }
                defer { state.firstMark = false }
                if role == .open { openMark(k, &state) } else { closeMark(k, &state) }
            }
            endParagraph(&state, nextReopens: paragraphOpensWithMark(after: pi))
        }
        return state.spans
    }

    /// An opening mark at `k`: a quote already open ends here (unclosed, or a block going on after a full stop).
    private func openMark(_ k: Int, _ state: inout Pairing) {
        var chain: Int? = nil
        if let o = state.openAt {
            // A new quotation opens before the last one closed. After a full stop this is the
            // multi-paragraph convention (paragraphs merged into one line): the same quote goes on.
            let afterStop = k > state.paragraph.lowerBound && [".", "?", "!", "…", "..."].contains(tokens[k - 1].text)
            var span = QuoteSpan(
                open: o, close: nil, inner: (o + 1)..<k, paragraph: state.index, block: afterStop, continues: nil)
            state.continuingCarry(&span, openedAt: o)
            state.spans.append(span)
            if afterStop {
                chain = state.spans[state.spans.count - 1].continues ?? (state.spans.count - 1)
            } else if !state.warned {
                warn("quotation mark opened here is not closed before the next one opens", at: tokens[o].start)
                state.warned = true
            }
        }
        state.openAt = k
        state.pendingChain = chain
    }

    /// A closing mark at `k`: it ends the open quote, or a continuation paragraph written without its opening mark.
    private func closeMark(_ k: Int, _ state: inout Pairing) {
        if let o = state.openAt {
            var span = QuoteSpan(
                open: o, close: k, inner: (o + 1)..<k, paragraph: state.index, block: false, continues: nil)
            state.continuingCarry(&span, openedAt: o)
            if let c = state.pendingChain {
                span.block = true
                span.continues = c
                state.pendingChain = nil
            }
            state.spans.append(span)
            state.openAt = nil
            state.carry = nil
        } else if state.firstMark, let c = state.carry {
            // continuation written without the opening mark: the paragraph start to here
            state.spans.append(
                QuoteSpan(
                    open: nil, close: k, inner: state.paragraph.lowerBound..<k, paragraph: state.index, block: true,
                    continues: state.spans[c].continues ?? c))
            state.carry = nil
        } else if tokens[k].text == "”" || tokens[k].text == "»" {
            if !state.warned {
                warn("closing quotation mark without an opening one", at: tokens[k].start)
                state.warned = true
            }
        }
    }

    /// The paragraph's end: a quote still open goes on into the next paragraph if that one reopens, else it is
    /// unbalanced.
    private func endParagraph(_ state: inout Pairing, nextReopens: Bool) {
        let pi = state.index
        if let o = state.openAt {
            var span = QuoteSpan(
                open: o, close: nil, inner: (o + 1)..<state.paragraph.upperBound, paragraph: pi, block: false,
                continues: nil)
            state.continuingCarry(&span, openedAt: o)
            if let c = state.pendingChain {
                span.continues = c
                span.block = true
            }
            if nextReopens {
                span.block = true
                state.spans.append(span)
                state.carry = state.spans.count - 1
            } else {
                if !state.warned {
                    warn("quotation mark opened here is not closed in its paragraph", at: tokens[o].start)
                }
                state.spans.append(span)
                state.carry = nil
            }
        } else if state.carry != nil && !(state.spans.last.map { $0.paragraph == pi } ?? false) {
            state.carry = nil
        }
        if state.openAt == nil, let last = state.spans.last, last.paragraph != pi { state.carry = nil }
    }

    /// Whether the next non-empty paragraph after `pi` is body text that starts with an opening mark.
    private func paragraphOpensWithMark(after pi: Int) -> Bool {
        guard let next = paragraphs[(pi + 1)...].first(where: { !$0.tokens.isEmpty }), next.kind == .body else {
            return false
        }
        let t = tokens[next.tokens.lowerBound]
        return t.kind == .quote
            && (t.text == "“" || t.text == "\"" || t.text == "«" || t.text == "„" || t.text == "‘"
                || lexicon.quoteMarks[t.text] != nil)
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
                let open = role == .open || (role == .both && (atStart || !doubleOpen) && glueAfter)
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
    func quoteKind(_ span: QuoteSpan) -> Quote.Kind {
        if span.block || span.continues != nil { return .block }
        guard let o = span.open else { return .block }
        let first = span.inner.isEmpty ? nil : tokens[span.inner.lowerBound]
        if let f = first, f.kind == .word, f.text.unicodeScalars.first?.isLower == true { return .partial }
        if o > 0, sentenceOfToken[o] == sentenceOfToken[o - 1] {
            let prev = tokens[o - 1]
            if prev.kind == .word && !prev.has(.cueForm) && prev.lower != "that" { return .partial }
        }
        return .direct
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
