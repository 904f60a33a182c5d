import Testing
@testable import WorkbenchCore

/// Pause commitments on short texts written for these tests (reference date 2026-01-30).
@Suite struct CommitmentTests {
    private func commitments(_ body: String) throws -> [Commitment] { try parseBody(body).commitments }

    @Test func aConditionalReciprocalHaltOnATargetType() throws {
        let c = try #require(try commitments("Ukraine will halt strikes on Russian oil refineries if Moscow stops hitting its power plants.").first)
        #expect(c.party == "Ukraine" && c.counterparty == "Russia")
        #expect(c.reciprocal && c.condition == "if Moscow stops hitting its power plants")
        #expect(c.scopeTypes == ["energy"] && c.status == "proposed")
    }

    @Test func aDeclaredCeasefireWithItsDates() throws {
        let c = try #require(try commitments("Vladimir Putin announced a temporary ceasefire from 8 May until 11 May.").first)
        #expect(c.party == "Russia" && c.status == "confirmed")
        #expect(c.action == "temporary ceasefire")
        #expect(c.window.start == "2026-05-08" && c.window.end == "2026-05-11")
    }

    @Test func aProposedLengthThenAnAnswer() throws {
        let c = try commitments("""
        The US president has proposed a 30-day ceasefire. Ukraine has agreed to the 30-day ceasefire, but Russia has not accepted it.
        """)
        #expect(c.count == 1)
        let truce = try #require(c.first)
        #expect(truce.window.days == 30)
        #expect(truce.claims.map { "\($0.by ?? "-"): \($0.status)" } == ["United States: proposed", "Ukraine: claimed agreed", "Russia: not confirmed"])
    }

    @Test func aHolidayTruceRejected() throws {
        let c = try #require(try commitments("According to Zelensky, the US had proposed a Christmas truce but Russia rejected the idea.").first)
        #expect(c.status == "rejected")
        #expect(c.window.start == "2025-12-25")
        #expect(c.claims.contains { $0.by == "Russia" && $0.status == "rejected" })
    }

    @Test func aLocalCeasefireAgreedBetweenTheSides() throws {
        let c = try #require(try commitments("A Jan. 16 localized ceasefire was agreed between Russia and Ukraine for repairs to a backup power line.").first)
        #expect(c.party == "Russia" && c.counterparty == "Ukraine" && c.reciprocal)
        #expect(c.status == "confirmed" && c.window.start == "2026-01-16")
    }

    @Test func demandsAreNotAgreements() throws {
        let c = try #require(try commitments("Trump set a deadline for Russia to agree to a ceasefire or face sanctions.").first)
        #expect(c.status == "requested")
    }

    @Test func talksAboutACeasefireAreNotOne() throws {
        #expect(try commitments("A third round of ceasefire talks took place in Istanbul.").isEmpty)
        #expect(try commitments("Any reciprocal pause could bring relief.").isEmpty)
    }
}
