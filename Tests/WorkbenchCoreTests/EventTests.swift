import Testing

@testable import WorkbenchModel
@testable import WorkbenchScripting

/// Strike events on short texts written for these tests.
@Suite struct EventTests {
    private func events(_ body: String) throws -> [StrikeEvent] { try parseBody(body).events }

    @Test func aThreatOrACapabilityIsNoAttack() throws {
        // "the threat of", "capable of", "able to" make what follows a possibility (event_phrases.tsv)
        #expect(try events("Residents of Odesa live under the threat of drone strikes on the port.").isEmpty)
        #expect(try events("The new launchers are able to hit targets in Crimea from the Kherson region.").isEmpty)
        #expect(try events("Russian drones hit the port of Odesa overnight, the governor said.").count == 1)
    }

    @Test func aBarrageWithCountsLaunchPlaceAndReporter() throws {
        let e = try #require(
            try events(
                "Overnight, Russia launched 90 Shahed drones and two Kinzhal missiles from the Kursk region, the Ukrainian air force said."
            ).first)
        #expect(e.kind == .barrage)
        #expect(e.actor == "Russia")
        #expect(e.weapons.map { "\($0.count ?? 0) \($0.name)" } == ["90 Shahed", "2 Kinzhal"])
        #expect(e.launchPlace == "Kursk region")
        #expect(e.reportedBy == "Ukrainian air force")
        #expect(e.when == "2026-01-29/2026-01-30")
    }

    @Test func ellipticalAndApproximateCounts() throws {
        let e = try #require(
            try events("Russia launched nearly 300 attack drones, 18 ballistic and 7 cruise missiles at Ukraine.").first
        )
        let byName = Dictionary(uniqueKeysWithValues: e.weapons.map { ($0.name, $0) })
        #expect(byName["attack drone"]?.count == 300)
        #expect(byName["attack drone"]?.approximate == true)
        #expect(byName["ballistic missile"]?.count == 18)
        #expect(byName["cruise missile"]?.count == 7)
    }

    @Test func armedForcesAreTheirCountrysActor() throws {
        let e = try #require(
            try events("Russian forces struck a Ukrainian naval vessel, killing one member of the crew.").first)
        #expect(e.actor == "Russia")
        #expect(e.targetType == "military")
        #expect(e.killed == 1)
    }

    @Test func theSideWhoseForcesWereHitDidNotAttack() throws {
        // "Russia" appears only as what was hit: the attacker is the other side at war
        let planes = try events(
            "Ukraine and Russia are at war. Ukraine said Wednesday that nine Russian warplanes were destroyed in explosions at an air base in Crimea."
        )
        #expect(planes.first?.actor == "Ukraine")
        #expect(planes.first?.weapons.isEmpty == true)  // the warplanes were the target, not the weapon
        let soldiers = try events(
            "Ukraine and Russia are at war. The military said Saturday it had killed scores of Russian soldiers and destroyed two ammunition dumps in the Kherson region."
        )
        #expect(soldiers.first?.actor == "Ukraine")
        // the attacker named as such still wins
        let shelled = try events(
            "Ukraine and Russia are at war. Russian troops shelled Ukrainian positions near Kharkiv.")
        #expect(shelled.first?.actor == "Russia")
    }

    @Test func forcesThatContinueShellingAreTheAttackerNotASource() throws {
        let e = try events(
            "Ukraine and Russia are at war. Moscow's forces continued shelling the city of Nikopol from the Russian-occupied Zaporizhzhia power station."
        )
        #expect(e.first?.actor == "Russia")
        #expect(e.first?.place == "Nikopol")
        // pressing an offensive is ground combat
        #expect(try events("Russian troops continued to try to press their attack in the east.").isEmpty)
    }

    @Test func overnightDatesTheAttackWhereverItStands() throws {
        // 2026-01-30 is a Friday: "overnight Thursday" is Thursday's night, however far from the attack word
        let e = try events(
            "A newborn baby was killed in an attack on a hospital in the town of Vilniansk in Zaporizhzhia Oblast, Ukraine, overnight Thursday, the local mayor told reporters."
        )
        #expect(e.first?.when?.hasPrefix("2026-01-29") == true)
        // the day the ministry spoke is not the night of the attack
        let report = try events(
            "Earlier on Friday, the ministry said its air defenses shot down seven Ukrainian drones over the Krasnodar region overnight."
        )
        #expect(report.first?.when?.hasPrefix("2026-01-29") == true)
        // a ministry telling of its own side's strike names the side
        let own = try events(
            "The Russian Defense Ministry said Friday that it had carried out a massive strike overnight on energy facilities."
        )
        #expect(own.first?.actor == "Russia")
    }

    @Test func tollsReachPastPlacesAndPartsOfACrew() throws {
        let village = try events(
            "Two residents of the village of Staryi Saltiv in the Kharkiv region in the northeast were killed Wednesday in Russian shelling, police reported."
        )
        #expect(village.first?.killed == 2)
        let crew = try events(
            "Russian forces also struck a Ukrainian naval vessel, killing one member of the crew and wounding several others."
        )
        #expect(crew.first?.killed == 1)
        // a part of a toll told elsewhere is still no toll of its own
        let part = try events("Russian missiles hit Kharkiv. Three of the children killed were under ten.")
        #expect(part.first?.killed == nil)
        #expect(
            try events("At least 53 of them died in an explosion at a prison in eastern Ukraine.").first?.killed == 53)
    }

    @Test func capabilitiesAndCampaignsAreNoAttacks() throws {
        #expect(try events("Ukrainian forces are capable of striking far behind the front line in Crimea.").isEmpty)
        #expect(
            try events("Russian forces were intensifying their attacks in the east, in the Donetsk region.").isEmpty)
    }

    @Test func twoAttacksInOneSentenceAreTwoEvents() throws {
        let two = try events(
            "Russian forces launched a missile attack on Odesa on Thursday and pounded the Mykolaiv region as well, officials said."
        )
        #expect(two.map { $0.place ?? "-" } == ["Odesa", "Mykolaiv region"])
        #expect(two.allSatisfy { $0.actor == "Russia" })
        let again = try events(
            "Russian rockets hit a school in Kharkiv overnight and another attack occurred about an hour later, the mayor said."
        )
        #expect(again.count == 2)
        // one attack on two places it names together stays one
        #expect(try events("Russian missiles hit Odesa and Mykolaiv overnight.").count == 1)
    }

    @Test func anotherTargetToldOnItsOwnDayIsItsOwnEvent() throws {
        let e = try events(
            """
            Russian shelling destroyed the children's hospital in the Kharkiv region. Doctors moved the patients.         On Saturday, a museum in the Kharkiv region was destroyed after Russian shelling hit the roof.
            """)
        #expect(e.count == 2)
        // the same attack told again with another detail stays one
        let one = try events(
            "Russian shelling destroyed a hospital in the Kharkiv region on Friday. A school in the Kharkiv region was also damaged, officials said."
        )
        #expect(one.count == 1)
    }

    @Test func aLullIsNoPauseTalk() throws {
        let e = try events("After a short pause, Russia is again bombarding Kharkiv, Ukraine's second city.")
        #expect(e.first?.place == "Kharkiv" && e.first?.actor == "Russia")
        #expect(try events("Talks on a pause in strikes on Kharkiv continued.").isEmpty)
    }

    @Test func theAttacksClauseNamesItsPlace() throws {
        let e = try events(
            "Leaders pleaded for Russia to end military operations near the Zaporizhzhia nuclear power plant, but Nikopol came under fire three times overnight from rockets and mortar shells."
        )
        #expect(e.first?.place == "Nikopol")
        let region = try events(
            "Russian forces shelled the central region of Dnipropetrovsk, where 13 people were killed.")
        #expect(region.first?.place == "Dnipropetrovsk region")
    }

    @Test func theExplosionsTakesItsTollBackToTheAttack() throws {
        let e = try events(
            """
            Ukraine said nine Russian warplanes were destroyed in explosions at an air base in Crimea. Russia denied any aircraft were damaged.         Satellite photos showed burned jets. Analysts were divided. Crimea holds great significance. Ukraine has vowed to retake it.         Russian warplanes have used the base to strike areas in the south. The explosions, which killed one person and wounded 14, sent tourists fleeing.
            """)
        #expect(e.count == 1)
        #expect(e.first?.killed == 1 && e.first?.wounded == 14)
    }

    @Test func placeTargetAndToll() throws {
        let e = try #require(
            try events(
                "A missile hit a power plant in Odesa on Tuesday, killing two people and wounding five, officials said."
            ).first)
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
        let a = try parseBody(
            "In the Kyiv region, a woman was killed and another two people injured in the Russian aerial attack overnight, regional head Mykola Kalashnyk said.",
            date: Day(2025, 6, 23))
        let e = try #require(a.events.first)
        #expect(e.killed == 1)
        #expect(e.wounded == 2)
    }

    // MARK: Who attacked

    @Test func interceptionsGiveTheSideThatLaunched() throws {
        let e = try #require(
            try events(
                "Russia's defence ministry said its air defences shot down 25 Ukrainian drones over the Belgorod region overnight."
            ).first)
        #expect(e.actor == "Ukraine")
        #expect(e.weapons.first?.count == 25)
        #expect(e.weapons.first?.destroyed == 25)
        // launched and then downed: the launch is the report, not another attack
        let l = try events(
            "Overnight, Russia launched 635 drones and 38 missiles at Ukraine, the air force said, adding that 621 of them were downed."
        )
        #expect(l.count == 1)
        #expect(l.first?.actor == "Russia")
        #expect(l.first?.weapons.first?.destroyed == nil)
    }

    @Test func aPartyThatReportsItsOwnStrikeIsTheActor() throws {
        let e = try #require(
            try events("The Ukrainian military said it struck a Russian ammunition depot in the Kherson region.").first)
        #expect(e.actor == "Ukraine")
        #expect(e.targetType == "military")
        // a party that only reports someone else's attack is its source
        let r = try #require(try events("Ukraine said Russian missiles hit a school in Kharkiv.").first)
        #expect(r.actor == "Russia")
    }

    @Test func theSideOppositeThePlaceHitWhenNobodyIsNamed() throws {
        let a = try parseBody(
            "Russia and Ukraine traded blame again. A drone hit a house in Kharkiv, the mayor said. Russia said Ukraine is losing."
        )
        #expect(a.events.first?.actor == "Russia")
        let b = try parseBody(
            "Russia and Ukraine traded blame again. Explosions hit an oil depot in Belgorod, the governor said. Ukraine said Russia is losing."
        )
        #expect(b.events.first?.actor == "Ukraine")
    }

    // MARK: What is not an attack

    @Test func totalsPatternsHypotheticalsAndGroundCombatAreNotEvents() throws {
        for text in [
            "Since the start of the war, Russia has launched 1,250 missiles at Ukraine.",
            "That would mean Russia has launched nearly 450 drones at Kyiv.",
            "Russia has targeted Ukraine's energy grid every winter.",
            "Russia threatened to strike government buildings in Kyiv.",
            "Two soldiers were killed in fighting near Bakhmut.",
            "The UN says 5,587 civilians have been killed and 7,890 wounded in the Russian invasion.",
            "The attacks came as delegations met in Istanbul.",
            "Both sides have traded accusations of shelling the Zaporizhzhia nuclear plant.",
            "Russia launched its full-scale invasion of Ukraine in February 2022.",
        ] {
            #expect(try events(text).isEmpty, "\(text)")
        }
        // a record is not a total
        #expect(
            try events("Russia launched 728 drones overnight, the largest attack since the start of the war.").count
                == 1)
    }

    // MARK: Tolls

    @Test func tollsFollowTheWordsThatGovernThem() throws {
        func toll(_ text: String) throws -> (Int?, Int?) {
            let e = try #require(try events(text).first)
            return (e.killed, e.wounded)
        }
        #expect(try toll("A missile hit Odesa overnight. Two people died and at least two were injured.") == (2, 2))
        #expect(try toll("A drone struck a house in Sumy, and a 80-year-old woman was killed.") == (1, nil))
        #expect(try toll("Shelling hit Kherson on Monday. Another person was wounded.") == (nil, 1))
        #expect(try toll("Russian shelling of Nikopol wounded four people on Monday.") == (nil, 4))
        #expect(try toll("A missile struck Dnipro, killing three people, including a child.") == (3, nil))
        #expect(try toll("In Kherson, shelling killed three people and 10 more were injured.") == (3, 10))
        // a part of a toll given with its whole is the part's toll
        #expect(
            try toll(
                "Twenty-two of the 23 killed were in the residential block hit in the Darnytskyi district of Kyiv, the emergency service said."
            ) == (22, nil))
        // the toll word among the figure's own words
        #expect(
            try toll("The overnight attack on Kyiv left at least one person dead and 27 injured, officials said.") == (
                1, 27
            ))
        // a count of weapons before the toll word is not part of the toll
        #expect(
            try toll("Russia launched 40 drones and two missiles at Kyiv overnight, killing three people.") == (3, nil))
        // "killed or wounded" counts casualties, not deaths; claimed kills of soldiers are no toll
        #expect(
            try toll("A rocket attack on Kramatorsk killed or wounded dozens, and two people were killed.") == (2, nil))
        #expect(
            try toll("Russia said it struck a train in Chaplyne and claimed to have killed 200 reservists.") == (
                nil, nil
            ))
    }

    @Test func theLatestTollWinsAndApproximationIsKept() throws {
        let e = try #require(
            try events(
                "A missile hit an apartment block in Dnipro on Saturday, killing at least three people. The death toll had risen again to 10 by Sunday, officials said."
            ).first)
        #expect(e.killed == 10)
        let a = try #require(try events("Russian drones struck Odesa overnight, killing at least four people.").first)
        #expect(a.killed == 4)
        #expect(a.killedApproximate)
    }

    // MARK: One event per attack

    @Test func factsOfOneAttackAcrossSentencesAreOneEvent() throws {
        let e = try events(
            """
            Russia launched 60 drones at Kyiv overnight, the air force said. A residential building in the capital was hit.         Three people were killed and 12 wounded, the mayor said. Rescuers worked through the night.
            """)
        #expect(e.count == 1)
        #expect(e.first?.killed == 3 && e.first?.wounded == 12)
        #expect(e.first?.targetType == "residential")
        #expect(e.first?.evidence.count == 3)
    }

    @Test func aPlaceWithItsOwnDetailsInsideABarrageIsItsOwnEvent() throws {
        let e = try events(
            """
            Overnight, Russia launched 111 drones and one missile at Ukraine, the air force said.         In Zaporizhzhia, a residential building was hit, wounding one person.         Elsewhere, drones struck an energy facility in the Chernihiv region, officials said.
            """)
        #expect(e.count == 3)
        #expect(e.map(\.place) == [nil, "Zaporizhzhia", "Chernihiv region"])
        #expect(e[1].wounded == 1 && e[1].targetType == "residential")
        #expect(e[2].targetType == "energy")
    }

    @Test func anOvernightAttackDatesFromTheEveningItBegan() throws {
        let e = try #require(try events("Russian drones attacked Kyiv overnight, killing two people.").first)
        #expect(e.when == "2026-01-29/2026-01-30")
        // the day the officials spoke is not the day of the attack
        let r = try #require(
            try events("Officials said on Saturday that a missile struck Odesa on Thursday, killing two.").first)
        #expect(r.when == "2026-01-29")
    }
}

