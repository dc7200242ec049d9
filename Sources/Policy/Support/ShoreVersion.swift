/// Shore's version: what `shore --version` prints and what SARIF, JUnit and the
/// language server report as the tool's version.
public enum ShoreVersion {
    public static let current = "0.1.0"
}
