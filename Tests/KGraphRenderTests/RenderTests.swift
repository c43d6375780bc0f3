import Foundation
import KGraphModel
import KGraphRender
import Testing

private let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

@Suite struct RenderTests {
    @Test func smallGraphInAllFormats() throws {
        let graph = Fixtures.small
        let result = try GraphRenderer().render(graph, formats: RenderFormat.allCases)

        #expect(result.engine == "dot")
        #expect(result.shownNodes == 5)
        #expect(result.totalNodes == 5)
        #expect(result.shownEdges == 4)
        #expect(result.legendNodes == 5)
        #expect(!result.isCapped)
        #expect(Set(result.outputs.keys) == Set(RenderFormat.allCases))

        let svg = try result.svg()
        for entity in graph.entities {
            #expect(svg.texts.contains(entity.name), "no label \(entity.name)")
            #expect(svg.titles.contains(entity.id), "no node \(entity.id)")
        }
        #expect(svg.texts.contains("visited ×2"))
        #expect(svg.texts.contains("located in"))
        #expect(svg.texts.contains("Legend"))
        #expect(svg.tooltips.contains("Jonathan Powell visited London on Monday."))

        let png = try result.bytes(.png)
        #expect(Array(png.prefix(8)) == pngSignature)
        #expect(png.count > 1000)
        #expect(png.contains(0), "PNG copied as text, not as binary")

        let dot = try result.dot()
        let counts = try DOTReader.read(dot)
        #expect(counts.nodes == result.shownNodes + result.legendNodes)
        #expect(counts.edges == result.shownEdges)
        for shape in ["doubleoctagon", "house", "diamond", "cluster_legend"] {
            #expect(dot.contains(shape), "DOT has no \(shape)")
        }
    }

    /// A denied fact is drawn dashed, labelled "not ...", beside the affirmed one.
    @Test func deniedFactIsDashedAndSaysNot() throws {
        var graph = Fixtures.small
        let powell = graph.relations[0].subject, london = graph.relations[0].object
        graph = Graph(entities: graph.entities, relations: graph.relations + [
            Relation(subject: powell, predicate: "visited", object: london, negated: true,
                     evidence: [Fixtures.evidence("Powell did not visit London in May.", at: 300)]),
        ])
        let result = try GraphRenderer().render(graph, formats: [.dot, .svg])
        #expect(result.shownEdges == 5)
        let svg = try result.svg()
        #expect(svg.texts.contains("not visited"))
        #expect(svg.texts.contains("visited ×2"))
        let dot = try result.dot()
        let dashed = dot.split(separator: ";").filter { $0.contains("->") && $0.contains("dashed") }
        #expect(dashed.count == 1)
        #expect(dashed.first?.contains("not visited") == true)
    }

    @Test func onlyTheRequestedFormats() throws {
        let result = try GraphRenderer().render(Fixtures.small, formats: [.svg, .svg])
        #expect(Array(result.outputs.keys) == [.svg])
        let none = try GraphRenderer().render(Fixtures.small, formats: [])
        #expect(none.outputs.isEmpty)
        #expect(none.shownNodes == 5)
    }

