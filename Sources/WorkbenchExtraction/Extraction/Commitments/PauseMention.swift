import WorkbenchModel

/// What one mention of a pause says: the pause (its scope and window) and the speech act around it —
/// who offers, asks for, announces, accepts or refuses it.
struct PauseMention {
    /// The kind of pause word, from pause_terms.tsv.
    typealias Term = PauseTermKind

    /// The status one statement supports.
    typealias Status = Commitment.Status

    var sentence: Int
    /// The pause word's token.
    var at: Int
    var term: Term
    /// Target types and places it covers.
    var scopeTypes: [String] = []
    var scopePlaces: [String] = []
    var scopeText: String?
    var window = Window(start: nil, end: nil)
    /// The pause as written ("temporary ceasefire", "halt long-range strikes on Russian energy facilities").
    var action: String?
    /// The sides that would hold fire, as the mention names them (two for "between Russia and Ukraine").
    var parties: [String] = []
    var counterparty: String?
    var requestedBy: String?
    var condition: String?
    var reciprocal = false
    var status: Status?
    /// Who makes the statement (the party itself, or someone reporting on it).
    var by: String?
    /// A ceasefire on everything (no target types or places named).
    var general = false
    /// "the pause", "that ceasefire": a pause told before.
    var anaphoric = false
    /// Read from the headline: it adds a claim, it does not settle the status.
    var headline = false
}

extension Commitment.Status {
    /// How much a statement of this status settles the question (for the article's last word).
    var weight: Int {
        switch self {
        case .proposed: return 0
        case .requested: return 1
        case .claimedAgreed: return 2
        case .notConfirmed: return 3
        case .confirmed, .rejected: return 4
        }
    }
}
