import Foundation
import Testing

@testable import WorkbenchExtraction
@testable import WorkbenchModel
@testable import WorkbenchScripting

@Suite struct DateTests {
    // 2026-01-30 is a Friday.
    private func dates(_ body: String) throws -> [DateMention] { try parseBody(body).dates }

    @Test func absoluteForms() throws {
        let d = try dates("Talks on Feb. 1, then 1 February 2026, February 3rd and 2026-02-04.")
        #expect(d.map(\.value) == ["2026-02-01", "2026-02-01", "2026-02-03", "2026-02-04"])
        #expect(d.allSatisfy { $0.kind == .absolute })
    }

    @Test func yearIsInferredNearTheReference() throws {
        let d = try dates("It happened on December 30 and will end on March 1.")
        #expect(d.map(\.value) == ["2025-12-30", "2026-03-01"])
    }

    @Test func aReportOfThePastReadsBackToTheLastSuchDay() throws {
        // the nearest 20 March is ahead, but what "happened" on it is last year's
        #expect(try dates("The previous largest attack happened on 20 March.").first?.value == "2025-03-20")
        #expect(try dates("The talks will resume on 20 March.").first?.value == "2026-03-20")
        // a window's edge told in the past may lie ahead, and so may a day just ahead
        #expect(try dates("Russia agreed to hold fire until 20 March.").first?.value == "2026-03-20")
        #expect(try dates("Officials said the talks open on 5 February.").first?.value == "2026-02-05")
        #expect(
            try dates("Before schools reopen on 20 March, volunteers cleared the damaged buildings.").first?.value
                == "2026-03-20")
        // a holiday months back, in a report of the past
        let july = try parseBody("On New Year's Eve, Russia launched 90 drones.", date: Day(2024, 7, 31)).dates
        #expect(july.first?.value == "2023-12-31")
        let ahead = try parseBody("Officials fear strikes on New Year's Eve.", date: Day(2024, 7, 31)).dates
        #expect(ahead.first?.value == "2024-12-31")
        // the holiday a pause is named for lies ahead even when the proposal is past
        let truce = try parseBody("The US had proposed a Christmas truce.", date: Day(2025, 12, 23)).dates
        #expect(truce.first?.value == "2025-12-25")
    }

    @Test func aClauseEndingInAPlanWordIsRead() throws {
        // "expected" as a clause's last word, with a date before it (once a crash)
        #expect(try dates("The vote on Tuesday went as expected").first?.value == "2026-01-27")
        #expect(try dates("On Tuesday, turnout was lower than expected.").first?.value == "2026-01-27")
    }

    @Test func weekdaysReadBackwardUnlessFuture() throws {
        #expect(try dates("The strike came on Tuesday.").first?.value == "2026-01-27")
        #expect(try dates("They will meet on Tuesday.").first?.value == "2026-02-03")
    }

    @Test func relativeExpressions() throws {
        let d = try dates("Over the weekend and last week, overnight, last year, in the coming days.")
        #expect(d[0].value == "2026-01-24" && d[0].endValue == "2026-01-25")
        #expect(d[1].value == "2026-01-19" && d[1].endValue == "2026-01-25")
        #expect(d[2].value == "2026-01-29" && d[2].endValue == "2026-01-30" && d[2].kind == .night)
        #expect(d[3].value == "2025-01-01" && d[3].endValue == "2025-12-31")
        #expect(d[4].value == "2026-01-31")
    }

    @Test func windowsAndRanges() throws {
        let d = try dates("Hold fire for a week until Feb. 1, and from March 3 to March 5.")
        let window = try #require(d.first { $0.kind == .window })
        #expect(window.value == "2026-01-25" && window.endValue == "2026-02-01")
        #expect(d.contains { $0.text == "Feb. 1" && $0.value == "2026-02-01" })
        let range = try #require(d.first { $0.kind == .range })
        #expect(range.value == "2026-03-03" && range.endValue == "2026-03-05")
    }

    @Test func unresolvableKeepsNull() throws {
        let d = try #require(try dates("It came days before the vote.").first)
        #expect(d.value == nil)
        let none = try parseBody("The strike came yesterday.", date: nil).dates.first
        #expect(none?.value == nil)
    }

    @Test func dayArithmetic() {
        let d = Day(2024, 2, 28)!
        #expect(d.adding(days: 1).iso == "2024-02-29")
        #expect(d.adding(days: 2).iso == "2024-03-01")
        #expect(Day(2026, 1, 30)!.weekday == 5)
        #expect(Day(iso: "2026-13-01") == nil)
    }

    @Test func holidaysByRuleAndTable() throws {
        // reference 2026-01-30: Orthodox Christmas (7 January) has just passed; Orthodox Easter 2026 is 12 April
        let d = try dates(
            "A truce over Orthodox Christmas failed. Another is proposed for Orthodox Easter, and for Eid al-Adha 2025 there was none."
        )
        #expect(d.map(\.value) == ["2026-01-07", "2026-04-12", "2025-06-06"])
        #expect(d.allSatisfy { $0.kind == .holiday })
        let us = try dates("Last Thanksgiving was quiet; next Christmas Eve will not be.")
        #expect(us.map(\.value) == ["2025-11-27", "2026-12-24"])
    }

    @Test func nthWeekdaysAndLastDays() throws {
        let d = try dates(
            "The vote is on the second Tuesday of March, the report on the last day of October 2026, talks on the third of February."
        )
        #expect(d.map(\.value) == ["2026-03-10", "2026-10-31", "2026-02-03"])
    }

    @Test func weekdayWithADate() throws {
        #expect(
            try dates("It began on Fri, Jan 23, and ended Tuesday the 27th.").map(\.value) == [
                "2026-01-23", "2026-01-27",
            ])
    }

    @Test func futureOffsets() throws {
        let d = try dates(
            "Talks resume in three days and end the day after tomorrow; a deal is due two weeks from now.")
        #expect(d.map(\.value) == ["2026-02-02", "2026-02-01", "2026-02-13"])
    }

    @Test func offsetsInDigitsAndAgoHence() throws {
        let d = try dates(
            "The deal was signed 1 week ago. It runs 3 years from today. Monitors arrive in 2 days. The report came out 3 months ago."
        )
        #expect(d.map(\.value) == ["2026-01-23", "2029-01-30", "2026-02-01", "2025-10-30"])
        #expect(d.allSatisfy { $0.kind == .relative })
    }

    @Test func aDateAloneInItsSentenceLooksAhead() throws {
        // a bare weekday heading or standing as its own sentence names the coming one
        #expect(try dates("Monday.").first?.value == "2026-02-02")
    }

    @Test func teamsAddHolidaysAndBadRulesAreNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("holidays-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("holidays.tsv")
        try "name\trule\taliases\nKyiv Day\tnth 5 sun -1\t\n".write(to: file, atomically: true, encoding: .utf8)
        let parser = ArticleParser(
            lexicon: try Lexicon.load(extraDirectories: [dir.path]), defaultDate: Day(2026, 1, 30))
        #expect(
            try parser.parse(text: "Headline\nThe strike came on Kyiv Day 2025.").dates.first?.value == "2025-05-25")
        try "name\trule\taliases\nBad Day\tsometime\t\n".write(to: file, atomically: true, encoding: .utf8)
        #expect { _ = try Lexicon.load(extraDirectories: [dir.path]) } throws: {
            "\($0)".contains("the holiday 'Bad Day' has the rule 'sometime'")
        }
    }

    @Test func daySpansMonthPartsAndSinceTheStart() throws {
        let d = try dates(
            "The truce ran from 5 to 7 January. On the night of 1-2 February drones hit Odesa. In mid-January talks resumed, and late March is the deadline. Since the start of the year, 40 attacks."
        )
        func find(_ text: String) -> DateMention? { d.first { $0.text == text } }
        #expect(find("5 to 7 January")?.value == "2026-01-05")
        #expect(find("5 to 7 January")?.endValue == "2026-01-07")
        #expect(find("1-2 February")?.value == "2026-02-01")
        #expect(find("1-2 February")?.endValue == "2026-02-02")
        #expect(find("mid-January")?.value == "2026-01-11")
        #expect(find("mid-January")?.endValue == "2026-01-20")
        #expect(find("late March")?.value == "2026-03-21")
        #expect(find("late March")?.endValue == "2026-03-31")
        #expect(find("Since the start of the year")?.value == "2026-01-01")
        #expect(find("Since the start of the year")?.endValue == "2026-01-30")
    }
}