@Suite struct AttackerAccountTests {
    @Test func theAttackersOwnAccountOfTheNightIsTheSameAttack() throws {
        let body = """
            Russia launched a fresh overnight attack against Kyiv with hundreds of drones, local authorities said.

            The Russian Defense Ministry said Saturday that it had carried out a massive strike overnight on energy facilities.
            """
        let events = try parse("Kyiv attacked\n\n" + body, date: Day(2025, 12, 27)).events
        #expect(events.count == 1, "\(events.map(\.text))")
        #expect(events.first?.place == "Kyiv")
    }

    @Test func anotherNightsAccountStaysItsOwn() throws {
        let body = """
            Russia launched an overnight attack against Kyiv with hundreds of drones on Monday, local authorities said.

            On Thursday, the Russian Defense Ministry said that it had carried out a massive strike on energy facilities.
            """
        let events = try parse("Kyiv attacked\n\n" + body, date: Day(2025, 12, 27)).events
        #expect(events.count == 2, "\(events.map(\.text))")
    }
}

@Suite struct DistanceReferenceTests {
    @Test func aPlaceNamedAsADistanceIsNoLaunchSite() throws {
        let e = try #require(
            try parseBody(
                "Russian air defences intercepted 49 Ukrainian drones over Bryansk, nearly 300 miles from Valdai, overnight."
            ).events.first)
        #expect(e.actor == "Ukraine")
        #expect(e.place == "Bryansk")
        #expect(e.launchPlace == nil)
    }
}

