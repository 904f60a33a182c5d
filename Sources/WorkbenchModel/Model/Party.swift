/// An actor in the article: a person, country, organisation or group, with all its mentions.
package struct Party: Sendable {
    /// Canonical name (full name for people, the country for its capital and demonyms).
    package var name: String
    /// person, country, organisation, military, agency, media, party, group.
    package var kind: Kind
    /// Office or function: President, spokesman …
    package var role: String?
    /// The country or organisation the party belongs to.
    package var affiliation: String?
    /// Other names it goes by (from the lexicons and the article).
    package var aliases: [String]
    /// Every mention in the article, in order.
    package var mentions: [Mention]

    /// Makes a value from all its fields.
    package init(
        name: String, kind: Kind, role: String? = nil, affiliation: String? = nil, aliases: [String],
        mentions: [Mention]
    ) {
        self.name = name
        self.kind = kind
        self.role = role
        self.affiliation = affiliation
        self.aliases = aliases
        self.mentions = mentions
    }
}
