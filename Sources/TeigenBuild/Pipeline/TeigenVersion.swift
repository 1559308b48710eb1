/// Teigen's version, shown by `teigen --version` and in `site.generator`.
public enum TeigenVersion {
    public static let current = "0.1.0"
}
