import Testing

@testable import WorkbenchExtraction
@testable import WorkbenchModel
@testable import WorkbenchScripting

@Suite struct PartyTests {
    @Test func capitalsGovernmentsAndDemonymsJoinTheirCountry() throws {
        let a = try parseBody(
            "The Kremlin said Moscow and Kyiv would talk; Ukrainian and Russian officials agreed, Washington said.")
        let russia = try #require(a.parties.first { $0.name == "Russia" })
        #expect(Set(russia.mentions.map(\.text)).isSuperset(of: ["The Kremlin", "Moscow", "Russian"]))
        let ukraine = try #require(a.parties.first { $0.name == "Ukraine" })
        #expect(ukraine.mentions.map(\.text).contains("Kyiv"))
        #expect(a.parties.contains { $0.name == "United States" && $0.mentions.map(\.text) == ["Washington"] })
    }

    @Test func laterSurnamesJoinTheFullName() throws {
        let a = try parseBody("President Maria Kowalska arrived. Kowalska said little. Officials said Kowalska left.")
        let p = try #require(a.parties.first { $0.name == "Maria Kowalska" })
        #expect(p.kind == .person)
        #expect(p.role == "President")
        #expect(p.mentions.count == 3)
    }

    @Test func organisationsAndGroups() throws {
        let a = try parseBody(
            "The Ukrainian air force said so. Authorities in the northern Chernihiv region said drones hit.")
        #expect(a.parties.contains { $0.name == "Ukrainian air force" && $0.affiliation == "Ukraine" })
        let g = try #require(a.parties.first { $0.kind == .group })
        #expect(g.affiliation == "Ukraine")
        #expect(g.mentions.first?.text == "Authorities in the northern Chernihiv region")
    }

    @Test func aBareOfficialOrSourceIsNoParty() throws {
        let a = try parseBody(
            "\"We will not stop,\" the official said. The ministry said it was fine. \"It is over,\" a source said.")
        #expect(!a.parties.contains { ["official", "ministry", "source"].contains($0.name) })
        #expect(a.quotes.first?.speaker == nil)
        #expect(a.quotes.first?.speakerMention?.text == "the official")
        // the plural and a named country's official stay parties
        let b = try parseBody("Ukrainian officials said the drones were shot down. Officials said more would come.")
        #expect(b.parties.contains { $0.name == "Ukrainian officials" && $0.affiliation == "Ukraine" })
    }

    @Test func aPlaceIsNotAPerson() throws {
        let a = try parseBody("Zaporizhzhia said nothing. Kharkiv was hit.")
        #expect(!a.parties.contains { $0.kind == .person })
    }

    @Test func lexiconsCanBeExtendedWithoutRebuilding() throws {
        let base = try Lexicon.standard.get()
        let extra = try LexiconTable(
            parsing: "name\taffiliation\trole\taliases\nOlena Testenko\tUkraine\tGovernor\tTestenko\n", source: "test")
        let parser = ArticleParser(lexicon: base.adding(extra, to: "people"), defaultDate: nil)
        let a = try parser.parse(text: "Headline\nTestenko said the region was calm.", path: "t.txt")
        let p = try #require(a.parties.first { $0.name == "Olena Testenko" })
        #expect(p.affiliation == "Ukraine" && p.role == "Governor")
    }

    @Test func titlesInARowAndSpeakersNoRuleKnew() throws {
        let a = try parseBody(
            """
            Russia's Deputy Foreign Minister Sergei Ryabkov spoke first. Maj Gen Andrei Kolesnikov was killed, officials said.

            “Anybody who understands nuclear safety is worried,” said Mycle Schneider, an independent analyst.

            James Nixey of Chatham House said the talks were “a show.”
            """, date: Day(2022, 6, 1))
        let ryabkov = try #require(a.parties.first { $0.name == "Sergei Ryabkov" })
        #expect(ryabkov.role == "Deputy Foreign Minister")
        #expect(a.parties.first { $0.name == "Andrei Kolesnikov" }?.role == "Major General")
        #expect(a.quotes.first { $0.text.hasPrefix("Anybody") }?.speaker == "Mycle Schneider")
        #expect(a.parties.first { $0.name == "Mycle Schneider" }?.kind == .person)
        #expect(a.parties.first { $0.name == "Chatham House" }?.kind == .organisation)
        #expect(a.parties.first { $0.name == "James Nixey" }?.kind == .person)
    }

    @Test func aPlaceAfterOfIsNotPartOfTheName() throws {
        let a = try parseBody(
            "Sen. Chuck Schumer of New York wouldn't say how the party would act, saying only that “it has been an issue for two decades.”",
            date: Day(2016, 6, 1))
        #expect(a.parties.contains { $0.name == "Chuck Schumer" && $0.kind == .person })
        #expect(a.quotes.first?.speaker == "Chuck Schumer")
    }
}
