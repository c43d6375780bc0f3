import Foundation
import KGraphModel
import Testing
@testable import KGraphBuild

@Suite struct RelationEvaluationTests {
    static let ev = Evidence(document: "s1", sentence: "…", start: 0, end: 10)

    static func doc(_ relations: [Relation]) -> ResolvedDocument {
        ResolvedDocument(path: "s1", entities: [
            Entity(id: "person:hugo chavez", name: "Hugo Chavez", type: .person, aliases: ["Chavez"]),
            Entity(id: "state:venezuela", name: "Venezuela", type: .state),
            Entity(id: "state:brazil", name: "Brazil", type: .state),
            Entity(id: "event:official visit@s1", name: "official visit", type: .event),
        ], mentions: [], relations: relations)
    }

    @Test func matchesByAliasLemmaAndEventHead() {
        let gold = GoldSentence(id: "s1", source: "test", text: "…", relations: [
            ["Chavez", "president of", "Venezuela"], ["Hugo Chavez", "begin", "visit"], ["Chavez", "travel to", "Brazil"],
        ])
        let found = Self.doc([
            Relation(subject: "person:hugo chavez", predicate: "president of", object: "state:venezuela", evidence: [Self.ev]),
            Relation(subject: "person:hugo chavez", predicate: "began", object: "event:official visit@s1", lemma: "begin", evidence: [Self.ev]),
            // Wrong lemma: not a match.
            Relation(subject: "person:hugo chavez", predicate: "left", object: "state:brazil", lemma: "leave", evidence: [Self.ev]),
            // Denied, and drawn from the gazetteer: not counted at all.
            Relation(subject: "person:hugo chavez", predicate: "traveled to", object: "state:brazil", lemma: "travel to",
                     negated: true, evidence: [Self.ev]),
            Relation(subject: "state:brazil", predicate: "located in", object: "state:venezuela",
                     evidence: [Evidence(document: "s1", sentence: "…", start: 0, end: 10, source: "GeoNames")]),
        ])
        let s = RelationEvaluation.score(found, gold: gold)
        #expect(s.gold == 3)
        #expect(s.found == 3)
        #expect(s.foundCorrect == 2)
        #expect(s.goldFound == 2)
        #expect(s.missed.map(\.relation) == [["Chavez", "travel to", "Brazil"]])
        #expect(s.wrong.map(\.relation) == [["Hugo Chavez", "leave", "Brazil"]])
        #expect(abs(s.precision - 2.0 / 3) < 1e-9 && abs(s.recall - 2.0 / 3) < 1e-9)
    }

    /// A gold name that the gazetteers give for a state matches that state's entity, though the
    /// text named it otherwise ("Britain" in the gold set, "British" in the text).
    @Test func goldStateNamesMatchThroughTheGazetteer() {
        let gold = GoldSentence(id: "s1", source: "test", text: "…", relations: [["Chavez", "president of", "Bolivarian Republic"]])
        let found = Self.doc([
            Relation(subject: "person:hugo chavez", predicate: "president of", object: "state:venezuela", evidence: [Self.ev]),
        ])
        #expect(RelationEvaluation.score(found, gold: gold).foundCorrect == 0)
        let s = RelationEvaluation.score(found, gold: gold) { $0 == "Bolivarian Republic" ? "state:venezuela" : nil }
        #expect(s.foundCorrect == 1 && s.goldFound == 1)
    }

    /// A gold argument that names a state's agents ("Venezuelan troops") matches the state the
    /// extractor reads for them, through `groupOf`; without it, it does not.
    @Test func goldAgentsMatchTheirState() {
        let gold = GoldSentence(id: "s1", source: "test", text: "…", relations: [["Venezuelan troops", "enter", "Brazil"]])
        let found = Self.doc([
            Relation(subject: "state:venezuela", predicate: "entered", object: "state:brazil", lemma: "enter", evidence: [Self.ev]),
        ])
        #expect(RelationEvaluation.score(found, gold: gold).foundCorrect == 0)
        let s = RelationEvaluation.score(found, gold: gold, stateID: { $0 == "Venezuelan" ? "state:venezuela" : nil },
                                         groupOf: { $0 == "Venezuelan troops" ? "Venezuelan" : nil })
        #expect(s.foundCorrect == 1 && s.goldFound == 1)
    }

    /// The name a gold group stands for: its people noun dropped with the lower-case words before
    /// it and a possessive mark.
    @Test func goldGroupNames() {
        let lexicon = pipeline.lexicon
        #expect(RelationEvaluation.groupName("Venezuelan troops", lexicon: lexicon) == "Venezuelan")
        #expect(RelationEvaluation.groupName("NATO foreign ministers", lexicon: lexicon) == "NATO")
        #expect(RelationEvaluation.groupName("U.S. security forces", lexicon: lexicon) == "U.S.")
        #expect(RelationEvaluation.groupName("Pakistan's military", lexicon: lexicon) == "Pakistan")
        #expect(RelationEvaluation.groupName("peace talks", lexicon: lexicon) == nil)
    }

    @Test func theCommittedGoldSetReads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Gold/relations.jsonl")
        let gold = try RelationEvaluation.read(url)
        #expect(gold.count >= 90)
        #expect(Set(gold.map(\.id)).count == gold.count)
        #expect(gold.reduce(0) { $0 + $1.relations.count } >= 60)
    }

    @Test func aBadLineIsNamed() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID().uuidString).jsonl")
        try "{\"id\": \"a\", \"source\": \"x\", \"text\": \"t\", \"relations\": []}\n{\"id\": \"b\", \"relations\": [[\"x\"]]}\n"
            .write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: EvaluationError.self) { try RelationEvaluation.read(url) }
        #expect(error?.description.hasPrefix(url.path + ":2: ") == true, "\(String(describing: error))")
    }
}
