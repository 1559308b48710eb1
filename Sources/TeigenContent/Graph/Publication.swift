import Foundation
import TeigenCore

/// Which pages a build publishes (Hugo's rules): a draft only with `--drafts`; a page whose `publishDate` (or,
/// without one, its `date`) is after "now" only with `--future`; a page whose `expiryDate` is now or before only
/// with `--expired`. Dates without an offset are read in the site's `timeZone`.
///
/// "Now" is given by the caller (the build's start, `SOURCE_DATE_EPOCH`, or a test's clock), never read here.
///
/// ```swift
/// let publication = Publication(now: Date(), timeZone: config.timeZone)
/// publication.status(of: page.frontMatter)   // .published, .draft, .future(date), .expired(date)
/// ```
public struct Publication: Sendable, Hashable {
    /// The instant the build takes as now.
    public var now: Date
    /// The time zone of dates written without an offset.
    public var timeZone: TimeZone
    public var includeDrafts: Bool
    public var includeFuture: Bool
    public var includeExpired: Bool

    public init(now: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!, includeDrafts: Bool = false, includeFuture: Bool = false, includeExpired: Bool = false) {
        self.now = now
        self.timeZone = timeZone
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.includeExpired = includeExpired
    }

    /// Why a page is left out of the build, or that it is not.
    public enum Status: Sendable, Hashable {
        case published
        case draft
        /// Not yet published: it will be at this instant.
        case future(Date)
        /// Expired at this instant.
        case expired(Date)
    }

    /// What the build does with a page of this front matter.
    public func status(of matter: FrontMatter) -> Status {
        if matter.draft && !includeDrafts { return .draft }
        if let publish = publishInstant(of: matter), publish > now, !includeFuture { return .future(publish) }
        if let expiry = matter.expiryDate?.instant(in: timeZone), expiry <= now, !includeExpired { return .expired(expiry) }
        return .published
    }

    /// When the page of this front matter appears: its `publishDate`, else its `date`.
    func publishInstant(of matter: FrontMatter) -> Date? {
        (matter.publishDate ?? matter.date)?.instant(in: timeZone)
    }

    /// The next instant after now at which a page of this front matter changes status (it appears or expires), if any.
    public func nextChange(of matter: FrontMatter) -> Date? {
        if matter.draft && !includeDrafts { return nil }
        let instants = [includeFuture ? nil : publishInstant(of: matter), includeExpired ? nil : matter.expiryDate?.instant(in: timeZone)]
        return instants.compactMap { $0 }.filter { $0 > now }.min()
    }
}
