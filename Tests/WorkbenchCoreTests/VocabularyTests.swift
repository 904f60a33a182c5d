import Foundation
import Testing

@testable import WorkbenchExtraction
@testable import WorkbenchModel

/// The closed vocabularies (kinds, grains, statuses): documented in full, and checked in lexicon files.
@Suite struct VocabularyTests {
    /// The documentation of field `name` of `T`.
    private func doc<T: ModelType>(_ type: T.Type, _ name: String) -> String {
        T.fields.first { $0.name == name }?.doc ?? ""
    }

    /// The cases of `E` that `text` does not name.
    private func missing<E: CaseIterable & RawRepresentable>(_ e: E.Type, in text: String) -> [String]
    where E.RawValue == String {
        E.allCases.map(\.rawValue).filter { !text.contains($0) }
    }

    @Test func everyCaseIsDocumented() {
        #expect(missing(Paragraph.Kind.self, in: doc(Paragraph.self, "kind")).isEmpty)
        #expect(missing(Quote.Kind.self, in: doc(Quote.self, "kind")).isEmpty)
        #expect(missing(Quote.AttributionRule.self, in: doc(Quote.self, "attribution")).isEmpty)
        #expect(missing(Figure.Kind.self, in: doc(Figure.self, "kind")).isEmpty)
        #expect(missing(DateMention.Kind.self, in: doc(DateMention.self, "kind")).isEmpty)
        #expect(missing(DateMention.Grain.self, in: doc(DateMention.self, "grain")).isEmpty)
        #expect(missing(Party.Kind.self, in: doc(Party.self, "kind")).isEmpty)
        #expect(missing(StrikeEvent.Kind.self, in: doc(StrikeEvent.self, "kind")).isEmpty)
        #expect(missing(Commitment.Status.self, in: doc(Commitment.self, "status")).isEmpty)
    }

    @Test func theJSONCarriesTheRawValues() throws {
        let a = try parseBody("“We will hold fire,” the minister said on Friday. Russia launched 40 drones at Kyiv.")
        let w = JSONWriter()
        a.write(to: w)
        let json = String(decoding: w.bytes, as: UTF8.self)
        #expect(json.contains("\"kind\":\"direct\""))
        #expect(json.contains("\"attribution\":\"cue after the quote\""))
        #expect(json.contains("\"grain\":\"day\""))
    }

    @Test func aKindOutsideTheVocabularyIsNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vocab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("organisations.tsv")
        try "name\tkind\taliases\nAcme Corp\tmedia\tAcme\n".write(to: file, atomically: true, encoding: .utf8)
        let lexicon = try Lexicon.load(extraDirectories: [dir.path])
        #expect(lexicon.parties.first { $0.name == "Acme Corp" }?.kind == .media)
        try "name\tkind\taliases\nAcme Corp\tcompany\tAcme\n".write(to: file, atomically: true, encoding: .utf8)
        #expect { _ = try Lexicon.load(extraDirectories: [dir.path]) } throws: {
            "\($0)".contains("organisations.tsv: the row 'Acme Corp' has kind 'company', which is not one of person,")
        }
        try "form\tunit\tposition\nzorkmid\tZMD\tbeside\n".write(
            to: dir.appendingPathComponent("currencies.tsv"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: file)
        #expect { _ = try Lexicon.load(extraDirectories: [dir.path]) } throws: {
            "\($0)".contains("has position 'beside', which is not one of before, after, either")
        }
    }

    @Test func everyRoleTheRulesReadHasWordsOrPhrases() throws {
        // a role the code reads but no lexicon row gives would silently never match
        let lexicon = try Lexicon.standard.get()
        let emptyWordRoles = EventWordRole.allCases.filter { (lexicon.eventWords[$0] ?? []).isEmpty }
        #expect(emptyWordRoles.isEmpty, "event_words.tsv has no word for \(emptyWordRoles)")
        let phraseRoles = Set(
            (lexicon.tables["event_phrases"]?.rows ?? []).compactMap { $0["role"].flatMap(EventPhraseRole.init) })
        #expect(Set(EventPhraseRole.allCases).subtracting(phraseRoles).isEmpty)
    }

    @Test func teamsNameTheirOwnMediaWords() throws {
        // noun_roles.tsv: a word that makes an organisation's name a newspaper or broadcaster
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nouns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "Headline\nThe Odesa Courier Agency reported that drones hit the port."
        func kind(_ lexicon: Lexicon) throws -> Party.Kind? {
            try ArticleParser(lexicon: lexicon, defaultDate: Day(2026, 1, 30)).parse(text: text).parties
                .first { $0.name == "Odesa Courier Agency" }?.kind
        }
        #expect(try kind(Lexicon.standard.get()) == .organisation)
        try "word\trole\ncourier\tmedia\n".write(
            to: dir.appendingPathComponent("noun_roles.tsv"), atomically: true, encoding: .utf8)
        #expect(try kind(Lexicon.load(extraDirectories: [dir.path])) == .media)
    }
}
