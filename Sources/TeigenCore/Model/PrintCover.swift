/// The cover of a print document: what the cover page shows, top to bottom.
public struct PrintCover: Sendable, Hashable {
    /// The cover's title; the document's title when not given.
    public var title: String?
    public var subtitle: String?
    /// The publishing organisation, one line each from the largest (`公益財団法人笹川平和財団`, `安全保障研究グループ`);
    /// the first also heads the cover.
    public var organisation: [String]
    /// The authoring group (`新たな核の軍備管理・軍縮構想研究会`).
    public var group: String?
    /// The date as the cover shows it (`2024年3月`).
    public var date: String?

    public init(title: String? = nil, subtitle: String? = nil, organisation: [String] = [], group: String? = nil, date: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.organisation = organisation
        self.group = group
        self.date = date
    }
}
