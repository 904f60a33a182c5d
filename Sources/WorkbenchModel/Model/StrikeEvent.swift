/// A reported attack: who struck what, where, with which weapons, and with what toll.
package struct StrikeEvent: Sendable {
    /// barrage (a night's launches counted across the country), strike (a place hit), attack.
    package var kind: Kind
    package var actor: String?
    /// What was hit, as written ("residential building").
    package var target: String?
    /// energy, residential, civilian infrastructure, military, transport, industrial, medical, education, government, unknown.
    package var targetType: String
    /// The place hit (city or region).
    package var place: String?
    /// Where the weapons were launched from.
    package var launchPlace: String?
    package var weapons: [Weapon]
    package var killed: Int?
    package var wounded: Int?
    /// Whether the text gave the toll as approximate ("at least four", "more than 20").
    package var killedApproximate = false
    package var woundedApproximate = false
    /// Who reported it (the air force, officials …).
    package var reportedBy: String?
    /// ISO date or interval (`2026-01-29/2026-01-30` for an overnight attack).
    package var when: String?
    /// The time expression as written.
    package var whenText: String?
    /// The evidence: the sentences that report it.
    package var text: String
    package var start: Int
    package var end: Int
    /// Index of the first sentence reporting it.
    package var sentence: Int
    /// Every sentence that reports it, in text order.
    package var evidence: [Int] = []

    /// Makes a value from all its fields.
    package init(
        kind: Kind, actor: String? = nil, target: String? = nil, targetType: String, place: String? = nil,
        launchPlace: String? = nil, weapons: [Weapon], killed: Int? = nil, wounded: Int? = nil,
        killedApproximate: Bool = false, woundedApproximate: Bool = false, reportedBy: String? = nil,
        when: String? = nil, whenText: String? = nil, text: String, start: Int, end: Int, sentence: Int,
        evidence: [Int] = []
    ) {
        self.kind = kind
        self.actor = actor
        self.target = target
        self.targetType = targetType
        self.place = place
        self.launchPlace = launchPlace
        self.weapons = weapons
        self.killed = killed
        self.wounded = wounded
        self.killedApproximate = killedApproximate
        self.woundedApproximate = woundedApproximate
        self.reportedBy = reportedBy
        self.when = when
        self.whenText = whenText
        self.text = text
        self.start = start
        self.end = end
        self.sentence = sentence
        self.evidence = evidence
    }
}

/// A weapon type with how many were used.
package struct Weapon: Sendable {
    package var name: String
    /// drone, ballistic missile, cruise missile …
    package var category: String?
    package var count: Int?
    /// How many were shot down or failed to reach targets, when reported.
    package var destroyed: Int?
    /// Whether the count was given as approximate ("nearly 300", "about 40").
    package var approximate: Bool = false
    /// The words that bound the count, when there are any: "more than", "almost", "about", "hundreds of".
    package var qualifier: String? = nil

    /// Makes a value from all its fields.
    package init(
        name: String, category: String? = nil, count: Int? = nil, destroyed: Int? = nil, approximate: Bool = false,
        qualifier: String? = nil
    ) {
        self.name = name
        self.category = category
        self.count = count
        self.destroyed = destroyed
        self.approximate = approximate
        self.qualifier = qualifier
    }
}
