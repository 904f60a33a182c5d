import Testing

@testable import WorkbenchModel
@testable import WorkbenchScripting

/// Pause commitments on short texts written for these tests (reference date 2026-01-30).
@Suite struct CommitmentTests {
    private func commitments(_ body: String) throws -> [Commitment] { try parseBody(body).commitments }

    @Test func aConditionalReciprocalHaltOnATargetType() throws {
        let c = try #require(
            try commitments(
                "Ukraine will halt strikes on Russian oil refineries if Moscow stops hitting its power plants."
            ).first)
        #expect(c.party == "Ukraine" && c.counterparty == "Russia")
        #expect(c.reciprocal && c.condition == "if Moscow stops hitting its power plants")
        #expect(c.scopeTypes == ["energy"] && c.status == .proposed)
    }

    @Test func aDeclaredCeasefireWithItsDates() throws {
        let c = try #require(
            try commitments("Vladimir Putin announced a temporary ceasefire from 8 May until 11 May.").first)
        #expect(c.party == "Russia" && c.status == .confirmed)
        #expect(c.action == "temporary ceasefire")
        #expect(c.window.start == "2026-05-08" && c.window.end == "2026-05-11")
    }

    @Test func aProposedLengthThenTheSidesAnswers() throws {
        let c = try commitments(
            """
            The US president has proposed a 30-day ceasefire. Ukraine has agreed to the 30-day ceasefire, but Russia has not accepted it.
            """)
        // one commitment per side that would hold fire, each asked by the US
        #expect(c.map { $0.party ?? "-" } == ["Ukraine", "Russia"])
        #expect(c.map(\.status.rawValue) == ["confirmed", "not confirmed"])
        #expect(c.allSatisfy { $0.window.days == 30 && $0.requestedBy == "United States" })
        #expect(c[0].counterparty == "Russia" && c[1].counterparty == "Ukraine")
    }

    @Test func aHolidayTruceRejected() throws {
        let c = try #require(
            try commitments(
                "According to Zelensky, the US had proposed a Christmas truce but Russia rejected the idea."
            ).first)
        #expect(c.status == .rejected)
        #expect(c.window.start == "2025-12-25")
        #expect(c.claims.contains { $0.by == "Russia" && $0.status == .rejected })
    }

    @Test func aLocalCeasefireAgreedBetweenTheSides() throws {
        let c = try commitments(
            "A Jan. 16 localized ceasefire was agreed between Russia and Ukraine for repairs to a backup power line.")
        // both sides hold fire; neither spoke here, so the agreement is claimed
        #expect(c.map { $0.party ?? "-" } == ["Russia", "Ukraine"])
        #expect(c.allSatisfy { $0.reciprocal && $0.status == .claimedAgreed && $0.window.start == "2026-01-16" })
        #expect(c[0].counterparty == "Ukraine")
    }

    @Test func demandsAreNotAgreements() throws {
        let c = try #require(
            try commitments("Trump set a deadline for Russia to agree to a ceasefire or face sanctions.").first)
        #expect(c.status == .requested)
    }

    @Test func talksAboutACeasefireAreNotOne() throws {
        #expect(try commitments("A third round of ceasefire talks took place in Istanbul.").isEmpty)
        #expect(try commitments("Any reciprocal pause could bring relief.").isEmpty)
    }

    @Test func aPromiseOfNoStrikesWithNoTargetCoversEveryStrike() throws {
        let c = try #require(
            try commitments(
                "Zelensky said Lukashenko has promised that no missiles or aircraft would carry out strikes on Ukraine while the talks were underway."
            ).first)
        #expect(c.party == "Belarus" && c.counterparty == "Ukraine")
        #expect(c.status == .claimedAgreed && c.scopeTypes.isEmpty && c.scopePlaces.isEmpty)
        // the terms of an arms delivery are no pause
        #expect(
            try commitments(
                "Washington said the rockets would be used for defence only and not to strike targets inside Russia."
            ).isEmpty)
    }

    @Test func theAskerIsThePersonNotTheOutletToldNorTheSideAsked() throws {
        let told = try #require(
            try commitments(
                "Zelensky told the BBC on Friday that he was pushing for a full and unconditional ceasefire."
            ).first)
        #expect(told.requestedBy == "Ukraine" && told.status == .requested)
        let deadline = try #require(
            try commitments(
                "Donald Trump spoke on Monday. He has hardened his stance, imposing a deadline of Friday 8 August for Russia to agree to a ceasefire or face sanctions."
            ).first)
        #expect(deadline.party == "Russia" && deadline.requestedBy == "United States" && deadline.status == .requested)
        let both = try commitments(
            "Ukrainian Foreign Minister Andrii Sybiha said Moscow must accept an unconditional ceasefire. Ukraine has agreed to a 30-day ceasefire."
        )
        #expect(both.first { $0.party == "Russia" }?.requestedBy == "Ukraine")
        #expect(both.first { $0.party == "Ukraine" }?.requestedBy == nil)
    }

    @Test func anEvacuationCorridorIsFromThePlaceJustToldOf() throws {
        let c = try commitments(
            "Civilians are sheltering in Mariupol. Iryna Vereshchuk said women and children were there. She called for an urgent humanitarian corridor to allow them to evacuate."
        )
        #expect(c.first?.scopePlaces == ["Mariupol"])
        #expect(c.first?.status == .requested)
        // a shipping corridor is no evacuation from the last place named
        let grain = try commitments(
            "Drones hit ships in Crimea. Russia said it suspends the humanitarian corridor for grain ships.")
        #expect(grain.allSatisfy { $0.scopePlaces.isEmpty })
    }

    @Test func aCorridorReportedOpenIsOne() throws {
        let c = try commitments(
            "Ilya escaped with his family from Bucha just outside Kyiv. They managed to leave through a humanitarian corridor which was opened in March for civilians to be evacuated."
        )
        #expect(c.count == 1)
        #expect(c.first?.scopePlaces == ["Bucha"] && c.first?.status == .claimedAgreed)
        #expect(try commitments("Humanitarian corridors are roads out of besieged cities.").isEmpty)
    }
}

