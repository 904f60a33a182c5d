/// Speech cues: where they start and end, whether a speaker may follow, and the speech events they record.
extension Document {

    /// Records every speech verb outside quotation marks with its subject ("Dianne Bystrom agreed.",
    /// "Bolton … by saying he would …"), so quotes that follow can be given to the last speaker.
    func collectSpeechEvents() {
        for (si, s) in sentences.enumerated() {
            let r = s.tokens
            for k in r where tokens[k].kind == .word && !isInsideQuote(k) {
                guard
                    let cue = cueAt(k, limit: r.upperBound)
                        ?? (tokens[k].mayHave(.statementVerb) && Grammar.statementVerbs.contains(tokens[k].lower)
                            ? k..<(k + 1) : nil)
                else { continue }
                if k > r.lowerBound && isMark[k - 1] { continue }  // "…" said X — handled with its quote
                var np = speakerBefore(k, floor: r.lowerBound)
                if np == nil || isParticiple(cue, sentence: r) { np = sentenceSubject(r, before: k) }
                guard let np, np.upperBound <= k else { continue }
                addSpeechEvent(SpeechEvent(cue: cue, speaker: np, party: resolveSpeaker(np, sentence: r), sentence: si))
            }
        }
    }

    /// The cue starting at `k` (a speech verb, "according to" excluded), as a token range.
    func cueAt(_ k: Int, limit: Int) -> Range<Int>? {
        guard k < limit, tokens[k].kind == .word, tokens[k].mayHave(.cue) else { return nil }
        // a capitalised cue word mid-sentence is a name ("State Department", "United States"), except in headlines
        if tokens[k].isCapitalized && !isSentenceStart(k) && paragraphs[paragraphOf(k)].kind != .headline {
            return nil
        }
        if let m = lexicon.cueMatcher.match(tokens, at: k, limit: limit), !isNounUse(k) {
            return k..<(k + m.length)
        }
        return nil
    }

    /// Whether the speaker may come after this cue ("said Zelensky"), not its listener ("told reporters").
    func speakerMayFollow(_ cue: Range<Int>) -> Bool {
        // "…,” adding that …": a participle continues the clause's speaker; nothing after it names one
        if tokens[cue.lowerBound].lower.hasSuffix("ing") { return false }
        return lexicon.cueMatcher.match(tokens, at: cue.lowerBound, limit: cue.upperBound)?.payload.speakerAfter ?? true
    }

    /// Whether a cue word is used as a noun: "the state", "a report", "his claims", "Trump’s offer".
    func isNounUse(_ k: Int) -> Bool {
        guard k > 0, sentenceOfToken[k - 1] == sentenceOfToken[k] else { return false }
        let p = tokens[k - 1].lower
        if [
            "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "’s", "'s",
            "whose",
        ].contains(p) {
            return true
        }
        // "secretary of state"
        return p == "of"
    }

    /// Whether a pronoun or a name stands right before token `k` (so an -ing cue there has its own subject).
    func namesSpeaker(before k: Int, sentence: Range<Int>) -> Bool {
        guard k > sentence.lowerBound else { return false }
        let p = tokens[k - 1]
        if p.has(.pronoun) { return true }
        guard let e = entity(at: k - 1), partyTable[e.party].kind != .country else { return false }
        var start = e.range.lowerBound
        // "a letter to Attorney General Loretta Lynch asking": past the title before the name
        while start > sentence.lowerBound && e.range.lowerBound - start < 4 && tokens[start - 1].isCapitalized
            && !tokens[start - 1].has(.determiner)
        {
            start -= 1
        }
        guard start > sentence.lowerBound else { return true }
        let before = tokens[start - 1]
        // "on Facebook writing" — the name is the object of a preposition
        return !["on", "in", "at", "to", "with", "by", "for", "from", "about", "of"].contains(before.lower)
    }

    /// Whether a cue is a participle continuing the clause's speaker ("…, adding, “…”", "…,” adding").
    func isParticiple(_ cue: Range<Int>, sentence: Range<Int>) -> Bool {
        let t = tokens[cue.lowerBound]
        guard t.lower.hasSuffix("ing") else { return false }
        // "Saying …, she": a participle opening the sentence
        guard cue.lowerBound > sentence.lowerBound else { return true }
        let prev = tokens[cue.lowerBound - 1]
        return prev.text == "," || prev.kind == .quote || prev.kind == .dash
            || ["in", "by", "after", "before", "while", "upon", "when", "since", "without"].contains(prev.lower)
    }

    /// Whether token `k` starts its sentence (or follows an opening quotation mark or bracket there).
    private func isSentenceStart(_ k: Int) -> Bool {
        let s = sentences[sentenceOfToken[k]].tokens.lowerBound
        var j = k - 1
        while j >= s && (tokens[j].kind == .quote || tokens[j].text == "(" || tokens[j].kind == .dash) { j -= 1 }
        return j < s
    }

    /// The cue ending at token `k`, if one does.
    func cueEnding(at k: Int, floor: Int) -> Range<Int>? {
        guard k >= floor, tokens[k].kind == .word else { return nil }
        if tokens[k].isCapitalized && !isSentenceStart(k) && paragraphs[paragraphOf(k)].kind != .headline {
            return nil
        }
        // "the so-called …", "so called": a label, not speech
        if tokens[k].lower == "called", k > floor,
            tokens[k - 1].lower == "so" || tokens[k - 1].lower == "-" && k - 2 >= floor && tokens[k - 2].lower == "so"
        {
            return nil
        }
        if tokens[k].has(.cueForm) && !isNounUse(k) { return k..<(k + 1) }
        if k - 1 >= floor, let m = lexicon.cueMatcher.match(tokens, at: k - 1, limit: k + 1), m.length == 2 {
            return (k - 1)..<(k + 1)
        }
        return nil
    }

    /// Records a speech event for salience and later quotes.
    func recordSpeech(_ cue: Range<Int>, _ np: Range<Int>, _ party: Int?) {
        addSpeechEvent(SpeechEvent(cue: cue, speaker: np, party: party, sentence: sentenceOfToken[cue.lowerBound]))
    }

    /// Appends a speech event, keeping `speechInTextOrder` sorted (stable: among equal cues, recording order).
    private func addSpeechEvent(_ ev: SpeechEvent) {
        let at = countBefore(ev.cue.lowerBound + 1, speechInTextOrder.count) {
            speechEvents[speechInTextOrder[$0]].cue.lowerBound
        }
        speechEvents.append(ev)
        speechInTextOrder.insert(speechEvents.count - 1, at: at)
    }
}
