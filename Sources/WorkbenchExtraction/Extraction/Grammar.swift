/// Closed word classes of English the extractors need (grammar, not domain vocabulary:
/// domain words live in the lexicon files).
enum Grammar {
    static let determiners: Set<String> = [
        "the", "a", "an", "another", "this", "that", "these", "those", "some", "one", "two", "three",
        "several", "many", "both", "each", "every", "other", "its", "his", "her", "their", "our", "my", "your", "no",
        "all", "most", "few", "any",
    ]
    static let subjectPronouns: Set<String> = ["he", "she", "they", "we", "i", "it", "you"]
    static let personPronouns: Set<String> = ["he", "she"]
    static let objectPronouns: Set<String> = ["him", "her", "them", "us", "me", "it"]
    /// Capitalised words that start sentences but are not names.
    static let sentenceInitialCommon: Set<String> = [
        "the", "a", "an", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "with", "from", "by", "to", "of",
        "as", "after",
        "before", "during", "since", "while", "when", "where", "if", "though", "although", "because", "despite", "even",
        "with",
        "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this", "that", "these",
        "those", "there",
        "here", "what", "which", "who", "whom", "whose", "why", "how", "some", "many", "most", "more", "several", "all",
        "both",
        "each", "every", "no", "not", "now", "then", "still", "also", "meanwhile", "however", "instead", "later",
        "earlier", "last",
        "next", "first", "second", "third", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "about",
        "among", "over", "under", "until", "unlike", "like", "amid", "against", "according", "speaking", "asked",
        "pressed", "it's",
        "yes", "well", "oh", "only", "just", "perhaps", "maybe", "indeed", "already", "nearly", "almost", "other",
        "another", "such",
        "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
        "should", "may",
        "might", "must", "let", "please", "thank", "thanks", "dear", "today", "yesterday", "tomorrow", "tonight",
        "overnight", "any",
        "much", "few", "less", "least", "once", "twice", "across", "around", "through", "within", "without", "outside",
        "inside",
        "behind", "beyond", "toward", "towards", "upon", "via", "per", "whether", "unless", "whatever", "whoever",
        "everyone",
        "everything", "nothing", "nobody", "someone", "something", "anyone", "anything", "don't", "we're", "i'm",
        "that's", "there's",
        "read", "watch", "see", "click", "related", "update", "updated", "breaking", "exclusive", "analysis", "opinion",
        "editor's",
    ]
    static let months: WordTable<Int> = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9,
        "october": 10, "november": 11, "december": 12, "jan": 1, "jan.": 1, "feb": 2, "feb.": 2, "mar": 3, "mar.": 3,
        "apr": 4,
        "apr.": 4, "jun": 6, "jun.": 6, "jul": 7, "jul.": 7, "aug": 8, "aug.": 8, "sep": 9, "sep.": 9, "sept": 9,
        "sept.": 9,
        "oct": 10, "oct.": 10, "nov": 11, "nov.": 11, "dec": 12, "dec.": 12,
    ]
    static let weekdays: WordTable<Int> = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
        "mon": 1, "mon.": 1, "tue": 2, "tue.": 2, "tues": 2, "tues.": 2, "wed": 3, "wed.": 3, "thu": 4, "thu.": 4,
        "thur": 4,
        "thurs": 4, "thurs.": 4, "fri": 5, "fri.": 5, "sat": 6, "sat.": 6, "sun": 7, "sun.": 7,
    ]
    /// Weekday abbreviations that are no other English word, so they count in lower case too ("thu", "fri.");
    /// "sat", "sun", "wed" and "mon" need a capital.
    static let weekdayAbbreviations: Set<String> = [
        "tue", "tue.", "tues", "tues.", "thu", "thu.", "thur", "thurs", "thurs.", "fri", "fri.",
    ]
    /// Words allowed inside a capitalised name between capitalised words (Ministry of Defence, Ursula von der Leyen).
    static let nameConnectors: Set<String> = [
        "of", "de", "von", "van", "der", "den", "bin", "al", "da", "la", "le", "du", "del", "di", "ibn", "el", "and",
        "for",
    ]
    /// Auxiliaries and adverbs that may sit between a subject and its speech verb ("Trump has said", "he also said").
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "will", "would", "is", "are", "was", "were", "also", "later", "previously",
        "then", "again", "had", "once", "repeatedly", "often", "further", "still", "earlier", "recently",
        "reportedly", "publicly", "privately", "separately", "simply", "just", "flatly", "told", "did", "does",
        "not", "never", "only", "even", "already", "initially", "first", "last", "finally", "subsequently",
        "may", "might", "could", "can", "should", "must", "be", "been", "being", "angrily", "bluntly",
        "quickly", "curtly", "firmly", "frankly", "openly", "proudly", "sharply", "softly", "strongly",
        "tersely", "loudly", "calmly", "candidly", "emphatically", "explicitly", "specifically",
        "directly", "formally", "officially", "personally", "jokingly", "confidently", "ominously",
        "defiantly", "pointedly", "wryly", "dryly",
    ]
    /// Words that can start a date expression besides months, weekdays and numbers.
    static let dateStarts: Set<String> = [
        "the", "today", "yesterday", "tomorrow", "tonight", "overnight", "last", "this", "next", "past",
        "previous", "coming", "over", "at", "during", "in", "earlier", "later", "days", "weeks",
        "hours", "a", "an", "mid", "early", "late", "since", "upcoming",
    ]
    /// Words that can start a figure besides numbers and number words.
    static let figureStarts: Set<String> = [
        "about", "around", "roughly", "nearly", "almost", "approximately", "some", "circa", "over", "under",
        "below", "above", "exceeding", "up", "more", "less", "fewer", "at", "estimated", "approx", "approx.",
        "no", "upwards", "just", "minus", "negative", "a", "an", "half", "hundreds", "thousands", "dozens",
        "millions", "billions", "tens", "scores",
    ]
    /// Words that open an adverbial before a sentence's subject ("In 2014, Pew found …", "But Trump said").
    static let clauseOpeners: Set<String> = [
        "in", "on", "at", "after", "before", "during", "when", "while", "as", "although", "though", "since",
        "despite", "for", "with", "without", "under", "like", "unlike", "following", "still", "yet", "but",
        "and", "so", "now", "then", "later", "earlier", "meanwhile", "instead", "also", "last", "this", "over",
        "by", "from", "if", "because", "whether", "once", "until", "amid", "among", "about", "against", "to",
        "across", "through", "alongside", "within", "throughout", "beyond", "upon", "inside", "outside", "near",
        "toward", "towards", "behind", "besides", "via",
    ]
    /// Adverbs that may stand before a clause opener without changing it ("Even before …,", "Early in …,").
    static let focusAdverbs: Set<String> = [
        "even", "just", "only", "early", "late", "shortly", "soon", "long", "right", "much", "well",
    ]
    /// Conjunctions and adverbs a sentence may open with and drop without a comma ("But Trump said").
    static let leadingConjunctions: Set<String> = [
        "but", "and", "so", "yet", "still", "now", "then", "also", "meanwhile",
    ]
    /// Words that end a leading time phrase before its comma ("Minutes later,", "Two weeks ago,").
    static let timeAfterWords: Set<String> = ["later", "ago", "earlier", "afterward", "afterwards"]
    /// Prepositions, relatives and conjunctions that end a determiner phrase ("The report by …").
    static let phraseBreakers: Set<String> = [
        "to", "in", "on", "at", "for", "with", "by", "from", "that", "who", "which", "and", "or", "but", "as", "of",
    ]
    /// Calendar spans that measure a gap ("a week after", "days after").
    static let calendarSpans: Set<String> = [
        "day", "days", "week", "weeks", "month", "months", "year", "years", "fortnight",
    ]
    /// Determiners that point back at something already named ("after the attack", "after its launch").
    static let definiteDeterminers: Set<String> = ["the", "that", "this", "its", "their"]
    /// Parts of a month and their index ("early", "mid", "late" March).
    static let monthParts: [String: Int] = ["early": 0, "mid": 1, "late": 2]
    /// Words after a subject that show it is not the subject of a verb ("she and", "he of", "they ’s").
    static let notVerbsAfterSubject: Set<String> = [
        "to", "in", "on", "at", "for", "with", "by", "from", "of", "and", "or", "but", "as", "than", "the", "a", "an",
        "who", "which", "that", "’s", "'s", "is", "was",
    ]
    /// Determiners that refer back to something told already ("the ceasefire", "such a truce").
    static let anaphoricDeterminers: Set<String> = ["the", "that", "this", "such"]
    /// Quantity words that can head a speaker phrase ("Most said", "21 percent said").
    static let quantityHeads: Set<String> = [
        "most", "many", "some", "half", "all", "few", "several", "others", "majority", "percent", "both", "none",
    ]
    /// Words that measure a quantity before it ("About four in 10", "more than half").
    static let quantityModifiers: Set<String> = [
        "about", "in", "of", "nearly", "almost", "some", "more", "than", "over", "under", "four", "three", "two", "one",
        "five", "six", "seven", "eight", "nine", "ten", "a", "the",
    ]
    /// Common words that still stand for a person ("that", "someone", "each").
    static let pronounLikeCommonWords: Set<String> = [
        "that", "which", "another", "everyone", "each", "someone", "somebody", "nobody", "anyone", "everybody",
    ]
    /// Adverbs between a subject and its verb ("the FBI somehow managed").
    static let clauseAdverbs: Set<String> = ["somehow", "also", "again", "still", "now", "then", "just"]
    /// Conjunctions, prepositions and relatives that end a run of modifiers before a head noun.
    static let modifierBreakers: Set<String> = [
        "and", "or", "but", "to", "in", "on", "at", "with", "by", "for", "from", "as", "than", "who", "which", "that",
    ]
    /// Verbs by which someone issues a document that then speaks for them ("issued a statement saying").
    static let issuingVerbs: Set<String> = [
        "issued", "released", "sent", "posted", "published", "put", "emailed", "circulated", "distributed", "tweeted",
    ]

    /// Verbs of beginning and continuing, before an -ing verb ("kept asking", "began telling").
    static let aspectVerbs: Set<String> = [
        "kept", "keeps", "keep", "began", "begins", "begin", "started", "starts", "start", "continued",
        "continues", "stopped", "stops", "went", "goes", "go",
    ]

    /// Words that open a clause rather than a subject phrase.
    static let subordinators: Set<String> = [
        "that", "if", "while", "when", "because", "as", "after", "before", "since", "until", "unless",
        "although", "though", "whether", "where", "so",
    ]

    /// Number words that end phrases such as "a mother of three".
    static let smallNumbers: Set<String> = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

    /// Prepositions after which a name is an object, not a clause's subject ("under fire from Republicans").
    static let objectPrepositions: Set<String> = [
        "in", "at", "on", "of", "from", "near", "to", "for", "with", "by", "during", "over", "against", "about",
        "into", "onto", "toward", "towards", "under", "among", "between", "behind", "through", "without", "than",
        "via", "upon", "across", "around",
    ]

    /// Verbs that report a statement without a quote, though they are no cue for one ("agreed", "predicted").
    static let statementVerbs: Set<String> = ["agreed", "agrees", "countered", "disagreed", "predicted"]

    /// Adjectives that take an object after a subject noun ("a source familiar with the talks said").
    static let complementAdjectives: Set<String> = ["familiar", "close", "loyal", "opposed", "sympathetic"]

    /// Prepositions that put a name inside a phrase rather than in the subject.
    static let phrasePrepositions: Set<String> = [
        "in", "at", "on", "of", "from", "near", "outside", "inside", "to", "for", "with", "by", "during", "after",
        "before",
    ]
    /// Forms of "be" before a participle ("was hit", "were killed", "had been").
    static let passiveAuxiliaries: Set<String> = ["was", "were", "been"]
    /// Forms of "be".
    static let beForms: Set<String> = ["was", "were", "is", "are", "been", "be"]
    /// Pronouns and possessives that stand for a side or a thing, not a person.
    static let nonPersonPronouns: Set<String> = ["it", "they", "its", "their"]
    /// "the" and the demonstratives.
    static let demonstratives: Set<String> = ["the", "this", "that", "these", "those"]
    /// Relative pronouns opening a clause about the noun before.
    static let relativePronouns: Set<String> = ["who", "which", "that", "whom"]
    /// Articles.
    static let articles: Set<String> = ["the", "a", "an"]
    /// Plural numerals that give an approximate count ("hundreds of drones").
    static let approximateHundreds: Set<String> = ["hundreds", "dozens", "thousands", "tens"]
    /// Coordinating conjunctions.
    static let coordinators: Set<String> = ["and", "or", "but"]
    /// Conjunctions joining two clauses of one sentence.
    static let contrastConjunctions: Set<String> = ["and", "while", "whereas"]
    /// Words that open a condition.
    static let conditionals: Set<String> = ["if", "provided", "unless"]
    /// Words that close a time window ("until Friday").
    static let windowEnds: Set<String> = ["until", "till", "through", "before", "to"]
    /// Auxiliaries of "do", "have" and "be" (before a negation).
    static let doHaveBe: Set<String> = ["did", "does", "do", "has", "have", "had", "was", "were", "is", "are"]
}