@Suite struct OverviewTests {
    @Test func aPlaceWithItsOwnTollAfterAnOverviewIsItsOwnAttack() throws {
        let body = """
            At least eight people have been killed and more than 30 injured across Ukraine in overnight Russian drone and missile attacks, officials said.

            Four deaths were reported in Ukraine's western Khmelnytskyi region.
            """
        let events = try parse("Strikes\n\n" + body, date: Day(2025, 5, 25)).events
        #expect(events.count == 2, "\(events.map(\.text))")
        #expect(events.first?.place == nil && events.first?.killed == 8)
        #expect(events.last?.place == "Khmelnytskyi region" && events.last?.killed == 4)
        // a passive report verb names no reporter
        #expect(events.last?.reportedBy == nil)
    }
}

@Suite struct EarlierAttackTests {
    @Test func anAttackNamedAWeekBeforeIsItsOwnEvent() throws {
        let body = """
            A newborn baby was killed in an attack on a hospital in the town of Vilniansk overnight Tuesday, the local mayor said.

            The attack on the hospital came just a week after a deadly Russian strike on a residential building in Vilniansk that killed 11 people.
            """
        let events = try parse("Hospital hit\n\n" + body, date: Day(2022, 11, 23)).events
        #expect(events.count == 2, "\(events.map(\.text))")
        let earlier = try #require(events.last)
        #expect(earlier.killed == 11)
        #expect(earlier.targetType == "residential")
        // its day is a week before, which the sentence does not give
        #expect(earlier.when == nil)
        #expect(events.first?.killed == 1)
    }
}

