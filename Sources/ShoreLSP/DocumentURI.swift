import Foundation

/// `file:` URIs and paths.
enum DocumentURI {
    /// The path of a `file:` URI (percent-decoded), else the URI itself.
    public static func path(of uri: String) -> String {
        guard uri.hasPrefix("file://") else { return uri }
        var rest = String(uri.dropFirst("file://".count))
        if let slash = rest.firstIndex(of: "/") { rest = String(rest[slash...]) }  // drop an authority
        return rest.removingPercentEncoding ?? rest
    }

    /// A `file:` URI for an absolute path.
    static func uri(ofPath path: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~")
        return "file://" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path)
    }
}
