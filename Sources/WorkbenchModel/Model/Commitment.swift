/// A pause or ceasefire commitment: proposed, requested, claimed, confirmed or denied.
package struct Commitment: Sendable {
    /// The party that would hold fire.
    package var party: String?
    /// The party whose targets are spared (or who must reciprocate).
    package var counterparty: String?
    /// Who asked for it, when it is a request ("Trump asked Putin …").
    package var requestedBy: String?
    /// What is paused: "halt long-range strikes on Russian energy facilities".
    package var action: String?
    /// Target categories or places covered: "energy infrastructure", "Kyiv and other cities".
    package var scope: String?
    /// Scope as target types (energy …) and places, for matching events.
    package var scopeTypes: [String]
    package var scopePlaces: [String]
    /// The condition, e.g. "if Moscow stops hitting its grid".
    package var condition: String?
    /// Whether the other side must do the same.
    package var reciprocal: Bool
    package var window: Window
    /// proposed, requested, claimed agreed, confirmed, not confirmed, rejected.
    package var status: Status
    /// Every statement about it: who said what status, with the sentence.
    package var claims: [Claim]
    /// The evidence sentence.
    package var text: String
    package var start: Int
    package var end: Int
    package var sentence: Int

    /// Makes a value from all its fields.
    package init(
        party: String? = nil, counterparty: String? = nil, requestedBy: String? = nil, action: String? = nil,
        scope: String? = nil, scopeTypes: [String], scopePlaces: [String], condition: String? = nil, reciprocal: Bool,
        window: Window, status: Status, claims: [Claim], text: String, start: Int, end: Int, sentence: Int
    ) {
        self.party = party
        self.counterparty = counterparty
        self.requestedBy = requestedBy
        self.action = action
        self.scope = scope
        self.scopeTypes = scopeTypes
        self.scopePlaces = scopePlaces
        self.condition = condition
        self.reciprocal = reciprocal
        self.window = window
        self.status = status
        self.claims = claims
        self.text = text
        self.start = start
        self.end = end
        self.sentence = sentence
    }
}

/// Start and end of a pause (ISO dates; either may be nil).
package struct Window: Sendable {
    package var start: String?
    package var end: String?
    /// The words the window was read from ("for a week until Feb. 1").
    package var text: String? = nil
    /// Which end was worked out rather than written: "start" for "for a week until Feb. 1".
    package var derived: End? = nil
    /// How many days it lasts, when said ("a 30-day ceasefire").
    package var days: Int? = nil

    /// Makes a value from all its fields.
    package init(
        start: String? = nil, end: String? = nil, text: String? = nil, derived: End? = nil, days: Int? = nil
    ) {
        self.start = start
        self.end = end
        self.text = text
        self.derived = derived
        self.days = days
    }
}

/// One statement about a commitment's status.
package struct Claim: Sendable {
    /// Who said it.
    package var by: String?
    /// The status this statement supports.
    package var status: Commitment.Status
    package var text: String
    package var sentence: Int

    /// Makes a value from all its fields.
    package init(by: String? = nil, status: Commitment.Status, text: String, sentence: Int) {
        self.by = by
        self.status = status
        self.text = text
        self.sentence = sentence
    }
}
