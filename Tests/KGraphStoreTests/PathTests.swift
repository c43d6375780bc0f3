import Foundation
import KGraphModel
import Testing
@testable import KGraphStore

@Suite("Shortest paths")
struct PathTests {
    static let a = person("Alice Adams")
    static let b = person("Bob Brown")
    static let c = person("Carol Clark")
    static let d = entity(.organization, "Delta Group")
    static let e = entity(.place, "Easton")
    static let x = person("Xavier Xu")
    static let y = person("Yara Young")
    static let z = person("Zoe Zhang")
    static let f = person("Frank Fox")
    static let g = person("Gina Gray")
    static let lonely = person("Lonely Lee")

    /// a -> b <- c, b -> d -> e, and a longer way a -> x -> y -> z -> e; f -> g apart; lonely alone.
    static func store(_ dir: TemporaryDirectory) throws -> GraphStore {
        let store = try dir.store()
        let entities = [a, b, c, d, e, x, y, z, f, g, lonely]
        try store.write(Graph(
            entities: entities,
            relations: [
                relation(a, "met", b, evidence("p.txt", 0)),
                relation(c, "called", b, evidence("p.txt", 100)),
                relation(b, "works for", d, evidence("p.txt", 200)),
                relation(d, "based in", e, evidence("p.txt", 300)),
                relation(a, "knows", x, evidence("p.txt", 400)),
                relation(x, "knows", y, evidence("p.txt", 500)),
                relation(y, "knows", z, evidence("p.txt", 600)),
                relation(z, "lives in", e, evidence("p.txt", 700)),
                relation(f, "met", g, evidence("p.txt", 800)),
            ],
            mentions: entities.enumerated().map { mention($1, "p.txt", $0 * 100 + 50) }),
            documents: [document("p.txt")])
        return store
    }

    @Test func directHop() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        let path = try #require(try store.shortestPath(from: Self.a.id, to: Self.b.id))
        #expect(path.count == 1)
        #expect(path.first?.from == Self.a)
        #expect(path.first?.to == Self.b)
        #expect(path.first?.relation.predicate == "met")
        #expect(path.first?.relation.evidence == [evidence("p.txt", 0)])
        #expect(path.first?.forward == true)
    }

    @Test func hopAgainstTheEdge() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        let path = try #require(try store.shortestPath(from: Self.b.id, to: Self.a.id))
        #expect(path.count == 1)
        #expect(path[0].from == Self.b && path[0].to == Self.a)
        #expect(path[0].relation.subject == Self.a.id && path[0].relation.object == Self.b.id)
        #expect(path[0].forward == false)
    }

    @Test func shortestOfSeveralWays() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        let path = try #require(try store.shortestPath(from: Self.a.id, to: Self.e.id))
        #expect(path.map(\.to.id) == [Self.b.id, Self.d.id, Self.e.id])
        #expect(path.map(\.relation.predicate) == ["met", "works for", "based in"])
        #expect(path.map(\.forward) == [true, true, true])
        // Both directions, through c against b's incoming edge.
        let back = try #require(try store.shortestPath(from: Self.c.id, to: Self.a.id))
        #expect(back.map(\.to.id) == [Self.b.id, Self.a.id])
        #expect(back.map(\.forward) == [true, false])
        // Each hop starts where the last ended.
        for (first, second) in zip(path, path.dropFirst()) { #expect(first.to == second.from) }
    }

    @Test func noPath() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        #expect(try store.shortestPath(from: Self.a.id, to: Self.f.id) == nil)
        #expect(try store.shortestPath(from: Self.lonely.id, to: Self.a.id) == nil)
    }

    @Test func sameNode() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        #expect(try store.shortestPath(from: Self.a.id, to: Self.a.id) == [])
        #expect(try store.shortestPath(from: Self.lonely.id, to: Self.lonely.id) == [])
    }

    @Test func unknownEntity() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        let error = #expect(throws: StoreError.self) { try store.shortestPath(from: Self.a.id, to: "person:nobody") }
        #expect(error?.message.contains("person:nobody") == true)
    }

    @Test func parallelEdgesPreferTextEvidence() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let p = person("Paul Page")
        let q = entity(.place, "Quito")
        let r = entity(.state, "Rwanda")
        try store.write(Graph(
            entities: [p, q, r],
            relations: [
                // p - q: the gazetteer says more, the text says less: the text wins.
                relation(p, "located in", q, evidence("t.txt", 0, source: "GeoNames"), evidence("t.txt", 40, source: "GeoNames"), evidence("t.txt", 80, source: "GeoNames")),
                relation(p, "visited", q, evidence("t.txt", 0)),
                // q - r: two text edges, the reverse one has more evidence and wins.
                relation(q, "near", r, evidence("t.txt", 40)),
                relation(r, "hosts", q, evidence("t.txt", 40), evidence("t.txt", 80)),
            ],
            mentions: [mention(p, "t.txt", 0), mention(q, "t.txt", 10), mention(r, "t.txt", 20)]),
            documents: [document("t.txt")])

        let path = try #require(try store.shortestPath(from: p.id, to: r.id))
        #expect(path.map(\.relation.predicate) == ["visited", "hosts"])
        #expect(path.map(\.forward) == [true, false])
        // The same answer every time, and the mirror image the other way.
        #expect(try store.shortestPath(from: p.id, to: r.id) == path)
        let back = try #require(try store.shortestPath(from: r.id, to: p.id))
        #expect(back.map(\.relation.predicate) == ["hosts", "visited"])
        #expect(back.map(\.forward) == [true, false])
    }

    @Test func amongShortestPathsPreferTextEvidence() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let start = person("Sam Stone")
        let viaGazetteer = entity(.place, "Alpha")   // sorts first, but its second hop is gazetteer only
        let viaText = entity(.place, "Beta")
        let end = entity(.state, "Omega")
        try store.write(Graph(
            entities: [start, viaGazetteer, viaText, end],
            relations: [
                relation(start, "visited", viaGazetteer, evidence("g.txt", 0)),
                relation(viaGazetteer, "located in", end, evidence("g.txt", 0, source: "GeoNames")),
                relation(start, "visited", viaText, evidence("g.txt", 40)),
                relation(viaText, "capital of", end, evidence("g.txt", 40)),
            ],
            mentions: [mention(start, "g.txt", 0), mention(viaGazetteer, "g.txt", 20), mention(viaText, "g.txt", 40), mention(end, "g.txt", 60)]),
            documents: [document("g.txt")])
        let path = try #require(try store.shortestPath(from: start.id, to: end.id))
        #expect(path.map(\.to.id) == [viaText.id, end.id])

        // Without the text edge, the gazetteer's way is taken.
        try store.write(Graph(
            entities: [start, viaGazetteer, viaText, end],
            relations: [
                relation(start, "visited", viaGazetteer, evidence("g.txt", 0)),
                relation(viaGazetteer, "located in", end, evidence("g.txt", 0, source: "GeoNames")),
                relation(start, "visited", viaText, evidence("g.txt", 40)),
            ],
            mentions: [mention(start, "g.txt", 0), mention(viaGazetteer, "g.txt", 20), mention(viaText, "g.txt", 40), mention(end, "g.txt", 60)]),
            documents: [document("g.txt")])
        let other = try #require(try store.shortestPath(from: start.id, to: end.id))
        #expect(other.map(\.to.id) == [viaGazetteer.id, end.id])
        #expect(other.map(\.relation.predicate) == ["visited", "located in"])
    }
}
