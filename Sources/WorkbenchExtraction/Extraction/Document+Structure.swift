import Foundation
import WorkbenchModel

/// Paragraphs, headline, byline, source line and sentences.
extension Document {
    /// What the structure pass found besides paragraphs.
    struct Header {
        var title: String?
        var byline: String?
        var source: String?
        var dateline: String?
    }

    /// Splits the body (from `bodyStart`) into paragraphs, classifies them, tokenizes and splits sentences.
    func readStructure(bodyStart: Int) -> Header {
        var header = Header()
        let lines = self.lines(from: bodyStart)
        var paras = groupParagraphs(lines)
        // Drop boilerplate.
        paras.removeAll { isBoilerplate(text($0.start, $0.end)) }
        // Headline: the first line.
        var result: [ParagraphInfo] = []
        for (i, p) in paras.enumerated() {
            var kind: Paragraph.Kind = i == 0 ? .headline : .body
            let t = text(p.start, p.end)
            if i > 0 && header.byline == nil, let by = byline(t) {
                kind = .byline
                header.byline = by
            } else if i > 0, let prev = result.last, prev.kind == .byline, header.source == nil, isShortLine(t) {
                kind = .source
                header.source = t.trimmingCharacters(in: .whitespaces).trimmingTrailing(".")
            }
            result.append(ParagraphInfo(start: p.start, end: p.end, kind: kind, tokens: 0..<0))
        }
        if let h = result.first, h.kind == .headline { header.title = text(h.start, h.end) }
        // Tokenize headline and body, then split sentences.
        tokens.reserveCapacity(buf.count / 5)
        for i in result.indices where result[i].kind == .headline || result[i].kind == .body {
            let from = tokens.count
            lexicon.tokenizer.tokenize(buf, from: result[i].start, to: result[i].end, into: &tokens)
            result[i].tokens = from..<tokens.count
        }
        paragraphs = result
        lexicon.flag(&tokens)
        splitSentences()
        if header.source == nil, let lede = paragraphs.first(where: { $0.kind == .body }) {
            header.source = datelineSource(lede)
        }
        return header
    }

    /// Lines of the body as scalar ranges (without the newline), trimmed of surrounding spaces.
    private func lines(from start: Int) -> [(start: Int, end: Int)] {
        var out: [(Int, Int)] = []
        var i = start
        let s = buf.scalars
        while i <= s.count {
            var j = i
            while j < s.count && s[j] != "\n" { j += 1 }
            var a = i
            var b = j
            while a < b && s[a].isSpace { a += 1 }
            while b > a && s[b - 1].isSpace { b -= 1 }
            out.append((a, b))
            i = j + 1
        }
        return out
    }

