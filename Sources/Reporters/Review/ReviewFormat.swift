/// The formats `shore review` writes.
public enum ReviewFormat: String, CaseIterable, Sendable {
    case markdown
    case html
    case text
}

extension ReviewReport {
    /// The review in `format`. Pure: the same review gives the same text.
    public func render(as format: ReviewFormat) -> String {
        switch format {
        case .markdown: ReviewMarkdownRenderer.render(self)
        case .html: ReviewHTMLRenderer.render(self)
        case .text: ReviewTextRenderer.render(self)
        }
    }
}
