import Foundation

/// Dates as text, written by hand from Unix seconds: no `DateFormatter` or locale is built
/// per call, and every output shares one calendar computation.
package enum DateText {
  /// `16.10.2023`: the day in Helsinki, as Finnish authorities write dates (fi and sv).
  package static func finnish(_ t: Int64) -> String {
    let (y, m, d) = day(t, offsetSeconds: helsinkiOffset(t))
    return "\(d).\(m).\(y)"
  }

  /// `2023-10-16`: the ISO day at a fixed offset from UTC.
  package static func isoDay(_ t: Int64, offsetSeconds: Int) -> String {
    let (y, m, d) = day(t, offsetSeconds: offsetSeconds)
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  /// `2023-10-16 09:00`: ISO day and minute at a fixed offset (a commit's own zone).
  package static func isoMinute(_ t: Int64, offsetMinutes: Int) -> String {
    let local = t + Int64(offsetMinutes) * 60
    let secs = local - floorDiv(local, 86_400) * 86_400
    return isoDay(t, offsetSeconds: offsetMinutes * 60) + " \(pad(secs / 3600, 2)):\(pad(secs % 3600 / 60, 2))"
  }

  /// Seconds east of UTC in Helsinki at `t` (EET/EEST), from one cached time zone.
  package static func helsinkiOffset(_ t: Int64) -> Int {
    helsinki.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t)))
  }

  static let helsinki = TimeZone(identifier: "Europe/Helsinki") ?? TimeZone(secondsFromGMT: 7200)!

  static func day(_ t: Int64, offsetSeconds: Int) -> (Int64, Int64, Int64) {
    civil(floorDiv(t + Int64(offsetSeconds), 86_400))
  }

  static func pad(_ n: Int64, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

  static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

  /// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar
  /// (Howard Hinnant's `civil_from_days`).
  static func civil(_ z0: Int64) -> (Int64, Int64, Int64) {
    let z = z0 + 719_468
    let era = floorDiv(z, 146_097)
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
