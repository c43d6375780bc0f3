import Foundation
import KGraphModel
import Testing
@testable import KGraphStore

@Suite("Writing builds")
struct WriteTests {
    @Test func readsBackWhatItWrote() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.write(World.a, documents: [document("a.txt")])
        let graph = try store.graph()
        #expect(graph == World.a)
        #expect(graph.entitiesByID[World.starmer.id]?.aliases == ["Starmer"])
        // The gazetteer's evidence keeps its source; the text's has none.
        let locatedIn = try #require(graph.relations.first { $0.predicate == "located in" })
        #expect(locatedIn.evidence.map(\.source) == ["GeoNames"])
        let advisor = try #require(graph.relations.first { $0.predicate == "advisor to" })
        #expect(advisor.evidence.map(\.source) == [nil])
        #expect(try store.entity(id: World.starmer.id) == World.starmer)
        #expect(try store.entity(id: "person:nobody") == nil)
    }

    @Test func writingTheSameBuildTwiceChangesNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.write(World.a, documents: [document("a.txt")])
        let first = try store.graph()
        let firstSummary = try store.summary()
        try store.write(World.a, documents: [document("a.txt")])
        #expect(try store.graph() == first)
        let second = try store.summary()
        #expect(second.documents == firstSummary.documents)
        #expect(second.entitiesByType == firstSummary.entitiesByType)
        #expect(second.relations == firstSummary.relations)
        #expect(second.evidence == firstSummary.evidence)
        #expect(second.evidence == 4)
        #expect(second.relations == 3)
        #expect(second.documents == 1)
    }

    @Test func summaryCountsByType() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.write(World.b, documents: [document("b.txt")])
        let summary = try store.summary()
        #expect(summary.entitiesByType == [.person: 1, .state: 2, .place: 0, .organization: 1, .event: 1])
        #expect(summary.relations == 4 && summary.evidence == 4 && summary.documents == 1)
    }

    @Test func aSecondDocumentSetAddsToTheFirst() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.write(World.a, documents: [document("a.txt")])
        try store.write(World.b, documents: [document("b.txt")])
        let graph = try store.graph()

        let ids = Set(graph.entities.map(\.id))
        #expect(ids == Set((World.a.entities + World.b.entities).map(\.id)))
        let shared = try #require(graph.relations.first { $0.key == RelationKey(subject: World.starmer.id, predicate: "prime minister of", object: World.uk.id) })
        #expect(shared.evidence.map(\.document) == ["a.txt", "a.txt", "b.txt"])
        #expect(graph.relations.count == 6)
        #expect(graph.mentions.count == World.a.mentions.count + World.b.mentions.count)
        #expect(try store.summary().documents == 2)
        #expect(try store.documents().map(\.path) == ["a.txt", "b.txt"])

        // The same as building both at once.
        let otherDir = try TemporaryDirectory()
        let other = try otherDir.store()
        try other.write(Graph(
            entities: World.a.entities + World.b.entities.filter { e in !World.a.entities.contains { $0.id == e.id } },
            relations: World.a.relations.filter { $0.predicate != "prime minister of" } + World.b.relations.filter { $0.predicate != "prime minister of" }
                + [Relation(subject: World.starmer.id, predicate: "prime minister of", object: World.uk.id, evidence: shared.evidence)],
            mentions: World.a.mentions + World.b.mentions),
            documents: [document("a.txt"), document("b.txt")])
        #expect(try other.graph() == graph)
    }

    @Test func rebuildingADocumentReplacesItsFacts() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.write(World.a, documents: [document("a.txt", "old")])
        try store.write(World.b, documents: [document("b.txt")])

        // a.txt now says something else: Powell and London are gone from it, a new fact and alias appear.
        let starmer = person("Keir Starmer", aliases: ["Sir Keir"])
        let newA = Graph(
            entities: [starmer, World.uk],
            relations: [
                relation(starmer, "prime minister of", World.uk, evidence("a.txt", 5, sentence: "Changed.")),
                relation(starmer, "spoke in", World.uk, evidence("a.txt", 50)),
            ],
            mentions: [mention(starmer, "a.txt", 5), mention(World.uk, "a.txt", 30, "UK")])
        try store.write(newA, documents: [document("a.txt", "new")])
        let graph = try store.graph()

        // Old facts of a.txt are gone, with the entities only they held.
        #expect(graph.entitiesByID[World.powell.id] == nil)
        #expect(graph.entitiesByID[World.london.id] == nil)
        #expect(!graph.relations.contains { $0.predicate == "advisor to" || $0.predicate == "located in" })
        #expect(!graph.mentions.contains { $0.document == "a.txt" && $0.start == 0 })
        // The shared relation keeps b.txt's evidence and has only the new a.txt evidence.
        let shared = try #require(graph.relations.first { $0.predicate == "prime minister of" })
        #expect(shared.evidence.map { "\($0.document)@\($0.start)" } == ["a.txt@5", "b.txt@10"])
        #expect(shared.evidence.first?.sentence == "Changed.")
        #expect(graph.relations.contains { $0.predicate == "spoke in" })
        // b.txt's facts are all there.
        for relation in World.b.relations {
            let stored = try #require(graph.relations.first { $0.key == relation.key })
            #expect(relation.evidence.allSatisfy { stored.evidence.contains($0) })
        }
        #expect(graph.mentions.filter { $0.document == "b.txt" } == World.b.mentions)
        // Aliases are the union.
        #expect(graph.entitiesByID[World.starmer.id]?.aliases == ["Sir Keir", "Starmer"])
        #expect(try store.documents() == [document("a.txt", "new"), document("b.txt")])
        #expect(try store.summary().documents == 2)
    }

    @Test func aFailedWriteKeepsTheEarlierContent() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.write(World.a, documents: [document("a.txt", "v1")])
        try store.write(World.b, documents: [document("b.txt", "v1")])
        let before = try store.graph()
        let beforeDocuments = try store.documents()

        // A rebuild of a.txt whose relation names an entity that is nowhere.
        let ghost = person("Nobody Known")
        var broken = World.a
        broken.relations.append(relation(World.starmer, "met", ghost, evidence("a.txt", 120)))
        broken.mentions.removeAll()
        let error = #expect(throws: StoreError.self) {
            try store.write(broken, documents: [document("a.txt", "v2"), document("c.txt", "v1")])
        }
        #expect(error?.description.hasPrefix(dir.path("graph.sqlite") + ": cannot write") == true)
        #expect(error?.message.contains(ghost.id) == true, "\(String(describing: error))")

        #expect(try store.graph() == before)
        #expect(try store.documents() == beforeDocuments)
        // And the store still works.
        try store.write(World.a, documents: [document("a.txt", "v1")])
        #expect(try store.graph() == before)
    }

    @Test func evidenceFromAnUnknownDocumentIsRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.write(World.a, documents: [document("a.txt")])
        let before = try store.graph()
        let error = #expect(throws: StoreError.self) {
            try store.write(World.b, documents: [document("c.txt")])
        }
        #expect(error?.message.contains("b.txt") == true, "\(String(describing: error))")
        #expect(try store.graph() == before)
    }

    @Test func repeatsInTheGraphAreStoredOnce() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let e = evidence("a.txt", 0)
        let graph = Graph(
            entities: [World.powell, World.starmer],
            relations: [
                relation(World.powell, "advisor to", World.starmer, e, e),
                relation(World.powell, "advisor to", World.starmer, e, evidence("a.txt", 0, source: "Wikidata")),
            ],
            mentions: [mention(World.powell, "a.txt", 0), mention(World.powell, "a.txt", 0)])
        try store.write(graph, documents: [document("a.txt"), document("a.txt")])
        let stored = try store.graph()
        #expect(stored.relations.count == 1)
        #expect(stored.relations[0].evidence == [e, evidence("a.txt", 0, source: "Wikidata")])
        #expect(stored.mentions.count == 1)
        #expect(try store.summary().documents == 1)
    }

    @Test func manyEntitiesAndRelationsInOneWrite() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let people = (0..<2000).map { person("Person \($0)") }
        let places = (0..<500).map { entity(.place, "Place \($0)") }
        var relations: [Relation] = []
        for (i, p) in people.enumerated() {
            relations.append(relation(p, "visited", places[i % places.count], evidence("doc\(i % 10).txt", i * 100)))
            relations.append(relation(p, "met", people[(i + 1) % people.count], evidence("doc\(i % 10).txt", i * 100 + 50)))
        }
        let mentions = people.enumerated().map { mention($1, "doc\($0 % 10).txt", $0 * 100) }
        let graph = Graph(entities: people + places, relations: relations, mentions: mentions)
        let documents = (0..<10).map { document("doc\($0).txt") }
        let start = Date()
        try store.write(graph, documents: documents)
        try store.write(graph, documents: documents)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 60, "two writes of 4000 relations took \(elapsed) s")
        #expect(try store.graph() == graph)
        let summary = try store.summary()
        #expect(summary.relations == 4000 && summary.evidence == 4000)
        #expect(summary.entitiesByType[.person] == 2000 && summary.entitiesByType[.place] == 500)
    }
}