    /// Groups lines into paragraphs: a line is a paragraph, unless a block of lines is hard-wrapped.
    private func groupParagraphs(_ lines: [(start: Int, end: Int)]) -> [(start: Int, end: Int)] {
        var blocks: [[(start: Int, end: Int)]] = [[]]
        for l in lines {
            if l.start == l.end {
                if !(blocks.last!.isEmpty) { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(l)
            }
        }
        var out: [(Int, Int)] = []
        var first = true
        for var block in blocks where !block.isEmpty {
            if first {
                // The headline is always the first line on its own.
                out.append(block.removeFirst())
                first = false
                if block.isEmpty { continue }
            }
            if isHardWrapped(block) {
                out.append((block.first!.start, block.last!.end))
            } else {
                out += block.map { ($0.start, $0.end) }
            }
        }
        return out
    }

    /// Whether a block's lines look wrapped at a fixed width (all short, most of similar length,
    /// and each break falls mid-sentence).
    private func isHardWrapped(_ block: [(start: Int, end: Int)]) -> Bool {
        guard block.count >= 2 else { return false }
        let lengths = block.map { $0.end - $0.start }
        guard let longest = lengths.max(), longest <= 100, longest >= 55 else { return false }
        let body = lengths.dropLast()
        guard body.allSatisfy({ Double($0) >= Double(longest) * 0.6 }) else { return false }
        for k in 0..<(block.count - 1) {
            let last = buf[block[k].end - 1]
            let next = buf[block[k + 1].start]
            // a break after a full stop, or before a quotation mark or dash, starts a new paragraph
            if last == "." || last == "!" || last == "?" || last == "”" || last == ":" { return false }
            if next == "“" || next == "\"" || next == "‘" || next.isDash { return false }
        }
        return true
    }

    /// Whether a line is page furniture ("- Advertisement -").
    private func isBoilerplate(_ line: String) -> Bool {
        // page furniture is short, and has no sentence in it
        guard line.utf8.count <= 140 else { return false }
        let core = line.lowercased().trimmingScalars(where: Self.isFurniture)
        if core.isEmpty { return true }
        if lexicon.boilerplateExact.contains(core) { return true }
        return lexicon.boilerplatePrefixes.contains { core.hasPrefix($0) } && core.count < 120
    }

    /// Whether a scalar is trimmed around a line before it is compared with the boilerplate list: spaces, tabs,
    /// punctuation and symbols (Foundation's whitespaces, punctuationCharacters and symbols sets).
    private static func isFurniture(_ s: Unicode.Scalar) -> Bool {
        if s == "\t" { return true }
        switch s.properties.generalCategory {
        case .spaceSeparator, .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol,
            .otherSymbol:
            return true
        default: return false
        }
    }

    /// The byline's names when the line is one ("By Abdiwahab Ahmed").
    private func byline(_ line: String) -> String? {
        guard line.utf8.count <= 130, line.utf8.first == UInt8(ascii: "B") || line.utf8.first == UInt8(ascii: " ")
        else { return nil }
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("By ") || t.hasPrefix("BY ") else { return nil }
        let rest = t.dropFirst(3).trimmingCharacters(in: .whitespaces)
        let words = rest.split(separator: " ")
        guard !words.isEmpty, words.count <= 12, t.count <= 120, rest.first?.isUppercase == true else { return nil }
        if rest.hasSuffix(".") && words.count > 6 { return nil }
        return rest.trimmingTrailing(".")
    }

    /// A short line without sentence punctuation inside (a source or credit line).
    private func isShortLine(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        return words.count <= 8 && line.count <= 80
            && !line.dropLast().utf8.indices.contains { i in
                line.utf8[i] == UInt8(ascii: ".") && line.utf8.index(after: i) < line.utf8.endIndex
                    && line.utf8[line.utf8.index(after: i)] == UInt8(ascii: " ")
            }
    }

    /// The agency in a dateline such as "KYIV (Reuters) -" or "KYIV, Ukraine (AP) —".
    private func datelineSource(_ lede: ParagraphInfo) -> String? {
        let head = text(lede.start, min(lede.end, lede.start + 80))
        guard let open = head.firstIndex(of: "("), let close = head[open...].firstIndex(of: ")") else { return nil }
        let before = head[..<open]
        guard before.count <= 40, before.uppercased() == before || before.split(separator: ",").count <= 2 else {
            return nil
        }
        let inner = head[head.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        let after = head[head.index(after: close)...].trimmingCharacters(in: .whitespaces)
        guard !inner.isEmpty, inner.count <= 30, let dash = after.unicodeScalars.first, dash.isDash else { return nil }
        return inner
    }

    // MARK: Sentences

    /// Splits every tokenized paragraph into sentences.
    private func splitSentences() {
        sentenceOfToken = Array(repeating: 0, count: tokens.count)
        for (pi, p) in paragraphs.enumerated() where !p.tokens.isEmpty {
            var start = p.tokens.lowerBound
            var i = start
            while i < p.tokens.upperBound {
                if let next = sentenceBreak(after: i, limit: p.tokens.upperBound) {
                    addSentence(start..<next, paragraph: pi)
                    start = next
                    i = next
                } else {
                    i += 1
                }
            }
            if start < p.tokens.upperBound { addSentence(start..<p.tokens.upperBound, paragraph: pi) }
        }
    }

    private func addSentence(_ r: Range<Int>, paragraph: Int) {
        let index = sentences.count
        sentences.append(
            SentenceInfo(
                start: tokens[r.lowerBound].start, end: tokens[r.upperBound - 1].end, paragraph: paragraph, tokens: r))
        for k in r { sentenceOfToken[k] = index }
    }

    /// If a sentence ends at token `i`, the index of the first token of the next sentence.
    private func sentenceBreak(after i: Int, limit: Int) -> Int? {
        // only punctuation and words ending in a period can end a sentence (checked in place: most tokens stop here)
        switch tokens[i].kind {
        case .punct: break
        case .word: if buf[tokens[i].end - 1] != "." { return nil }
        default: return nil
        }
        let t = tokens[i]
        var terminal = false
        if t.kind == .punct && (t.text == "." || t.text == "!" || t.text == "?" || t.text == "..." || t.text == "…") {
            terminal = true
        } else if t.kind == .word && t.text.hasSuffix(".") {
            // An abbreviation's period: a title or month never ends a sentence; "U.S." may.
            let bare = String(t.lower.dropLast())
            let kind = lexicon.abbreviations[bare] ?? (bare.count == 1 ? .initial : .other)
            guard kind == .other, i + 1 < limit else { return nil }
            let next = tokens[i + 1]
            if next.kind == .word && next.isCapitalized && Self.sentenceStarters.contains(next.lower) { return i + 1 }
            return nil
        }
        guard terminal else { return nil }
        var j = i + 1
        // Closing quotation marks and brackets stay with the sentence they end.
        while j < limit
            && (isClosingMark(j) || tokens[j].text == ")" || tokens[j].text == "]" || tokens[j].text == "''")
        { j += 1 }
        guard j < limit else { return nil }
        let next = tokens[j]
        if next.kind == .word {
            guard let f = next.text.unicodeScalars.first, f.isUpper else { return nil }
            // “Why?” Trump asked. — a question inside a quote followed by its attribution
            if j > i + 1 && followedByCue(j, limit: limit, closingAttribution: t.text == ".") { return nil }
            return j
        }
        // "“…” ― Carla Sanchez." — a signature stays with its quote
        if next.kind == .dash, j > i + 1, limit - j <= 8,
            tokens[(j + 1)..<limit].allSatisfy({ $0.isCapitalized || $0.kind == .punct || $0.lower.count <= 3 })
        {
            return nil
        }
        if next.kind == .number || next.kind == .quote || next.text == "(" || next.text == "[" || next.kind == .dash
            || next.kind == .symbol
        {
            return j
        }
        return nil
    }

    /// Whether a name (one to three capitalised tokens) at `j` is followed by an attribution verb.
    /// With `closingAttribution`, the cue must also end the attribution ("…” Trump said." or "…” Trump said Monday."),
    /// not start new reported speech ("…” He added, “…”").
    private func followedByCue(_ j: Int, limit: Int, closingAttribution: Bool = false) -> Bool {
        var k = j
        while k < limit && k < j + 4 && tokens[k].isCapitalized { k += 1 }
        // "Rep. Glenn Thompson, R-Pa., said", "Will Estrada, the chairman for the county, said": an aside before the cue
        if k > j, k < limit, tokens[k].text == ",",
            let close = (k + 1..<min(limit, k + 12)).first(where: { tokens[$0].text == "," }), close > k + 1,
            !(k + 1..<close).contains(where: { tokens[$0].kind == .quote }), close + 1 < limit,
            tokens[close + 1].has(.cueForm)
        {
            k = close + 1
        }
        guard k > j, k < limit, tokens[k].has(.cueForm) else { return false }
        guard closingAttribution else { return true }
        let after = k + 1 < limit ? tokens[k + 1] : nil
        guard let after else { return true }
        if after.text == "." || after.text == ";" { return true }
        if after.text == "," { return !(k + 2 < limit && tokens[k + 2].kind == .quote) }
        return after.has(.weekday)
            || ["on", "in", "at", "during", "later", "earlier", "yesterday", "today"].contains(after.lower)
    }

    /// Whether token `i` is a closing quotation mark (by shape or position).
    func isClosingMark(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .quote else { return false }
        switch t.text {
        case "”", "’", "»": return true
        case "“", "‘", "«", "„": return false
        default:
            // straight marks: closing when glued to the previous token
            return !t.spaceBefore
        }
    }

    /// Capitalised words that start sentences after an abbreviation such as "U.S.".
    static let sentenceStarters: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "this", "that",
        "there", "his", "her", "their", "its", "on", "at", "as", "after", "for", "if", "when", "while", "meanwhile",
        "however", "officials",
    ]
}

extension String {
    /// The string without trailing occurrences of `suffix` characters.
    func trimmingTrailing(_ chars: String) -> String {
        var s = self[...]
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
