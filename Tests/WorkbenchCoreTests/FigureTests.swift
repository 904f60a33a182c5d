import Testing

@testable import WorkbenchModel
@testable import WorkbenchScripting

@Suite struct FigureTests {
    private func figures(_ body: String) throws -> [Figure] { try parseBody(body).figures }

    @Test func countsWithWhatIsCounted() throws {
        let f = try figures(
            "Russia launched 111 attack drones and one Iskander-M ballistic missile, wounding one person.")
        #expect(f.map(\.value) == [111, 1, 1])
        #expect(f.map(\.counted) == ["attack drones", "Iskander-M ballistic missile", "person"])
        #expect(f.allSatisfy { $0.kind == .count })
    }

    @Test func negativeTemperature() throws {
        let f = try #require(try figures("Temperatures will plunge to minus 30C tonight.").first)
        #expect(f.value == -30)
        #expect(f.unit == "°C")
        #expect(f.kind == .temperature)
    }

    @Test func moneyPercentDistance() throws {
        let f = try figures("The deal is worth $2bn, up 40%, along a 30 km front.")
        #expect(f.count == 3)
        #expect(f[0].value == 2e9 && f[0].unit == "USD" && f[0].kind == .money)
        #expect(f[1].value == 40 && f[1].unit == "%")
        #expect(f[2].value == 30 && f[2].unit == "km")
    }

    @Test func numberWordsAndScales() throws {
        let f = try figures("About 1.5 million people and two dozen soldiers left; 4,000 stayed.")
        #expect(f[0].value == 1_500_000 && f[0].approximate)
        #expect(f[1].value == 24)
        #expect(f[2].value == 4000)
    }

    @Test func approximateQuantitiesAreFlagged() throws {
        let f = try #require(try figures("Hundreds of drones were fired.").first)
        #expect(f.approximate)
        #expect(f.counted == "drones")
    }

    @Test func rangesOrdinalsAndDurations() throws {
        let f = try figures("Between 10 and 15 people met for the second round, a week before the four-year mark.")
        #expect(f[0].value == 10 && f[0].valueMax == 15)
        #expect(f.contains { $0.kind == .ordinal && $0.value == 2 && $0.counted == "round" })
        #expect(f.contains { $0.kind == .duration && $0.value == 1 && $0.unit == "week" })
        #expect(f.contains { $0.kind == .duration && $0.value == 4 && $0.unit == "year" })
    }

    @Test func yearsAndDatesAreNotFigures() throws {
        let f = try figures("On Feb. 1 in 2025 nothing happened.")
        #expect(f.isEmpty)
    }

