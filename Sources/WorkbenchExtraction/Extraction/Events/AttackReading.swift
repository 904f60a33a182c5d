import WorkbenchModel

/// What one sentence says about an attack: the raw material the events pass groups into events.
struct AttackReading {
    /// Why a sentence that talks of attacks reports none.
    enum Blocker: String {
        /// A total over the war or a long period ("since the start of the war").
        case cumulative
        /// A repeated pattern or a campaign ("every night", "has intensified its attacks").
        case habitual
        /// An attack that may, would or will happen, or is threatened.
        case hypothetical
        /// Ground combat, shooting, executions.
        case ground
        /// An attack named only as a reason or a time ("in response to the attack").
        case reference
        /// Talk of a pause or ceasefire.
        case pause
        /// "no strikes", "did not attack".
        case negated
    }

    /// A toll figure: how many, and whether the text gave it as approximate ("at least").
    struct Toll {
        var value: Int
        var approximate: Bool
    }

    /// A place the sentence names, and its part in the attack.
    struct PlaceMention {
        enum Role { case hit, launch }
        var name: String
        /// The lexicon entry, when the place is known (for its country and region).
        var entry: PlaceEntry?
        /// A district or other part of a city ("Shevchenkivskyi district"): its own event when described.
        var district: String?
        var role: Role
        var token: Int
        /// The place as written ("Voronezh region").
        var written: String = ""
    }

    var sentence: Int
    /// The token that makes it an attack report (attack word, weapon, explosion or toll word).
    var cue: Int
    var weapons: [Weapon] = []
    var killed: Toll?
    var wounded: Toll?
    /// "no casualties", "no one was hurt": a toll of zero said outright.
    var noCasualties = false
    var places: [PlaceMention] = []
    var target: (text: String, type: String)?
    /// The side that attacked, when the sentence says.
    var actor: String?
    /// Who reported it, as named ("the region's governor", "Ukraine's air force").
    var reporter: String?
    /// The reporter belongs to the side that attacked ("the Russian Defense Ministry said it had carried out …").
    var selfReported = false
    /// When it happened: an ISO day (an overnight attack: the evening it began), with the words.
    var when: (day: Day, text: String, night: Bool)?
    /// A date the sentence gives at a coarser grain than a day ("in April", "last month").
    var vagueTime = false
    /// The attack is told inside quotation marks.
    var quoted = false
    /// Air defence at work ("shot down 25 drones").
    var interception = false
    /// An explosion or blast rather than a named attack.
    var explosionOnly = false
    /// Only damage is told ("was destroyed", "buildings were damaged"): an attack's aftermath.
    var damageOnly = false
    /// A word that opens another attack in the telling ("Elsewhere, …").
    var opensNew = false
    /// A second attack told in the same sentence ("… and pounded the Chernihiv region", "and another attack
    /// occurred"): an event of its own, never merged into the first.
    var coordinated = false
    /// An earlier attack named to date this one ("came just a week after a deadly strike on … that killed 11"):
    /// an event of its own, on a day the sentence does not give.
    var earlier = false
    /// The attack is told as shelling (its weapon: artillery).
    var shelling = false
    /// The toll counts only named people.
    var namedVictims = false
    /// Every attack word is a plural noun ("attacks", "strikes"): maybe a pattern, not one attack.
    var pluralCuesOnly = false
    /// The sentence has an attack, shelling or explosion word (not only a toll).
    var hasAttackWord = false
    /// Every place it names is in its source's name ("the mayor of Kharkiv said …").
    var placesInSource = false
    /// "also" before the attack word: another attack in the same telling ("X was also hit").
    var alsoAnother = false
    /// The sentence opens on the attack told already: "The explosions, which killed one …", "The strike …".
    var definite = false
    /// An overview ("across the country", several places named without details).
    var summary = false
    var blocked: Blocker?
    /// Read from the headline (it adds to an event, it does not anchor one).
    var headline = false

    /// Hit places (not launch sites).
    var hitPlaces: [PlaceMention] { places.filter { $0.role == .hit } }

    /// The sum of the weapons' counts.
    var launched: Int { weapons.reduce(0) { $0 + ($1.count ?? 0) } }

    /// Whether it gives details of its own: a toll, a target, counted weapons, or a zero toll.
    var hasDetails: Bool { killed != nil || wounded != nil || target != nil || launched > 0 || noCasualties }
}