@Suite struct CapitalsAndCommentsTests {
    @Test func aCapitalActingInThePastTenseIsItsGovernmentButOneThatSuffersIsAPlace() throws {
        #expect(try parseBody("On Monday, Moscow turned its attention to one specific civilian death.").events.isEmpty)
        let e = try #require(
            try parseBody(
                "It comes a day after Kyiv suffered one of the heaviest missile attacks of the war, killing at least 13."
            ).events.first)
        #expect(e.place == "Kyiv")
    }

    @Test func whoCondemnsAnAttackDidNotMakeIt() throws {
        let e = try #require(
            try parseBody("Russian officials condemned the drone attack on Belgorod on Monday.").events.first)
        #expect(e.actor != "Russia")
    }
}

@Suite struct NightReporterTests {
    @Test func whoeverGaveANightsCountsReportsIt() throws {
        let body = """
            Officials said three people were killed in massive overnight Russian drone and missile strikes on Ukraine.

            Overnight, Russia launched 635 drones and 38 missiles on a number of Ukrainian regions, Ukraine's air force said.
            """
        let events = try parse("Strikes\n\n" + body, date: Day(2025, 12, 23)).events
        #expect(events.count == 1)
        #expect(events.first?.reportedBy == "Ukrainian air force")
        #expect(events.first?.killed == 3)
    }
}