@Suite struct WeekdayDateTests {
    @Test func theWeekdayPicksTheYearOfAMonthAndDay() throws {
        let a = try parse("Diary\n\nFri, Jul 18\n\nSunday, Feb 10\n", date: Day(2013, 2, 12))
        #expect(a.dates.map(\.value) == ["2014-07-18", "2013-02-10"])
    }

    @Test func aWordEndingTheParagraphBeforeIsNotPartOfTheDate() throws {
        let a = try parse("Diary\n\nMarch after next\n\nSunday, Feb 10\n", date: Day(2013, 2, 12))
        #expect(a.dates.last?.text == "Sunday, Feb 10")
    }
}

@Suite struct RelativeDateTests {
    /// The dates of a text written on Tuesday 12 February 2013, as text=value pairs.
    private func dates(_ body: String) throws -> [String] {
        try parse("Diary\n\n" + body + "\n", date: Day(2013, 2, 12)).dates.map { "\($0.text)=\($0.value ?? "nil")" }
    }

    @Test func aDayOfARelativeMonth() throws {
        #expect(try dates("The vote is on the 20th of next month.") == ["the 20th of next month=2013-03-20"])
        #expect(try dates("Payments fell due on 5 of the current month.") == ["5 of the current month=2013-02-05"])
        #expect(
            try dates("It was signed on the 20th day of the previous month.") == [
                "the 20th day of the previous month=2013-01-20"
            ])
    }

    @Test func anNthWeekdayOfARelativeMonth() throws {
        #expect(
            try dates("The talks began on the first Monday of last month.") == [
                "the first Monday of last month=2013-01-07"
            ])
        #expect(
            try dates("They meet on the second Tuesday of the month.") == ["the second Tuesday of the month=2013-02-12"]
        )
    }

    @Test func aWeekdayOfARelativeWeek() throws {
        #expect(try dates("The envoy arrives on Wednesday of next week.") == ["Wednesday of next week=2013-02-20"])
        #expect(try dates("The envoy arrives Wednesday next week.") == ["Wednesday next week=2013-02-20"])
        #expect(try dates("He spoke on Monday of this week.") == ["Monday of this week=2013-02-11"])
        #expect(try dates("The summit is on Friday after next.") == ["Friday after next=2013-02-22"])
        #expect(try dates("Elections are in March after next.") == ["March after next=2014-03-01"])
    }

    @Test func weekdaysCountedFromNow() throws {
        #expect(try dates("The deadline is three Fridays from now.") == ["three Fridays from now=2013-03-01"])
        #expect(try dates("The ship left 2 Thursdays ago.") == ["2 Thursdays ago=2013-01-31"])
    }

    @Test func upcomingUnitsAndLowercaseAbbreviations() throws {
        #expect(try dates("Prices rise over the upcoming two months.") == ["upcoming two months=2013-04-01"])
        #expect(try dates("thu") == ["thu=2013-02-14"])
        // "sat" is a verb: only its capital makes it Saturday
        #expect(try dates("She sat down.").isEmpty)
    }
}

@Suite struct HolidayYearTests {
    private func dates(_ body: String) throws -> [String] {
        try parse("Diary\n\n" + body + "\n", date: Day(2013, 2, 12)).dates.map { "\($0.text)=\($0.value ?? "nil")" }
    }

    @Test func holidaysFromTheTablesAndTheirYears() throws {
        #expect(try dates("Markets close for Pongal 2018.") == ["Pongal 2018=2018-01-14"])
        #expect(try dates("The vote falls on the Ides of March.") == ["the Ides of March=2013-03-15"])
        #expect(try dates("Prices peak at Diwali in 2019.") == ["Diwali in 2019=2019-10-27"])
        #expect(try dates("The mall opens by Thanksgiving in 3 years.") == ["Thanksgiving in 3 years=2016-11-24"])
        #expect(try dates("They last met at Easter two years ago.") == ["Easter two years ago=2011-04-24"])
    }
}
