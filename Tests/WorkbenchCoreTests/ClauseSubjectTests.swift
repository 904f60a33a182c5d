import Testing

@testable import WorkbenchExtraction
@testable import WorkbenchModel

/// A quote with no cue of its own takes its clause's subject: names that are objects or modifiers do not speak.
@Suite struct ClauseSubjectTests {
    @Test func aNameAfterAPrepositionIsAnObject() throws {
        let a = try parseBody(
            "Even as Hillary Clinton was criticizing Donald Trump, she came under fire from Republicans over her "
                + "claim that \"we are where we need to be.\"")
        #expect(a.quotes.first?.speakerMention?.text == "she")
        #expect(a.quotes.first?.speaker == "Hillary Clinton")
    }

    @Test func aNameModifyingTheSubjectsHeadSpeaksThroughIt() throws {
        let a = try parseBody(
            "Hillary Clinton proposed a debate in April, but the Bernie Sanders campaign rejected the idea as "
                + "\"ludicrous.\"")
        #expect(a.quotes.first?.speakerMention?.text == "the Bernie Sanders campaign")
        #expect(a.quotes.first?.speaker == "Bernie Sanders")
    }

    @Test func aNameInsideAnAppositiveIsNotTheSubject() throws {
        let a = try parseBody(
            "Former secretary of state Madeleine Albright, a Hillary Clinton supporter, fanned controversy with her "
                + "remark that \"there is a special place in hell.\"")
        #expect(a.quotes.first?.speaker != "Hillary Clinton")
    }

    @Test func aBracketedPartyBetweenNameAndVerb() throws {
        let a = try parseBody(
            "And after the Supreme Court refused to reinstate the law, Gov. Pat McCrory (R) blamed the court's "
                + "\"four liberal justices.\"")
        #expect(a.quotes.first?.speaker == "Pat McCrory")
    }

    @Test func aNameAfterAPrepositionSpeaksInAParticiple() throws {
        let a = try parseBody(
            "The ad uses footage of Hillary Clinton asking, \"Why aren't I 50 points ahead?\" Ted Cruz and Donald "
                + "Trump used the harshest words, with Ted Cruz recently promising to \"carpet bomb them.\"")
        #expect(a.quotes.map(\.speaker) == ["Hillary Clinton", "Ted Cruz"])
    }

    @Test func anAdverbBeforeAnOpeningPhraseIsSkipped() throws {
        let a = try parseBody(
            "Early in his campaign, Donald Trump attacked Mitt Romney, calling him “a failed candidate.”")
        #expect(a.quotes.first?.speaker == "Donald Trump")
    }

    @Test func aDatelineIsNotTheSubject() throws {
        let a = try parseBody(
            "New York (AFP) – Vice President Joe Biden on Monday trashed Donald Trump, accusing him of "
                + "\"selling out the middle class.\"")
        #expect(a.quotes.first?.speaker == "Joe Biden")
    }
}