@Suite struct RecalledPauseTests {
    @Test func bothSidesOfTheTemporaryCeasefireMakeItReciprocal() throws {
        let body = """
            The Russian Ministry of Defense said it was ready to declare a temporary ceasefire in Mariupol on Tuesday.

            The start of the temporary ceasefire would be marked by both sides raising flags.
            """
        let a = try parse("Mariupol\n\n" + body, date: Day(2022, 4, 19))
        #expect(a.commitments.count == 1)
        #expect(a.commitments.first?.party == "Russia")
        #expect(a.commitments.first?.reciprocal == true)
    }
}

@Suite struct LimitedReplyTests {
    @Test func onlySayingLessIsNoConfirmation() throws {
        let body =
            "Ukraine has publicly agreed to a 30-day ceasefire but Putin has only said Russia will work with Ukraine on a memorandum."
        let a = try parse("Talks\n\n" + body, date: Day(2025, 5, 23))
        let russia = try #require(a.commitments.first { $0.party == "Russia" })
        #expect(russia.status == .notConfirmed)
        #expect(russia.window.days == 30)
        #expect(a.commitments.first { $0.party == "Ukraine" }?.status == .confirmed)
    }
}

@Suite struct PleadedPauseTests {
    @Test func leadersPleadingForAnEndToOperationsNearAPlantRequestAPauseThere() throws {
        let body =
            "U.S. President Joe Biden and the leaders of Britain, France and Germany pleaded Sunday for Russia to end military operations so close to the Zaporizhzhia nuclear plant."
        let a = try parse("Plant\n\n" + body, date: Day(2022, 8, 22))
        let c = try #require(a.commitments.first)
        #expect(c.party == "Russia")
        #expect(c.status == .requested)
        #expect(c.requestedBy != nil)
        #expect(c.scopePlaces == ["Zaporizhzhia nuclear power plant"])
    }
}

@Suite struct PronounSubjectTests {
    @Test func aSentenceOpeningHeGoesOnWithThePreviousSubject() throws {
        let body = """
            Last month, Donald Trump admitted that he had thought a deal was close: "I'm disappointed in him [Vladimir Putin], but I'm not done with him."

            He has hardened his stance against the Kremlin, imposing a deadline of Friday 8 August for Russia to agree to a ceasefire in Ukraine.
            """
        let a = try parse("Deadline\n\n" + body, date: Day(2025, 8, 6))
        let c = try #require(a.commitments.first)
        #expect(c.party == "Russia")
        #expect(c.requestedBy == "United States")
        #expect(c.status == .requested)
    }
}

@Suite struct ScopeReachTests {
    @Test func aPlaceLaterInTheScopeStillCounts() throws {
        let body =
            "A Jan. 16 localized ceasefire was agreed between Russia and Ukraine for repairs under IAEA coordination on one backup power line at ZNPP."
        let a = try parse("Plant\n\n" + body, date: Day(2026, 1, 20))
        #expect(!a.commitments.isEmpty)
        for c in a.commitments { #expect(c.scopePlaces == ["Zaporizhzhia nuclear power plant"]) }
    }

    @Test func aPlanToldAsUndoneIsNoCommitment() throws {
        let body =
            "\"We were going to have a ceasefire and maybe peace, and all of a sudden you have missiles flying into Kyiv and other places,\" Trump said."
        #expect(try parse("Talks\n\n" + body, date: Day(2025, 7, 1)).commitments.isEmpty)
    }
}
