import Testing

@testable import WorkbenchModel
@testable import WorkbenchScripting

/// How strike events read counts: shared counts, shot-down counts, comparisons and period totals.
@Suite struct EventCountTests {
    private func events(_ body: String) throws -> [StrikeEvent] { try parseBody(body).events }

    @Test func aCountOfEitherWeaponIsOneWeapon() throws {
        let e = try #require(
            try events("Overnight, Russia launched 400 drones and 13 cruise or ballistic missiles at Ukraine.").first)
        #expect(e.weapons.map { "\($0.count ?? 0) \($0.name)" } == ["400 drone", "13 missile"])
    }

    @Test func shotDownIsNoLaunchCount() throws {
        let list = try events(
            """
            Overnight, Russia launched 273 drones at Ukraine, the air force said.

            It said 88 drones were intercepted and another 128 went astray.
            """)
        #expect(list.count == 1)
        let drone = try #require(list.first?.weapons.first)
        #expect(drone.count == 273)
        #expect(drone.destroyed == 88)
    }

    @Test func theAttackComparedWithIsNotThisOne() throws {
        let e = try #require(
            try events(
                "The commander called the barrage targeting Kyiv one of the most massive attacks, comparing it to the attack on New Year's Eve in which 90 Shaheds were launched."
            ).first)
        #expect(e.place == "Kyiv")
        #expect(e.weapons.allSatisfy { $0.count == nil })
    }

    @Test func weaponsCountedOverAWeekAreATotalNotAnAttack() throws {
        let total = try events(
            "In total, more than 1,300 attack drones and 29 missiles were used by Russia to strike Ukraine this week, Ukraine says."
        )
        #expect(total.isEmpty)
        // a record set this week is still the night's attack
        let record = try events("Russia launched 600 drones overnight, the biggest attack on the capital this month.")
        #expect(record.count == 1)
    }

    @Test func countsKeepTheWordsThatBoundThem() throws {
        let e = try #require(
            try events(
                "Officials said on Saturday that more than 200 drones and almost 30 missiles were fired by Russia overnight."
            ).first)
        #expect(
            e.weapons.map { "\($0.qualifier ?? "-") \($0.count ?? 0) \($0.name)" } == [
                "more than 200 drone", "almost 30 missile",
            ])
        #expect(e.weapons.allSatisfy { $0.approximate })
    }

    @Test func aPastAttackWithItsDateAndCountIsAnEvent() throws {
        let e = try #require(
            try events(
                "Ukraine said 273 drones were launched. The previous largest drone attack from Russia happened on the third anniversary of the full-scale invasion on 23 February, when Moscow launched 267 drones."
            ).last)
        #expect(e.weapons.first?.count == 267)
        #expect(e.when == "2026-01-23" || e.when == "2025-02-23")
        #expect(e.actor == "Russia")
        // the capital that launched is the side, not the place hit
        #expect(e.place == nil)
    }
}
