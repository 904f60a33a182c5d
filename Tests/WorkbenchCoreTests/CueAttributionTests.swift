import Testing

@testable import WorkbenchExtraction
@testable import WorkbenchModel

/// Cues and labels that name a quote's speaker next to it.
@Suite struct CueAttributionTests {
    @Test func aNameSetOffByADashBeforeAColonSpeaks() throws {
        let a = try parseBody(
            "Pollsters agree - Carl Bialik: \"One of the biggest shifts came late.\" POLLS WERE EARLY - Mark "
                + "Blumenthal and Jon Cohen: \"The polls were right about the trend.\"")
        #expect(a.quotes.map { $0.speakerMention?.text } == ["Carl Bialik", "Mark Blumenthal and Jon Cohen"])
    }

    @Test func aPeriodInsideAWordDoesNotEndTheAttribution() throws {
        let a = try parseBody(
            "“Most of the support has leaked,” Nate Silver, the polling guru who founded fivethirtyeight.com "
                + "tweeted on Wednesday.")
        #expect(a.quotes.first?.speakerMention?.text == "Nate Silver")
        #expect(a.quotes.first?.attribution == .cueAfter)
    }

    @Test func aNameAfterAnInstitutionsPossessiveSpeaks() throws {
        let a = try parseBody(
            "“Time is short,” said Craig Robinson. Iowa State University's Dianne Bystrom agreed. "
                + "“Mainstream Republicans are running out of time.”")
        #expect(a.quotes.last?.speaker == "Dianne Bystrom")
    }

    @Test func aNameInAnOpeningPhraseBeforeAColonIsNotTheSubject() throws {
        let a = try parseBody(
            "In a Fox News interview later that day, Donald Trump went even further: “If he loses, it is the end.”")
        #expect(a.quotes.first?.speaker == "Donald Trump")
    }

    @Test func aSpeakerAfterTheCueBeforeTheQuote() throws {
        let a = try parseBody("Others were kinder. But, said Jane Solovey, \"I don't want to drum up conflict.\"")
        #expect(a.quotes.first?.speakerMention?.text == "Jane Solovey")
    }

    @Test func pointedOutIsACue() throws {
        let a = try parseBody(
            "But as Politico pointed out, “Still, Trump has so far declined to release any tax returns.”")
        #expect(a.quotes.first?.speakerMention?.text == "Politico")
        #expect(a.quotes.first?.cue == "pointed out")
    }

    @Test func aClauseAfterAPartialQuoteIsNotItsSpeaker() throws {
        let a = try parseBody(
            "His endorsements will bring candidates the \"grass-roots firepower\" they need to win, campaign "
                + "spokesman Neil Sroka said. He says no one is “on pace to get 1,237 delegates,” the number needed "
                + "to secure the nomination.")
        #expect(a.quotes.map { $0.speakerMention?.text } == ["campaign spokesman Neil Sroka", "He"])
    }

    @Test func aModifierBetweenSubjectAndCueIsSkipped() throws {
        let a = try parseBody(
            "Another intelligence source speaking to Fox News said, “The agents are investigating.” A source "
                + "familiar with the talks said the deal was \"almost done.\"")
        #expect(a.quotes.map { $0.speakerMention?.text } == ["Another intelligence source", "A source"])
    }

    @Test func aTitledNameAfterAPrepositionIsAnObject() throws {
        let a = try parseBody(
            "Phoenix Mayor Greg Stanton wrote a letter to Attorney General Loretta E. Lynch asking the Justice "
                + "Department to investigate the \"fiasco.\"")
        #expect(a.quotes.first?.speaker == "Greg Stanton")
    }

    @Test func aSentenceEndingInASpeechVerbIntroducesTheNextQuote() throws {
        let a = try parse(
            "Headline\n\"Mainstream Republicans are running out of time,\" said Craig Robinson, an editor.\n"
                + "Or maybe Jeb Bush, digital consultant Phil Musser says. \"Several surveys suggest a second look.\"")
        #expect(a.quotes.last?.speakerMention?.text == "Phil Musser")
    }

    @Test func aNameInsideAnOpeningPhraseStillSpeaks() throws {
        let a = try parseBody(
            "In a statement issued on Wednesday Lord Woolf said: \"I have no doubt the guidelines improved.\" "
                + "For Henry Reichhold, this is progress: \"That's the whole thing about the immediacy.\"")
        #expect(a.quotes.first?.speakerMention?.text.contains("Woolf") == true)
        #expect(a.quotes.last?.speakerMention?.text == "Henry Reichhold")
    }
}
