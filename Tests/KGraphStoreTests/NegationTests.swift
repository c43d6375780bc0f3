import Foundation
import GRDB
import KGraphModel
import Testing
@testable import KGraphStore

@Suite("Negated relations")
struct NegationTests {
    static let a = person("Alice Adams")
    static let b = person("Bob Brown")
    static let e = entity(.place, "Easton")

    static func denied(_ subject: Entity, _ predicate: String, _ object: Entity, _ evidence: Evidence...) -> Relation {
        Relation(subject: subject.id, predicate: predicate, object: object.id,
                 lemma: ["visited": "visit", "met": "meet"][predicate], negated: true, evidence: evidence)
    }

    static var graph: Graph {
        Graph(entities: [a, b, e],
              relations: [
                  relation(a, "visited", e, evidence("n.txt", 0)),
                  denied(a, "visited", e, evidence("n.txt", 100)),
                  denied(a, "met", b, evidence("n.txt", 200)),
              ],
              mentions: [mention(a, "n.txt", 0), mention(b, "n.txt", 40), mention(e, "n.txt", 80)])
    }

    @Test func affirmedAndDeniedFactsAreSeparateEdges() throws {
        let dir = try TemporaryDirectory()
        try dir.store().write(Self.graph, documents: [document("n.txt")])
        let read = try dir.store().graph()
        #expect(read == Self.graph)
        let visited = read.relations.filter { $0.predicate == "visited" }
        #expect(visited.map(\.negated).sorted { !$0 && $1 } == [false, true])
        #expect(visited.first { $0.negated }?.evidence == [evidence("n.txt", 100)])
        #expect(visited.first { $0.negated }?.lemma == "visit")
        #expect(try dir.store().summary().relations == 3)
    }

