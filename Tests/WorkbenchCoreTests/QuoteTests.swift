import Testing

@testable import WorkbenchExtraction
@testable import WorkbenchModel
@testable import WorkbenchScripting

@Suite struct QuoteTests {
    @Test func quoteThenSpeakerAndCue() throws {
        let a = try parseBody("“We will not give up,” Zelensky said.")
        let q = try #require(a.quotes.first)
        #expect(q.text == "We will not give up")
        #expect(q.speaker == "Volodymyr Zelensky")
        #expect(q.speakerMention?.text == "Zelensky")
        #expect(q.cue == "said")
        #expect(q.kind == .direct)
        #expect(a.slice(q.start, q.end) == q.text)
    }

    @Test func cueBeforeSpeakerAfterQuote() throws {
        let a = try parseBody("\"The talks are over,\" said Dmitry Peskov, the Kremlin spokesman.")
        #expect(a.quotes.first?.speaker == "Dmitry Peskov")
        #expect(a.quotes.first?.cue == "said")
    }

    @Test func splitQuoteAroundTheCue() throws {
        let a = try parseBody("“We are ready,” she said, “but not at any price.”")
        #expect(a.quotes.count == 2)
        #expect(a.quotes.allSatisfy { $0.speakerMention?.text == "she" })
    }

    @Test func colonIntroducedQuoteTakesTheSubject() throws {
        let a = try parseBody("Zelensky welcomed the news and set a condition: “Only if they stop first.”")
        #expect(a.quotes.first?.speaker == "Volodymyr Zelensky")
    }

    @Test func accordingToAttributesAPartialQuote() throws {
        let a = try parseBody("Moscow wants “favorable conditions” for talks, according to spokesman Dmitry Peskov.")
        let q = try #require(a.quotes.first)
        #expect(q.kind == .partial)
        #expect(q.speaker == "Dmitry Peskov")
        #expect(q.cue == "according to")
    }

    @Test func appositiveBetweenSpeakerAndCue() throws {
        let a = try parseBody("\"No comment,\" Jane Roe, a spokeswoman for the ministry, said.")
        #expect(a.quotes.first?.speakerMention?.text == "Jane Roe")
    }

    @Test func pronounResolvesToTheLastSpeaker() throws {
        let a = try parseBody("Exchanges have stopped, Zelensky said. “They are not interested,” he said.")
        let q = try #require(a.quotes.first)
        #expect(q.speakerMention?.text == "he")
        #expect(q.speaker == "Volodymyr Zelensky")
    }

    @Test func quoteOnlyParagraphContinuesThePreviousSpeaker() throws {
        let a = try parse(
            "Headline\n\"We are ready to sit down,\" Stoltenberg told journalists.\n\"And we hope Russia is ready too.\""
        )
        #expect(a.quotes.count == 2)
        #expect(a.quotes[1].speaker == "Jens Stoltenberg")
    }

    @Test func multiParagraphQuote() throws {
        let a = try parse("Headline\nThe minister said: “The first part goes on\n“And the second part ends here.”")
        #expect(a.quotes.count == 2)
        #expect(a.quotes.allSatisfy { $0.kind == .block })
        #expect(a.warnings.isEmpty)
    }

    @Test func unbalancedMarkDegradesOnlyItsParagraph() throws {
        let a = try parse("Headline\nHe said “this never closes.\nLater, “Fine,” Putin said.")
        #expect(a.warnings.count == 1)
        #expect(a.warnings.first?.line == 2)
        #expect(a.quotes.contains { $0.text == "Fine" && $0.speaker == "Vladimir Putin" })
    }

    @Test func titleBeforeNameGivesRoleAndAffiliation() throws {
        let a = try parseBody("“It is over,” said Russian Foreign Minister Ivan Petrov.")
        #expect(a.quotes.first?.speaker == "Ivan Petrov")
        let p = try #require(a.parties.first { $0.name == "Ivan Petrov" })
        #expect(p.role == "Foreign Minister")
        #expect(p.affiliation == "Russia")
    }

    @Test func straightQuotesAndApostrophes() throws {
        let a = try parseBody("Russia's envoy didn't agree. \"It's a trap,\" the ministry said.")
        #expect(a.quotes.count == 1)
        #expect(a.quotes.first?.text == "It's a trap")
        #expect(a.quotes.first?.speakerMention?.text == "the ministry")
    }

    @Test func aParticipialCueSpeaksForTheMainSubject() throws {
        // the nearest name (Olena Petrenko) is an object; the speaker is the sentence's subject
        let a = try parseBody(
            "Ivan Fedorov pushed back on Olena Petrenko's claims on Thursday, saying the plan had “every security component it needed.”"
        )
        #expect(a.quotes.first?.speaker == "Ivan Fedorov")
        let b = try parseBody(
            "Kaja Kallas apologized for the remarks after they came out, saying they were “old and beside the point.”")
        #expect(b.quotes.first?.speaker == "Kaja Kallas")
    }