    @Test func spansMatchText() throws {
        let a = try parseBody("Some 300 troops and 12 tanks moved 40 km.")
        for f in a.figures { #expect(a.slice(f.start, f.end) == f.text) }
    }

    @Test func halvesAndExtraUnits() throws {
        let f = try figures(
            "The war has lasted two and a half years; the talks took an hour and a half and 2 more minutes.")
        #expect(f.map(\.value) == [2.5, 1.5, 2])
        #expect(f.map(\.unit) == ["year", "h", "min"])
    }

    @Test func capitalMIsMillionsAndPoundsOfIsWeight() throws {
        let f = try figures("The fund holds 1.2M dollars; the truck carried 500 pounds of explosives and cost 20 KWD.")
        #expect(f.map(\.value) == [1_200_000, 500, 20])
        #expect(f.map(\.unit) == ["USD", "lb", "KWD"])
        #expect(f.map(\.kind.rawValue) == ["money", "quantity", "money"])
    }

    @Test func ordinalsOfTimeUnitsAndVerbsAfterCounts() throws {
        let a = try parseBody(
            "As the war enters its sixth month, she said that of 11 volunteers, eight died in a missile strike.",
            date: Day(2022, 8, 11))
        let sixth = try #require(a.figures.first { $0.text.hasPrefix("sixth") })
        #expect(sixth.kind == .ordinal)
        #expect(sixth.counted == "month")
        #expect(a.figures.first { $0.value == 8 }?.counted == nil)
        #expect(a.events.first?.killed == 8)
    }

    @Test func labelNumbersCountNothing() throws {
        let a = try parseBody(
            "Prosecutors opened cases under Article 438 of the Ukrainian criminal code, with nearly 16,000 such cases now open."
        )
        #expect(a.figures.first { $0.value == 438 }?.counted == nil)
        #expect(a.figures.first { $0.value == 16000 }?.counted == "such cases")
    }
}

@Suite struct StandingOrdinalTests {
    @Test func anOrdinalAfterTheOrAloneIsAFigureButAnAdverbIsNot() throws {
        let a = try parse(
            "List\n\nThe attack was the third in a week.\n\nThird.\n\nShe first broached the idea in May.\n")
        let ordinals = a.figures.filter { $0.kind == .ordinal }.map { ($0.text, $0.value) }
        #expect(ordinals.map(\.0) == ["third", "Third"])
        #expect(ordinals.map(\.1) == [3, 3])
    }
}

@Suite struct MoneyPartsTests {
    @Test func codesGluedToAmountsAndHundredthsAfterThemAreOneSum() throws {
        let a = try parse("Prices\n\nIt cost UAH3.04, or CAD3.03, then 20 dollars 43 cents and later $20 and 43c.\n")
        let money = a.figures.filter { $0.kind == .money }.map { ($0.text, $0.value ?? -1, $0.unit ?? "") }
        #expect(money.map(\.0) == ["UAH3.04", "CAD3.03", "20 dollars 43 cents", "$20 and 43c"])
        #expect(money.map(\.1) == [3.04, 3.03, 20.43, 20.43])
        #expect(money.map(\.2) == ["UAH", "CAD", "USD", "USD"])
    }

    @Test func anAmountAndACountStayApart() throws {
        let a = try parse("Aid\n\nThe fund paid $20 and 43 families received it.\n")
        #expect(a.figures.first { $0.kind == .money }?.value == 20)
    }
}

@Suite struct MeasurePartsTests {
    @Test func lengthsOfTimeAndDistancesToldInPartsAreOne() throws {
        let a = try parse(
            "Race\n\nHe served five years and eight months, ran two hours, 23 minutes and 10 seconds, and jumped 7 feet 10 inches.\n"
        )
        let parts = a.figures.filter { $0.kind == .duration || $0.kind == .distance }.map {
            ($0.text, $0.value ?? -1, $0.unit ?? "")
        }
        #expect(
            parts.map(\.0) == [
                "five years and eight months", "two hours, 23 minutes and 10 seconds", "7 feet 10 inches",
            ])
        #expect(parts.map(\.1) == [68, 8590, 94])
        #expect(parts.map(\.2) == ["month", "s", "in"])
    }

    @Test func twoLengthsOfOneUnitStayApart() throws {
        let a = try parse("Walk\n\nThey walked 3 km, then 2 km more.\n")
        #expect(a.figures.filter { $0.kind == .distance }.count == 2)
    }
}

@Suite struct FractionTests {
    @Test func slashFractionsAndHalfBeforeAUnit() throws {
        let a = try parse("Times\n\nIt took 1/2 hour, then half day, then 3/4 mile.\n")
        #expect(a.figures.map { $0.value ?? -1 } == [0.5, 0.5, 0.75])
        #expect(a.figures.map { $0.unit ?? "" } == ["h", "day", "mi"])
    }

    @Test func aSlashWithoutAUnitIsNoFraction() throws {
        let a = try parse("Score\n\nThe vote was 1/2 of the board.\n")
        #expect(!a.figures.contains { $0.value == 0.5 })
    }
}

