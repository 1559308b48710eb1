import Foundation

/// A page the build left out, and why (`teigen build --verbose` lists them).
public struct SkippedPage: Sendable, Hashable {
    public init(sourcePath: String, reason: Reason, instant: Date? = nil) {
        self.sourcePath = sourcePath
        self.reason = reason
        self.instant = instant
    }

    /// Why a page was left out.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        case draft
        case future
        case expired
    }

    /// The path shown in messages (`site/content/news/a.md`).
    public var sourcePath: String
    public var reason: Reason
    /// When it will appear (future) or when it expired.
    public var instant: Date?
}
