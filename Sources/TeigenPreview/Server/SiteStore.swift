import TeigenBuild
import TeigenCore

/// The current site and build state; tells the live-reload hub about every change.
///
/// A failed build keeps the last good site; pages then show the error over it.
actor SiteStore {
    /// What is served now.
    private(set) var status: SiteStatus
    private let hub: LiveReloadHub
    private let session: String
    private var buildNumber = 0

    /// - Parameters:
    ///   - hub: where to announce builds.
    ///   - session: distinguishes the builds of this server process from those of an earlier one.
    init(hub: LiveReloadHub, session: String = String(UInt32.random(in: .min ... .max), radix: 16)) {
        self.hub = hub
        self.session = session
        self.status = SiteStatus(site: nil, failure: nil, build: session + "-0")
    }

    /// Sets the words of the site's languages (their i18n tables, the default first), for the overlay and the
    /// server's own pages.
    func setWords(_ tables: [I18nTable]) {
        status.text = OverlayText(tables: tables)
    }

    /// Serves a new snapshot and tells the pages: `reload`, `css`, or nothing when no output changed.
    /// - Returns: the event sent to the pages, if any.
    @discardableResult
    func install(_ snapshot: SiteSnapshot) async -> LiveReloadEvent? {
        let previous = status.site
        let site = ServedSite(snapshot: snapshot, reusing: previous)
        let wasFailing = status.failure != nil
        let change: SiteChange
        if let previous, previous.basePath == site.basePath {
            change = SiteChange.between(old: previous.files, new: site.files, changed: snapshot.changedPaths)
        } else {
            change = .pages
        }
        if change == .none && !wasFailing {
            status.site = site
            return nil
        }
        buildNumber += 1
        let build = session + "-" + String(buildNumber)
        status = SiteStatus(site: site, failure: nil, build: build, text: status.text)
        let event: LiveReloadEvent
        if case .stylesheets(let replacements) = change, !wasFailing {
            let urls = Dictionary(uniqueKeysWithValues: replacements.map { (Self.urlPath($0.key, in: site), Self.urlPath($0.value, in: site)) })
            event = .stylesheets(build: build, replacements: urls)
        } else {
            event = .reload(build: build)
        }
        await hub.publish(event)
        return event
    }

    /// The percent-encoded URL path of an output file, as `location.pathname` shows it in the browser.
    static func urlPath(_ key: String, in site: ServedSite) -> String {
        let file = RequestPath(segments: key.split(separator: "/").map(String.init), hasTrailingSlash: false)
        return site.base.appending(file).encoded
    }

    /// Records a failed build: the last good site stays, the pages show the error.
    func fail(_ failure: BuildFailure) async {
        status.failure = failure
        await hub.publish(.error(build: status.build, failure: failure, text: status.text))
    }
}