@Suite struct QuarterAndMinuteTests {
    @Test func quartersOfAnHourAndMinutesAfterHours() throws {
        let a = try parse(
            "Shifts\n\nShifts lasted one and a quarter hours, two and three quarters of an hour and one hour and half.\n"
        )
        #expect(a.figures.map { $0.value ?? -1 } == [1.25, 2.75, 1.5])
        #expect(a.figures.map { $0.unit ?? "" } == ["h", "h", "h"])
        let b = try parse("Flight\n\nThe flight takes 1 hour thirty.\n")
        #expect(b.figures.map { $0.value ?? -1 } == [1.5])
        // minutes are joined only where the phrase ends: "2 hours 10 soldiers" are two figures
        let c = try parse("Patrol\n\nThey waited 2 hours 10 soldiers away.\n")
        #expect(c.figures.map { $0.value ?? -1 } == [2, 10])
    }
}

@Suite struct CurrencyWordTests {
    @Test func currencyNamesInAnyCaseCodesGluedAndADollar() throws {
        let a = try parse(
            "Prices\n\nTickets cost 42 kuwaiti Dinar, RM42, Rs. 20 and 20 ringgit and 43 sen; a coffee is a dollar.\n")
        #expect(a.figures.map { $0.unit ?? "" } == ["KWD", "MYR", "INR", "MYR", "USD"])
        #expect(a.figures.map { $0.value ?? -1 } == [42, 42, 20, 20.43, 1])
    }

    @Test func aCurrencyWordBeforeAnAmountOrANounIsNotADollar() throws {
        // a converted symbol ("a dollars 1bn deal") and an adjective use ("a renminbi revaluation")
        let a = try parse("Deals\n\nIt agreed a dollars 1bn deal and feared a renminbi revaluation.\n")
        #expect(!a.figures.contains { $0.value == 1 && $0.kind == .money })
    }
}

@Suite struct NumberWordTests {
    @Test func decimalsInWordsPluralScalesAndDozens() throws {
        let a = try parse(
            "Figures\n\nThe convoy drove three point five miles with 200 dozens of eggs worth three thousand millions of dollars.\n"
        )
        #expect(a.figures.map { $0.value ?? -1 } == [3.5, 2400, 3e9])
        // "at one point" is a moment, not 1.2
        let b = try parse("Talks\n\nAt one point two envoys left the room.\n")
        #expect(!b.figures.contains { $0.value == 1.2 })
    }
}

@Suite struct EllipticalFigureTests {
    private func figures(_ text: String) throws -> [String] {
        try parse("Toll\n\n" + text + "\n").figures.map {
            "\($0.text)=\($0.value ?? -1) \($0.kind) \($0.counted ?? $0.unit ?? "-")"
        }
    }

    @Test func tollsWithoutTheirNoun() throws {
        #expect(try figures("The strike left four injured.") == ["four=4.0 count injured"])
        #expect(
            try figures("Gunmen killed two and injured seven.") == ["two=2.0 count killed", "seven=7.0 count injured"])
    }

    @Test func aPartAndItsWholeShareTheirNoun() throws {
        #expect(
            try figures("Officials said 18 out of 33 cruise missiles were downed.") == [
                "18=18.0 count cruise missiles", "33 cruise missiles=33.0 count cruise missiles",
            ])
        #expect(
            try figures("Of the passengers, 44 out of 91 survived.") == [
                "44=44.0 count passengers", "91=91.0 count passengers",
            ])
        #expect(
            try figures("Four people were hurt, two of them children.") == [
                "Four people=4.0 count people", "two of them children=2.0 count children",
            ])
        #expect(
            try figures("Four people were hurt, two of them in Kyiv.") == [
                "Four people=4.0 count people", "two of them=2.0 count people",
            ])
    }

    @Test func agesAndNamesWithNumberWords() throws {
        #expect(
            try figures("A 30-month-old boy and a two-year-old girl were rescued.") == [
                "30-month-old=30.0 age month", "two-year-old=2.0 age year",
            ])
        #expect(try figures("A one-and-a-half-year-old was rescued.") == ["one-and-a-half-year-old=1.5 age year"])
        #expect(try figures("First responders reached the site.").isEmpty)
    }
}
