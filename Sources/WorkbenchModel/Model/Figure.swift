/// A number in the text, normalised: counts, money, measures, percentages, ordinals, durations.
package struct Figure: Sendable {
    package var text: String
    package var start: Int
    package var end: Int
    /// The numeric value (for ranges, the lower bound); nil when no value can be given.
    package var value: Double?
    /// For ranges ("10 to 15"), the upper bound.
    package var valueMax: Double?
    /// Unit or currency: °C, km, %, USD, week …
    package var unit: String?
    /// count, money, percent, temperature, distance, quantity, duration, ordinal, number, …
    package var kind: Kind
    /// For counts: what is counted ("attack drones", "person").
    package var counted: String?
    /// Approximate values ("about 40", "hundreds of", "two dozen") are flagged, not made exact.
    package var approximate: Bool
    /// Index into `sentences`.
    package var sentence: Int

    /// Makes a value from all its fields.
    package init(
        text: String, start: Int, end: Int, value: Double? = nil, valueMax: Double? = nil, unit: String? = nil,
        kind: Kind, counted: String? = nil, approximate: Bool, sentence: Int
    ) {
        self.text = text
        self.start = start
        self.end = end
        self.value = value
        self.valueMax = valueMax
        self.unit = unit
        self.kind = kind
        self.counted = counted
        self.approximate = approximate
        self.sentence = sentence
    }
}
