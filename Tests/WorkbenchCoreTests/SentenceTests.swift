import Testing

@testable import WorkbenchScripting

@Suite struct SentenceTests {
    @Test func abbreviationsDoNotSplit() throws {
        let a = try parseBody(
            "The U.S. envoy met Gen. Smith on Feb. 1 in Kyiv. Mr. Jones said nothing. Officials left.")
        let body = a.sentences.filter { a.paragraphs[$0.paragraph].kind == .body }.map(\.text)
        #expect(
            body == ["The U.S. envoy met Gen. Smith on Feb. 1 in Kyiv.", "Mr. Jones said nothing.", "Officials left."])
    }

    @Test func acronymCanEndASentence() throws {
        let a = try parseBody("The deal was signed in the U.S. The talks ended.")
        #expect(a.sentences.count == 3)
        #expect(a.sentences[1].text == "The deal was signed in the U.S.")
    }

    @Test func quotedQuestionFollowedByAttributionStaysOneSentence() throws {
        let a = try parseBody("“Why now?” Peskov asked. Nobody answered.")
        #expect(a.sentences.map(\.text).suffix(2) == ["“Why now?” Peskov asked.", "Nobody answered."])
    }

    @Test func closingQuoteStaysWithItsSentence() throws {
        let a = try parseBody("He said: “We are ready.” Talks resume Monday.")
        #expect(a.sentences[1].text == "He said: “We are ready.”")
    }

    @Test func spansAreScalarOffsets() throws {
        let a = try parseBody("Zelensky’s aide — “ready” — spoke. Ще one.")
        for s in a.sentences { #expect(a.slice(s.start, s.end) == s.text) }
    }

    @Test func headlineBylineSourceAndBoilerplate() throws {
        let a = try parse(
            "A headline\nThe lede paragraph.\n- Advertisement -\nSecond paragraph.\nBy Jane Roe\nExample Wire.")
        #expect(a.title == "A headline")
        #expect(a.lede == "The lede paragraph.")
        #expect(a.byline == "Jane Roe")
        #expect(a.source == "Example Wire")
        #expect(a.paragraphs.map(\.kind.rawValue) == ["headline", "body", "body", "byline", "source"])
        #expect(!a.paragraphs.contains { $0.text.contains("Advertisement") })
    }

    @Test func frontMatterSetsMetadata() throws {
        let a = try parse(
            "---\ntitle: Given title\ndate: 2024-03-05\nsource: AP\nurl: https://example.org/x\n---\nHeadline line\nBody yesterday.",
            date: nil)
        #expect(a.title == "Given title")
        #expect(a.date == "2024-03-05")
        #expect(a.dateSource == "front_matter")
        #expect(a.source == "AP")
        #expect(a.url == "https://example.org/x")
        #expect(a.dates.first?.value == "2024-03-04")
        #expect(a.paragraphs.first?.text == "Headline line")
    }

    @Test func hardWrappedParagraphsAreJoined() throws {
        let a = try parse(
            "Headline\n\nThis paragraph was wrapped by an old newsroom system at a fixed\nwidth so that every line is about the same length and the\nsentence continues on the next line.\n\nA new paragraph."
        )
        #expect(a.paragraphs.count == 3)
        #expect(a.paragraphs[1].text.hasSuffix("next line."))
    }
}