@Suite struct UndergoingSideTests {
    @Test func theSideThatSuffersTheBlowWasHit() throws {
        let body =
            "Ukraine and Russia traded accusations. Russia suffered a new blow this month when a series of explosions ripped through an air base in Crimea."
        let e = try #require(try parseBody(body, date: Day(2022, 8, 20)).events.first)
        #expect(e.actor == "Ukraine")
    }
}

@Suite struct LinkedAttackTests {
    @Test func anAttackNamedAsTheCauseIsItsOwnEvent() throws {
        let body = """
            Overnight, Russia launched 635 drones and 38 missiles at Ukraine, the air force said.

            Many suspect the overnight attack is linked to Monday's killing of a general after a car bomb exploded in Moscow.

            Lt Gen Fanil Sarvarov - the head of the armed forces' training department - died in the blast.
            """
        let events = try parse("Strikes\n\n" + body, date: Day(2025, 12, 23)).events
        #expect(events.count == 2, "\(events.map(\.text))")
        let bomb = try #require(events.last)
        #expect(bomb.place == "Moscow")
        #expect(bomb.killed == 1)
        #expect(events.first?.weapons.map(\.count) == [635, 38])
    }
}

@Suite struct ProgressiveCampaignTests {
    @Test func pluralRaidsInThePastProgressiveAreACampaign() throws {
        #expect(
            try parseBody(
                "It was a bright spring day in Zaporizhzhia, but the Russians were running bombing raids in the region."
            ).events.isEmpty)
        // a toll makes it a report
        #expect(
            try parseBody("The Russians were running bombing raids on Zaporizhzhia on Monday, killing two people.")
                .events.count == 1)
    }
}
