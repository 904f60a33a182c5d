import Foundation
import WorkbenchModel

/// `workbench.time`: calendar days and time-zone offsets for the Lua library's times (pause windows,
/// attack logs, incidents), from the Swift side: `Day`'s civil calendar and Foundation's time-zone
/// database, so any IANA zone ("America/New_York", "Europe/Kyiv") has its real daylight-saving rules.
extension ScriptRuntime {
    /// Pushes the `workbench.time` table.
    func pushTimeModule() {
        lua.newTable()
        // days(y, m, d): days since 1970-01-01, or nil when there is no such date
        lua.push(function: { l in
            guard let day = Day(try l.checkInteger(1), try l.checkInteger(2), try l.checkInteger(3)) else {
                l.pushNil()
                return 1
            }
            l.push(day.ordinal)
            return 1
        })
        lua.setField("days", in: -2)
        // civil(days): year, month, day and ISO weekday (1 = Monday) of a day counted from 1970-01-01
        lua.push(function: { l in
            let day = Day(ordinal: try l.checkInteger(1))
            l.push(day.year)
            l.push(day.month)
            l.push(day.day)
            l.push(day.weekday)
            return 4
        })
        lua.setField("civil", in: -2)
        // offset(zone, utc): the zone's offset from UTC in minutes at an instant (minutes since 1970), or nil and a message
        let zones = ZoneCache()
        lua.push(function: { l in
            let name = try l.checkString(1)
            let utc = try l.checkInteger(2)
            guard let zone = zones.zone(name) else {
                l.pushNil()
                l.push("unknown time zone: \(name)")
                return 2
            }
            l.push(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc) * 60)) / 60)
            return 1
        })
        lua.setField("offset", in: -2)
    }
}

/// Time zones by name, looked up once per runtime (the functions of one Lua state run on one thread).
private final class ZoneCache {
    private var zones: [String: TimeZone?] = [:]

    /// The zone with an IANA identifier, or nil when the system does not know it.
    func zone(_ name: String) -> TimeZone? {
        if let known = zones[name] { return known }
        let z = TimeZone(identifier: name)
        zones[name] = z
        return z
    }
}
