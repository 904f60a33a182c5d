/// Appositives between a speaker and the cue: age and home town ("Cory James, 22, of Flint, Mich., said") and
/// descriptions set off by commas ("Jane Doe, a spokeswoman for the ministry, said").
extension Document {
    /// What comma-separated appositives of age and place ending at the comma `k` leave.
    enum AppositiveReading {
        /// The name before them is the speaker.
        case speaker(Range<Int>)
        /// They end at this comma, before which the subject is read on.
        case before(Int)
        /// There are none.
        case none
    }

    /// Walks back over appositives of age and place ("Cory James, 22, of Flint, Mich., said") from the comma `k`.
    func ageOrPlaceAppositives(endingAt k: Int, floor: Int) -> AppositiveReading {
        var end = k
        var segments = 0
        while segments < 4, let c = (floor..<end).last(where: { tokens[$0].text == "," || isMark[$0] }),
            tokens[c].text == ",",
            isAgeOrPlaceAppositive((c + 1)..<end)
        {
            end = c
            segments += 1
        }
        guard segments > 0 else { return .none }
        // "Clinton, during a town hall meeting in Columbus, Ohio, said": a town inside a phrase is not the speaker
        if let np = nounPhraseEnding(at: end - 1, floor: floor, strict: true),
            !(np.lowerBound > floor && Grammar.phrasePrepositions.contains(tokens[np.lowerBound - 1].lower))
        {
            return .speaker(np)
        }
        return .before(end)
    }

    /// The speaker before an appositive that ends at the comma or bracket `k`:
    /// "Jane Doe, a spokeswoman for the ministry, said" / "Trump, speaking during a Cabinet meeting, said".
    func speakerBeforeAppositive(_ k: Int, floor: Int) -> Range<Int>? {
        var c = k - 1
        while c > floor && k - c < 25 && tokens[c].text != "," && tokens[c].text != "(" && !isMark[c] { c -= 1 }
        guard c > floor, tokens[c].text == "," || tokens[c].text == "(" else { return nil }
        // "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said": past a bracketed party and state
        var before = c - 1
        if tokens[c].text == ",", tokens[before].text == ")",
            let open = (max(floor, before - 8)..<before).last(where: { tokens[$0].text == "(" }), open > floor
        {
            before = open - 1
        }
        // "One of the university's top executives, Michael Sexton, testified": the name between the commas
        if tokens[c].text == ",", c + 1 < k, tokens[c + 1].isCapitalized || entityAt[c + 1] != nil,
            ((c + 1)..<k).allSatisfy({
                tokens[$0].isCapitalized || entityAt[$0] != nil || tokens[$0].kind == .punct && tokens[$0].text == "."
            })
        {
            return (c + 1)..<k
        }
        return nounPhraseEnding(at: before, floor: floor, strict: true)
    }

    /// Whether a comma-delimited segment gives an age or a home town: "22", "of Flint", "Mich.", "Iowa".
    func isAgeOrPlaceAppositive(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty, r.count <= 5 else { return false }
        if r.count == 1 && tokens[r.lowerBound].kind == .number { return true }
        if ["of", "from"].contains(tokens[r.lowerBound].lower) {
            return r.dropFirst().allSatisfy { tokens[$0].isCapitalized || tokens[$0].text == "." }
        }
        // a state or place on its own: "Mich.", "Iowa", "Texas" (the places lexicon)
        guard r.allSatisfy({ tokens[$0].isCapitalized || tokens[$0].text == "." }),
            let m = lexicon.placeMatcher.match(tokens, at: r.lowerBound, limit: r.upperBound)
        else { return false }
        return r.lowerBound + m.length >= r.upperBound - (tokens[r.upperBound - 1].text == "." ? 1 : 0)
    }
}
