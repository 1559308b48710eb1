/// Slugs for heading ids and page URLs that keep Japanese and other Unicode letters and digits.
public enum Slug {
    /// `提言 1：首脳外交` → `提言-1首脳外交`; letters lower-cased, punctuation and symbols dropped,
    /// runs of spaces and dashes become one `-`, `_` kept.
    /// May return an empty string; callers supply their own fallback.
    public static func make(_ text: String) -> String {
        SlugMaker.slug(text)
    }
}
