/// Samsyn's version: what `samsyn --version` prints and the Debian package is named by
/// (`scripts/package.sh`).
public enum SamsynVersion {
    public static let current = "0.9.0"
}