    @Test func pathsNeverTakeADeniedEdge() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.write(Self.graph, documents: [document("n.txt")])
        // Alice did not meet Bob: no path, though the edge is stored.
        #expect(try store.shortestPath(from: Self.a.id, to: Self.b.id) == nil)
        // Alice visited Easton and also did not: the path takes the affirmed edge.
        let hop = try #require(try store.shortestPath(from: Self.a.id, to: Self.e.id)?.first)
        #expect(hop.relation.negated == false)
        #expect(hop.relation.evidence == [evidence("n.txt", 0)])
    }

    @Test func profileListsDocumentsAndEveryRelationDeniedOnesToo() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.write(Self.graph, documents: [document("n.txt")])
        let profile = try #require(try store.profile(id: Self.a.id))
        #expect(profile.entity == Self.a)
        #expect(profile.documents == [EntityProfile.Naming(document: "n.txt", mentions: 1)])
        #expect(profile.relations.count == 3)
        #expect(profile.relations.filter(\.negated).map(\.predicate).sorted() == ["met", "visited"])
        let bob = try #require(try store.profile(id: Self.b.id))
        #expect(bob.relations.map(\.predicate) == ["met"])
        #expect(try store.profile(id: "person:nobody") == nil)
    }

    @Test func aliasReasonsAreStoredAndTheFirstOneStays() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let first = Entity(id: Self.a.id, name: Self.a.name, type: .person, aliases: ["Adams"],
                           reasons: ["Adams": "surname of Alice Adams, the one person of the same document with that last name"])
        try store.write(Graph(entities: [first], mentions: [mention(first, "n.txt", 0)]), documents: [document("n.txt")])
        #expect(try store.entity(id: Self.a.id) == first)
        var second = first
        second.aliases = ["A. Adams", "Adams"]
        second.reasons = ["Adams": "another reason", "A. Adams": "the same name written differently"]
        try store.write(Graph(entities: [second], mentions: [mention(second, "m.txt", 0)]), documents: [document("m.txt")])
        let read = try #require(try store.entity(id: Self.a.id))
        #expect(read.aliases == ["A. Adams", "Adams"])
        #expect(read.reasons == ["Adams": first.reasons["Adams"]!, "A. Adams": "the same name written differently"])
        #expect(try store.graph().entities == [read])
    }

    /// A store of schema version 1 (before negation was kept) opens, is upgraded in place, and
    /// keeps every relation and piece of evidence it had.
    @Test func upgradesAVersion1StoreWithoutLosingAnything() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: path, configuration: Schema.configuration())
            try Schema.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO documents (path, fingerprint, length, built_at) VALUES ('n.txt', 'f', 10, 'then');
                    INSERT INTO entities (id, name, type, norm_name) VALUES
                        ('person:alice adams', 'Alice Adams', 'Person', 'alice adams'),
                        ('place:easton', 'Easton', 'Place', 'easton');
                    INSERT INTO aliases (entity_id, alias, norm_alias) VALUES ('person:alice adams', 'Adams', 'adams');
                    INSERT INTO mentions (entity_id, document, start, "end", text) VALUES
                        ('person:alice adams', 'n.txt', 0, 11, 'Alice Adams'),
                        ('place:easton', 'n.txt', 80, 86, 'Easton');
                    INSERT INTO relations (id, subject, predicate, object) VALUES (7, 'person:alice adams', 'visited', 'place:easton');
                    INSERT INTO evidence (relation_id, document, sentence, start, "end", source) VALUES
                        (7, 'n.txt', 'Sentence 0 of n.txt.', 0, 20, '');
                    """)
            }
            try queue.close()
        }
        #expect(try Schema.checkExisting(path: path) == 1)
        let store = try GraphStore(path: path)
        #expect(try Schema.checkExisting(path: path) == Schema.currentVersion)
        let graph = try store.graph()
        #expect(graph.relations.first?.confidence == nil) // not measured before schema 3
        #expect(graph.relations == [relation(Self.a, "visited", Self.e, evidence("n.txt", 0))])
        #expect(graph.entities.first { $0.id == Self.a.id }?.aliases == ["Adams"])
        #expect(graph.relations.first?.negated == false)
        #expect(graph.relations.first?.lemma == "visited")  // no lemma before schema 2: the predicate
        #expect(graph.entities.allSatisfy { $0.reasons.isEmpty })
        // The upgraded table takes a denied twin of the old fact.
        try store.write(Graph(entities: [Self.a, Self.e],
                              relations: [relation(Self.a, "visited", Self.e, evidence("n.txt", 0)),
                                          Self.denied(Self.a, "visited", Self.e, evidence("n.txt", 100))],
                              mentions: [mention(Self.a, "n.txt", 0), mention(Self.e, "n.txt", 80)]),
                        documents: [document("n.txt")])
        #expect(try store.summary().relations == 2)
    }

    /// Evidence keeps its confidence through the store; a relation's confidence combines its
    /// evidence (each reading an independent chance to be right), and old evidence has none.
    @Test func confidencesAreStoredAndCombined() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        var first = evidence("n.txt", 0)
        first.confidence = 0.5
        var second = evidence("n.txt", 100)
        second.confidence = 0.6
        let r = relation(Self.a, "met", Self.b, first, second)
        #expect(abs((r.confidence ?? 0) - 0.8) < 1e-9)
        #expect(r.count == 2)
        try store.write(Graph(entities: [Self.a, Self.b], relations: [r],
                              mentions: [mention(Self.a, "n.txt", 0), mention(Self.b, "n.txt", 5)]),
                        documents: [document("n.txt")])
        let read = try #require(try store.graph().relations.first)
        #expect(read.evidence.map(\.confidence) == [0.5, 0.6])
        #expect(abs((read.confidence ?? 0) - 0.8) < 1e-9)
        let json = String(decoding: try JSONEncoder().encode(read), as: UTF8.self)
        #expect(json.contains("\"confidence\":0.8") && json.contains("\"count\":2"))
        #expect(relation(Self.a, "met", Self.b, evidence("n.txt", 0)).confidence == nil)
    }
}
