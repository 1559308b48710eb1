import Foundation
import TeigenCore
import Yams

/// `dateFormat`, `dateFormatMonth` and `calendar` as `config.yaml` gives them, for the site or for one of its
/// `languages` (a language starts from the site's and changes what it gives): made into a `DateFormat` in a
/// language, whose month and weekday names it then writes.
struct DateSettings: Sendable {
    /// The ICU pattern of dates with a day.
    var pattern: String
    /// The ICU pattern of year-month dates, when given (else the language's own way of writing a month, from `pattern`).
    var monthPattern: String?
    var calendar = Calendar.Identifier.gregorian

    /// Reads the key `key` (one of the three) from `node`.
    mutating func read(_ key: String, _ node: Node, decoder: NodeDecoder) throws(DiagnosticError) {
        switch key {
        case "dateFormat": pattern = try ConfigLoader.datePattern(node, key: key, monthOnly: false, decoder: decoder)
        case "dateFormatMonth": monthPattern = try ConfigLoader.datePattern(node, key: key, monthOnly: true, decoder: decoder)
        default: calendar = try ConfigLoader.calendar(node, decoder: decoder)
        }
    }

    /// The format of dates for readers of `language`.
    func format(language: String) -> DateFormat {
        DateFormat(pattern: pattern, monthPattern: monthPattern, language: language, calendar: calendar)
    }
}
