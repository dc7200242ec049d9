/// What one rule's findings on one thread share, kept while the rule runs over a plan:
/// the lines that explain a failed assert (`Explanation.Cache`) and the messages made
/// (`MessageMemo`). One per rule and thread, never shared.
struct RuleMemo {
    var because: Explanation.Cache
    var messages: MessageMemo

    init(because: Explanation.Cache = Explanation.Cache(), messages: MessageMemo = MessageMemo()) {
        self.because = because
        self.messages = messages
    }
}