    @Test func aPrepositionalPhraseBeforeTheCueIsNotTheSpeaker() throws {
        let a = try parseBody("Dmitry Peskov at the time said he had asked his staff to “look into it.”")
        #expect(a.quotes.first?.speakerMention?.text == "Dmitry Peskov")
        let b = try parseBody("Ivan Fedorov, who has in the past described the deal as “a trap,” stayed silent.")
        #expect(b.quotes.first?.speaker == "Ivan Fedorov")
    }

    @Test func ageAndHomeTownAppositivesAreSkipped() throws {
        let a = try parseBody(
            "Cory James, 22, of Flint, Mich., said he had not given up hope of a “surprise” at the convention.")
        #expect(a.quotes.first?.speakerMention?.text == "Cory James")
    }

    @Test func aNarrativeSentenceIntroducesTheNextQuote() throws {
        let a = try parse(
            """
            Headline
            “It will be close,” said Ivan Fedorov, the mayor.
            Olena Petrenko, a local historian, agreed. “Nobody expected this winter to be so hard.”
            """)
        #expect(a.quotes.count == 2)
        #expect(a.quotes[1].speaker == "Olena Petrenko")
    }

    @Test func aTitleInsideANameRunAndAStateAbbreviation() throws {
        let a = try parseBody(
            "“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday."
        )
        let q = try #require(a.quotes.first)
        #expect(q.speaker == "Mitch McConnell")
        #expect(q.speakerMention?.text == "Senate Majority Leader Mitch McConnell")
        #expect(q.attribution == .cueAfter)
    }

    @Test func sheSkipsAManAndHeSkipsAWoman() throws {
        let a = try parseBody(
            """
            Mayor Jennifer Roberts met Donald Trump on Friday. Trump said the protests were a disgrace.

            Later she said “the question is the timing,” and he said “we will see.”
            """)
        #expect(a.quotes.first { $0.text.hasPrefix("the question") }?.speaker == "Jennifer Roberts")
        #expect(a.quotes.first { $0.text.hasPrefix("we will see") }?.speaker == "Donald Trump")
    }

    @Test func participlesRelativeClausesAndCoordinatedVerbs() throws {
        let a = try parseBody(
            """
            After saying her right foot was “so swollen I could barely get my shoe on,” Clinton was taken to hospital.

            Speaking in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”

            They turned to the Chicago Police Department, which reported “2,521 shooting incidents” in the city.

            McConnell embraced the nominee and said this week that Trump will be “very competitive” in November.

            “The rationales are wrong,” said 9/11 widow Terry Strada.

            When pressed, the 34-year-old mother of three replied, “It is meant to benefit the mother.”
            """, date: Day(2016, 9, 20))
        func speaker(_ prefix: String) -> String? { a.quotes.first { $0.text.hasPrefix(prefix) }?.speaker }
        func mention(_ prefix: String) -> String? { a.quotes.first { $0.text.hasPrefix(prefix) }?.speakerMention?.text }
        #expect(speaker("so swollen") == "Hillary Clinton")
        #expect(speaker("a total stiff") == "Donald Trump")
        #expect(mention("2,521") == "which")
        #expect(speaker("2,521") == "Chicago Police Department")
        #expect(mention("very competitive") == "McConnell")
        #expect(mention("The rationales") == "9/11 widow Terry Strada")
        #expect(mention("It is meant") == "the 34-year-old mother of three")
    }

    @Test func aNounCompoundIsNotACueAndToldTakesAListener() throws {
        let a = try parseBody(
            """
            Hillary Clinton is describing as “unhinged” a Donald Trump tweet attacking a former Miss Universe.

            “This narrative is pushed by the media,” Malkia Cyril, the executive director of a media group, told The Huffington Post.
            """, date: Day(2016, 9, 20))
        #expect(a.quotes.first { $0.text == "unhinged" }?.speaker == "Hillary Clinton")
        #expect(a.quotes.first { $0.text.hasPrefix("This narrative") }?.speaker == "Malkia Cyril")
    }

    @Test func nominalsAndPronounsFindTheRightPerson() throws {
        let a = try parseBody(
            """
            Russian President Vladimir Putin spoke on Monday. On Tuesday Joe Biden wrote an essay.

            In his essay, the president said the U.S. was “not encouraging Ukraine to strike beyond its borders.”

            Ex-President Dmitry Medvedev said of victory: “I sincerely believe that it is near.” Echoing Putin, he spoke of “our great and invincible Russia.”

            Joint Chiefs of Staff Chairman Gen. Mark Milley said the strikes killed “thousands.”
            """, date: Day(2023, 1, 10))
        #expect(a.quotes.first { $0.text.hasPrefix("not encouraging") }?.speaker == "Joe Biden")
        #expect(a.quotes.first { $0.text.hasPrefix("our great") }?.speaker == "Dmitry Medvedev")
        #expect(a.quotes.first { $0.text.hasPrefix("thousands") }?.speaker == "Mark Milley")
    }

    @Test func titlesWithTheSentenceStopAreTermsShortRepliesAreQuotes() throws {
        let a = try parseBody(
            """
            She was a guest on “Meet the Press.” Asked whether he would run, he said, “Absolutely not.” He added: “I am not shy.”
            """, date: Day(2016, 9, 20))
        #expect(a.terms.contains { $0.text.hasPrefix("Meet the Press") })
        #expect(!a.quotes.contains { $0.text.hasPrefix("Meet the Press") })
        #expect(a.quotes.contains { $0.text.hasPrefix("Absolutely not") })
        #expect(a.quotes.contains { $0.text.hasPrefix("I am not shy") })
    }

