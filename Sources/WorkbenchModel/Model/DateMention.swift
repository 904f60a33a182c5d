/// A date or time expression, resolved against the article's reference date when possible.
package struct DateMention: Sendable {
    package var text: String
    package var start: Int
    package var end: Int
    /// absolute, relative, weekday, range, night, duration-window, year, month …
    package var kind: Kind
    /// ISO date (YYYY-MM-DD), or the start of an interval; nil when it cannot be resolved.
    package var value: String?
    /// The last day of an interval (inclusive), when the expression is one.
    package var endValue: String?
    /// day, week, month, year, night.
    package var grain: Grain?
    /// Index into `sentences`.
    package var sentence: Int

    /// Makes a value from all its fields.
    package init(
        text: String, start: Int, end: Int, kind: Kind, value: String? = nil, endValue: String? = nil,
        grain: Grain? = nil, sentence: Int
    ) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
        self.endValue = endValue
        self.grain = grain
        self.sentence = sentence
    }
}