    @Test func hostileNamesStayText() throws {
        let hostile = #"He said "hi" \N <script>alert(1)</script> & 'x'"#
        let evil = Entity(id: "person:evil", name: hostile, type: .person)
        let more = Entity(id: "organization:x", name: "&lt;b&gt; ]]> <!-- --> Zoë Ångström 北京 \\", type: .organization)
        var graph = Fixtures.small
        graph = Graph(
            entities: graph.entities + [evil, more],
            relations: graph.relations + [
                Relation(subject: evil.id, predicate: #"said "<script>" \E"#, object: more.id,
                         evidence: [Fixtures.evidence(#"<script>alert("x")</script> \N & done"#)]),
            ])
        let result = try GraphRenderer().render(graph, formats: RenderFormat.allCases)

        let svgBytes = try result.bytes(.svg)
        let svg = try #require(SVGScan(svgBytes), "SVG is not well-formed XML")
        #expect(!svg.elements.contains("script"))
        #expect(!svgBytes.text.contains("<script"))
        // The literal text survives, escaped in the file, exact once parsed.
        #expect(svg.texts.contains(hostile))
        #expect(svg.texts.contains(more.name))
        #expect(svg.texts.contains(#"said "<script>" \E"#))
        #expect(svg.tooltips.contains(#"<script>alert("x")</script> \N & done"#))
        #expect(svg.tooltips.contains(hostile + " (Person)"))
        #expect(svgBytes.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))

        let dot = try result.dot()
        let counts = try DOTReader.read(dot)
        #expect(counts.nodes == graph.entities.count + result.legendNodes)
        #expect(counts.edges == graph.relations.count)
        #expect(Array(try result.bytes(.png).prefix(8)) == pngSignature)
    }

    @Test(arguments: [#"\N"#, #"\G"#, #"\E"#, #"\T"#, #"\H"#, #"\L"#, #"\l"#, #"\n"#, #"\r"#, #"a\\b"#, #"end\"#])
    func backslashSequencesShowLiterally(sequence: String) throws {
        let name = "Name " + sequence + " x"
        let graph = Graph(entities: [Entity(id: "person:p", name: name, type: .person, aliases: [sequence])])
        let result = try GraphRenderer().render(graph, formats: [.svg, .dot])
        let svg = try result.svg()
        #expect(svg.texts.contains(name), "label of \(sequence) became \(svg.texts)")
        #expect(svg.tooltips.contains(name + " (Person), also " + sequence), "tooltip became \(svg.tooltips)")
        let counts = try DOTReader.read(try result.dot())
        #expect(counts.nodes == 2)
    }

    @Test func backslashesInIDsDoNotBreakDOT() throws {
        let ids = [#"person:ends with \"#, #"person:before \" a quote"#, #"person:two \\ here"#, #"person:\N"#]
        let graph = Graph(
            entities: ids.map { Entity(id: $0, name: "n", type: .person) },
            relations: zip(ids, ids.dropFirst()).map { Relation(subject: $0, predicate: "p", object: $1, evidence: []) })
        let result = try GraphRenderer().render(graph, formats: [.dot, .svg])
        let counts = try DOTReader.read(try result.dot())
        #expect(counts.nodes == ids.count + 1)
        #expect(counts.edges == ids.count - 1)
        _ = try result.svg()
    }

    @Test func controlCharactersDoNotBreakXML() throws {
        let graph = Graph(entities: [Entity(id: "place:a\u{1}b", name: "line\none\u{0}two\u{7}x\u{FFFE}y", type: .place)])
        let result = try GraphRenderer().render(graph, formats: [.svg, .dot])
        let svg = try result.svg()
        #expect(svg.texts.contains("line one two x y"))
        #expect(try DOTReader.read(try result.dot()).nodes == 2)
    }

    @Test func duplicateIDsDoNotCrash() throws {
        let graph = Fixtures.small
        let doubled = Graph(entities: graph.entities + graph.entities, relations: graph.relations)
        let result = try GraphRenderer().render(doubled, formats: [.dot])
        #expect(result.shownNodes == 10)
        #expect(try DOTReader.read(try result.dot()).edges == 4)
    }

    @Test func emptyGraph() throws {
        let result = try GraphRenderer().render(Graph(), formats: RenderFormat.allCases)
        #expect(result.shownNodes == 0)
        #expect(result.legendNodes == 0)
        _ = try result.svg()
        #expect(try DOTReader.read(try result.dot()) == (0, 0))
    }

    @Test func relationsToUnknownEntitiesAreLeftOut() throws {
        var graph = Fixtures.small
        graph.relations.append(Relation(subject: graph.entities[0].id, predicate: "met", object: "person:nobody",
                                        evidence: []))
        let result = try GraphRenderer().render(graph, formats: [.dot])
        #expect(result.shownEdges == 4)
        #expect(try DOTReader.read(try result.dot()).edges == 4)
    }
}

@Suite struct CapTests {
    @Test func largeGraphIsCappedAndUsesSFDP() throws {
        let graph = Fixtures.large(count: 360, hubs: 8)
        let result = try GraphRenderer(options: RenderOptions(maxNodes: 320)).render(graph, formats: [.dot, .svg])
        #expect(result.engine == "sfdp")
        #expect(result.shownNodes == 320)
        #expect(result.totalNodes == 360)
        #expect(result.isCapped)

        let dot = try result.dot()
        let counts = try DOTReader.read(dot)
        #expect(counts.nodes == 320 + result.legendNodes)
        #expect(counts.edges == result.shownEdges)
        let svg = try result.svg()
        #expect(svg.texts.contains("showing 320 of 360 entities"))
        // The hubs have the highest degree; among the rest, ties go to the smallest ids.
        for hub in 0..<8 { #expect(svg.titles.contains(Entity.makeID(type: .person, name: String(format: "Person %04d", hub)))) }
        #expect(svg.titles.contains("person:person 0319"))
        #expect(!svg.titles.contains("person:person 0320"))
    }

    @Test func capKeepsHighestDegreeDeterministically() throws {
        let graph = Fixtures.large(count: 30, hubs: 3)
        let options = RenderOptions(maxNodes: 10)
        let first = try GraphRenderer(options: options).render(graph, formats: [.dot])
        let second = try GraphRenderer(options: options).render(graph, formats: [.dot])
        #expect(first.engine == "dot")
        #expect(first.shownNodes == 10)
        #expect(first.outputs == second.outputs)
        let dot = try first.dot()
        #expect(dot.contains("person:person 0000") && dot.contains("person:person 0002"))
        #expect(dot.contains("showing 10 of 30 entities"))
    }

    @Test func engineCanBeChosen() throws {
        let result = try GraphRenderer(options: RenderOptions(engine: "neato")).render(Fixtures.small, formats: [.svg])
        #expect(result.engine == "neato")
        _ = try result.svg()
    }

    @Test func unknownEngineIsAnErrorWithGraphvizsMessage() throws {
        let error = try #require(throws: GraphvizError.self) {
            try GraphRenderer(options: RenderOptions(engine: "no-such-engine")).render(Fixtures.small, formats: [.svg])
        }
        #expect(error.description.contains("not recognized"))
        // Graphviz is still usable afterwards.
        #expect(try GraphRenderer().render(Fixtures.small, formats: [.svg]).outputs[.svg] != nil)
    }

    @Test func longCyclesAvoidDot() throws {
        // 100 people in a ring with five hubs: dot would rank them a hundred layers deep
        // and take half a minute; a tree of 300 is easy for it.
        let ring = try GraphRenderer().render(Fixtures.large(count: 100, hubs: 5), formats: [.svg])
        #expect(ring.engine == "sfdp")
        #expect(!ring.isCapped)
        let tree = try GraphRenderer().render(Fixtures.tree(count: 300), formats: [])
        #expect(tree.engine == "dot")
        let wide = try GraphRenderer().render(Fixtures.tree(count: 301), formats: [])
        #expect(wide.engine == "sfdp")
    }

    @Test func concurrentRendersAreSerialized() async throws {
        let graph = Fixtures.tree(count: 30)
        let expected = try GraphRenderer().render(graph, formats: [.svg, .dot])
        // Eight tasks, each rendering three times and reading good and bad DOT in between:
        // without serialization libgvc crashes or mixes up its error messages.
        let results = try await withThrowingTaskGroup(of: [RenderResult].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var results: [RenderResult] = []
                    for round in 0..<3 {
                        #expect(try DOTReader.read("digraph { a -> b }") == (2, 1))
                        let error = #expect(throws: GraphvizError.self) { try DOTReader.read("digraph { a -> }") }
                        #expect(error?.message.contains("syntax error") == true)
                        let formats: [RenderFormat] = round == 0 ? [.svg, .dot, .png] : [.svg, .dot]
                        results.append(try GraphRenderer().render(graph, formats: formats))
                    }
                    return results
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(results.count == 24)
        for result in results {
            #expect(result.outputs[.svg] == expected.outputs[.svg])
            #expect(result.outputs[.dot] == expected.outputs[.dot])
            if let png = result.outputs[.png] { #expect(Array(png.prefix(8)) == pngSignature) }
        }
        #expect(results.filter { $0.outputs[.png] != nil }.count == 8)
    }
}

@Suite struct GraphvizTests {
    @Test func readsDOT() throws {
        let counts = try DOTReader.read(#"digraph g { a -> b; b -> c; a -> c; subgraph cluster_x { d } "é \"q\"" }"#)
        #expect(counts.nodes == 5)
        #expect(counts.edges == 3)
    }

    @Test(arguments: ["digraph { a -> ; }", "graph { a -- b ", "digraph { a [label=<unclosed] }", "not dot at all {"])
    func malformedDOTThrows(dot: String) throws {
        let error = try #require(throws: GraphvizError.self) { try DOTReader.read(dot) }
        #expect(!error.message.isEmpty)
        #expect(error.description.contains(error.message))
        // The parser recovers: the next read works.
        #expect(try DOTReader.read("digraph { x -> y }") == (2, 1))
    }

    @Test func emptyInputThrows() throws {
        let error = try #require(throws: GraphvizError.self) { try DOTReader.read("") }
        #expect(!error.message.isEmpty)
    }

    @Test func pluginsAreLoaded() throws {
        #expect(try Graphviz.pluginCount(kind: "layout") > 0)
        #expect(try Graphviz.pluginCount(kind: "render") > 0)
        let layouts = try Graphviz.pluginNames(kind: "layout")
        #expect(layouts.contains("dot") && layouts.contains("sfdp"))
        #expect(throws: GraphvizError.self) { try Graphviz.pluginCount(kind: "no-such-kind") }
    }
}