    @Test func britishStyleTitlesAndAMissingCommaBeforeWho() throws {
        let a = try parseBody(
            """
            Her call was backed by Culture Secretary Tessa Jowell who said: "You would not let your child watch it."

            "It is no wonder the government wants to move on," said Tory MP Peter Luff.
            """, date: Day(2005, 3, 1))
        #expect(a.quotes.first { $0.text.hasPrefix("You would not") }?.speaker == "Tessa Jowell")
        #expect(a.quotes.first { $0.text.hasPrefix("It is no wonder") }?.speaker == "Peter Luff")
    }

    @Test func aClauseAfterThePartialQuoteIsNotTheSpeaker() throws {
        let a = try parseBody(
            """
            "You can't even begin that process until you prove to people" that border security is working, Marco Rubio said.

            Republicans will take "every state in the country" if Sanders wins the nomination, John Kasich said.
            """, date: Day(2016, 1, 20))
        #expect(a.quotes.first { $0.text.hasPrefix("You can't") }?.speaker == "Marco Rubio")
        #expect(a.quotes.first { $0.text.hasPrefix("every state") }?.speaker == "John Kasich")
    }

    @Test func aParagraphEndingWithAColonIntroducesTheQuoteBelow() throws {
        let a = try parseBody(
            """
            When Wallace died in 1998, President Bill Clinton released the following statement:

            “Hillary and I offer our condolences to the family.”

            17-year-old Jared Potts echoed:

            “He speaks his mind, and I think that might be what we need.”
            """, date: Day(2016, 1, 20))
        #expect(a.quotes.first { $0.text.hasPrefix("Hillary and I") }?.speaker == "Bill Clinton")
        #expect(
            a.quotes.first { $0.text.hasPrefix("He speaks") }?.speakerMention?.text.hasSuffix("Jared Potts") == true)
    }

    @Test func theReporterOfAQuoteIsKeptApartFromItsSpeaker() throws {
        let a = try parseBody(
            "“I ask you not to protest on the floor,” Bernie Sanders said, according to CNN.", date: Day(2016, 7, 25))
        let q = try #require(a.quotes.first)
        #expect(q.speaker == "Bernie Sanders")
        #expect(q.via?.text == "CNN")
        let b = try parseBody("Moscow wants “favorable conditions” for talks, according to spokesman Dmitry Peskov.")
        #expect(b.quotes.first?.via == nil)
    }

    @Test func reportedSpeechAfterACueIsNotItsSpeaker() throws {
        let a = try parseBody(
            """
            Jeff Hemsley, the co-author of a book on how news spreads, said the days when the nation had "a somewhat unifying story" from newspapers are gone.
            """, date: Day(2016, 11, 1))
        #expect(a.quotes.first?.speaker == "Jeff Hemsley")
    }
}

@Suite struct AppositiveSpeakerTests {
    @Test func aNameSetOffAfterATitleIsTheSpeaker() throws {
        let text =
            "Kharkiv\n\n\"We will rebuild,\" the governor, Oleh Syniehubov, said.\n\n\"It was a quiet night,\" the ministry, however, said.\n"
        let a = try ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: Day(2026, 1, 30)).parse(
            text: text, path: "t.txt")
        #expect(a.quotes.count == 2)
        #expect(a.quotes.first?.speakerMention?.text == "Oleh Syniehubov")
        // "however" is no name: the ministry stays the speaker
        #expect(a.quotes.last?.speakerMention?.text == "the ministry")
    }
}

@Suite struct InstitutionSpeakerTests {
    private func speakers(_ text: String) throws -> [String] {
        try parse("Report\n\n" + text + "\n").quotes.map { $0.speaker ?? "-" }
    }

    @Test func aGenericInstitutionIsTheOneNamedBefore() throws {
        #expect(
            try speakers("The Electoral Commission published its report. \"We are not opposed,\" the commission said.")
                == ["Electoral Commission"])
    }

    @Test func aGenericInstitutionOfTheCountryTheReportIsAbout() throws {
        #expect(
            try speakers(
                "Russia launched drones at Kyiv and Odesa in Ukraine overnight. \"We downed 40,\" the air force said.")
                == ["Ukrainian air force"])
        // two countries named as often: the text does not say whose air force
        #expect(try speakers("Russia and Ukraine traded strikes. \"We downed 40,\" the air force said.") == ["-"])
    }
}

@Suite struct AsideBeforeCueTests {
    @Test func anExclamationThenANameWithAnAsideAndItsCue() throws {
        let a = try parse(
            "Convention\n\n\"Perpetual motion!\" Rep. Glenn Thompson, R-Pa., said of the swirl of activities.\n")
        #expect(a.quotes.map { $0.speaker ?? "-" } == ["Glenn Thompson"])
        #expect(a.sentences.count == 2)
    }
}
