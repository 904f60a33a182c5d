import Foundation
import Testing

@testable import WorkbenchExtraction
@testable import WorkbenchModel
@testable import WorkbenchScripting

/// The reference article, parsed as an analyst reads it: every quote with its speaker, every figure,
/// date, party, strike event and pause commitment. The expectations are the analyst's reading of the
/// text, written by hand; a change in extraction that alters any of them fails here.
@Suite struct SeedTests {
    /// The seed as the workbench reads it from seeds/ (whose INDEX.tsv dates it).
    private func seed() throws -> Article {
        let parser = ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: nil)
        let corpus = Corpus(paths: [projectRoot.appendingPathComponent("seeds").path], parser: parser)
        var found: Article?
        corpus.forEach { entry in
            if case .article(let a) = entry, a.id == "000_735b6c5849dd2fa6" { found = a }
            return true
        }
        return try #require(found)
    }

    @Test func headlineBylineDateAndBoilerplate() throws {
        let a = try seed()
        #expect(a.title == "Ukraine’s Zelensky backs energy infrastructure ceasefire despite Russian attacks")
        #expect(a.byline == "Abdiwahab Ahmed")
        #expect(a.date == "2026-01-30")
        // the advertisement line is not a paragraph of the story
        #expect(!a.paragraphs.contains { $0.kind == .body && $0.text.contains("Advertisement") })
        #expect(a.warnings.isEmpty)
    }

    @Test func everyQuoteHasItsSpeaker() throws {
        let a = try seed()
        let got = a.quotes.map {
            "\($0.kind) | \($0.speaker ?? "-") | \($0.speakerMention?.text ?? "-") | \($0.text.prefix(40))"
        }
        #expect(
            got == [
                "direct | Volodymyr Zelensky | Zelensky | If Russia does not strike our energy inf",
                "partial | Dmitry Peskov | spokesman Dmitry Peskov | favorable conditions",
                "partial | Donald Trump | Trump | not to fire into Kyiv and the various to",
                "partial | Donald Trump | Trump | he agreed to do that, and I have to tell",
                "direct | Volodymyr Zelensky | Zelensky | So far, we have been unable to find a co",
                "direct | Volodymyr Zelensky | Zelensky | We are ready for compromises that lead t",
                "direct | Volodymyr Zelensky | he | They are not particularly interested in ",
            ])
        // the quote after a colon belongs to the subject of the sentence, and the cue is what introduced it
        #expect(a.quotes[0].cue == "set a clear condition")
    }

    @Test func figuresWithUnitsAndWhatTheyCount() throws {
        let a = try seed()
        func figure(_ text: String) -> Figure? { a.figures.first { $0.text == text } }
        let cold = try #require(figure("minus 30C"))
        #expect(cold.value == -30 && cold.unit == "°C" && cold.kind == .temperature)
        let drones = try #require(figure("111 attack drones"))
        #expect(
            drones.value == 111 && drones.kind == .count && drones.counted == "attack drones" && !drones.approximate)
        let missile = try #require(figure("one Iskander-M ballistic missile"))
        #expect(missile.value == 1 && missile.counted == "Iskander-M ballistic missile")
        let wounded = try #require(figure("one person"))
        #expect(wounded.value == 1 && wounded.counted == "person")
        let mark = try #require(figure("four-year"))
        #expect(mark.value == 4 && mark.unit == "year" && mark.kind == .duration)
        let week = try #require(figure("a week"))
        #expect(week.value == 1 && week.unit == "week")
        #expect(figure("second round")?.kind == .ordinal)
    }

    @Test func datesResolveAgainstTheArticleDate() throws {
        let a = try seed()
        func date(_ text: String) -> DateMention? { a.dates.first { $0.text == text } }
        #expect(date("Feb. 1")?.value == "2026-02-01")
        let window = try #require(date("for a week until Feb. 1"))
        #expect(window.value == "2026-01-25" && window.endValue == "2026-02-01" && window.kind == .window)
        let night = try #require(date("overnight"))
        #expect(night.value == "2026-01-29" && night.endValue == "2026-01-30")
        #expect(date("over the weekend")?.value == "2026-01-24")
        #expect(date("Last week")?.value == "2026-01-19")
        #expect(date("last year")?.value == "2025-01-01")
        // "days before" cannot be pinned to a day: kept, without a value
        let vague = try #require(date("days before"))
        #expect(vague.value == nil)
    }

    @Test func partiesWithRolesAffiliationsAndAliases() throws {
        let a = try seed()
        func party(_ name: String) -> Party? { a.parties.first { $0.name == name } }
        let zelensky = try #require(party("Volodymyr Zelensky"))
        #expect(zelensky.kind == .person && zelensky.role == "President" && zelensky.affiliation == "Ukraine")
        #expect(party("Donald Trump")?.affiliation == "United States")
        #expect(party("Vladimir Putin")?.affiliation == "Russia")
        let peskov = try #require(party("Dmitry Peskov"))
        #expect(peskov.role == "Kremlin spokesman" && peskov.affiliation == "Russia")
        let russia = try #require(party("Russia"))
        #expect(Set(russia.mentions.map(\.text)).isSuperset(of: ["Moscow", "Kremlin", "Russian"]))
        #expect(party("Ukraine")?.mentions.contains { $0.text == "Kyiv" } == true)
        #expect(party("United States")?.mentions.contains { $0.text == "Washington" } == true)
        #expect(party("Ukrainian air force")?.kind == .military)
        #expect(party("authorities in the northern Chernihiv region")?.affiliation == "Ukraine")
        // Kyiv is a capital, never a person
        #expect(!a.parties.contains { $0.kind == .person && $0.name.contains("Kyiv") })
    }

    @Test func threeStrikeEventsFromTheBarrage() throws {
        let a = try seed()
        #expect(a.events.count == 3)
        let barrage = a.events[0]
        #expect(
            barrage.actor == "Russia" && barrage.launchPlace == "Voronezh region"
                && barrage.reportedBy == "Ukrainian air force")
        #expect(barrage.weapons.map { "\($0.count ?? 0) \($0.name)" } == ["111 attack drone", "1 Iskander-M"])
        #expect(barrage.when == "2026-01-29/2026-01-30")
        let zaporizhzhia = a.events[1]
        #expect(
            zaporizhzhia.place == "Zaporizhzhia" && zaporizhzhia.targetType == "residential"
                && zaporizhzhia.wounded == 1)
        let chernihiv = a.events[2]
        #expect(chernihiv.place == "Chernihiv" && chernihiv.targetType == "civilian infrastructure")
    }

    @Test func twoPauseCommitmentsWithTheirStatus() throws {
        let a = try seed()
        #expect(a.commitments.count == 2)
        let energy = a.commitments[0]
        #expect(energy.party == "Ukraine" && energy.counterparty == "Russia")
        #expect(energy.scopeTypes == ["energy"] && energy.reciprocal && energy.status == .proposed)
        #expect(energy.condition == "if Moscow stops hitting its grid")
        let kyiv = a.commitments[1]
        #expect(kyiv.party == "Russia" && kyiv.requestedBy == "United States")
        #expect(kyiv.scopePlaces == ["Kyiv", "other cities"])
        #expect(kyiv.window.start == "2026-01-25" && kyiv.window.end == "2026-02-01" && kyiv.window.derived == .start)
        // the Kremlin confirmed the request, not the agreement; Trump claims Putin agreed
        #expect(kyiv.status == .notConfirmed)
        #expect(kyiv.claims.contains { $0.by == "Donald Trump" && $0.status == .claimedAgreed })
        #expect(kyiv.claims.contains { $0.by == "Russia" && $0.status == .notConfirmed })
    }
}
