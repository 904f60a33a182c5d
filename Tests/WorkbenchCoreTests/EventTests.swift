import Testing
@testable import WorkbenchCore

/// Strike events on short texts written for these tests.
@Suite struct EventTests {
    private func events(_ body: String) throws -> [StrikeEvent] { try parseBody(body).events }

    @Test func aBarrageWithCountsLaunchPlaceAndReporter() throws {
        let e = try #require(try events("Overnight, Russia launched 90 Shahed drones and two Kinzhal missiles from the Kursk region, the Ukrainian air force said.").first)
        #expect(e.kind == "barrage")
        #expect(e.actor == "Russia")
        #expect(e.weapons.map { "\($0.count ?? 0) \($0.name)" } == ["90 Shahed", "2 Kinzhal"])
        #expect(e.launchPlace == "Kursk region")
        #expect(e.reportedBy == "Ukrainian air force")
        #expect(e.when == "2026-01-29/2026-01-30")
    }

    @Test func ellipticalAndApproximateCounts() throws {
        let e = try #require(try events("Russia launched nearly 300 attack drones, 18 ballistic and 7 cruise missiles at Ukraine.").first)
        let byName = Dictionary(uniqueKeysWithValues: e.weapons.map { ($0.name, $0) })
        #expect(byName["attack drone"]?.count == 300)
        #expect(byName["attack drone"]?.approximate == true)
        #expect(byName["ballistic missile"]?.count == 18)
        #expect(byName["cruise missile"]?.count == 7)
    }

    @Test func armedForcesAreTheirCountrysActor() throws {
        let e = try #require(try events("Russian forces struck a Ukrainian naval vessel, killing one member of the crew.").first)
        #expect(e.actor == "Russia")
        #expect(e.targetType == "military")
        #expect(e.killed == 1)
    }

    @Test func placeTargetAndToll() throws {
        let e = try #require(try events("A missile hit a power plant in Odesa on Tuesday, killing two people and wounding five, officials said.").first)
        #expect(e.place == "Odesa")
        #expect(e.targetType == "energy")
        #expect(e.killed == 2 && e.wounded == 5)
        #expect(e.when == "2026-01-27")
    }

    @Test func hypotheticalsAndPauseTalkAreNotEvents() throws {
        #expect(try events("If Russia strikes our power plants in Kyiv, we will respond.").isEmpty)
        #expect(try events("Both sides agreed to a pause in strikes on energy infrastructure in Kyiv.").isEmpty)
    }

    @Test func aFollowUpSentenceJoinsItsEvent() throws {
        let e = try events("Russia launched 40 drones at Kharkiv overnight. Two people were killed.")
        #expect(e.count == 1)
        #expect(e.first?.killed == 2)
    }

    @Test func oneVictimWithoutANumberAndTheTollWordAfterTheCount() throws {
        let a = try parseBody("In the Kyiv region, a woman was killed and another two people injured in the Russian aerial attack overnight, regional head Mykola Kalashnyk said.", date: Day(2025, 6, 23))
        let e = try #require(a.events.first)
        #expect(e.killed == 1)
        #expect(e.wounded == 2)
    }
}
