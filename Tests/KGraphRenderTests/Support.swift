import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KGraphModel
import KGraphRender

/// What an SVG document holds, read with a real XML parser.
struct SVGScan {
    /// Every element name, e.g. "svg", "g", "text".
    var elements: Set<String> = []
    /// The character content of each `<text>` element: the visible labels.
    var texts: [String] = []
    /// The values of every `xlink:title` attribute: the tooltips.
    var tooltips: [String] = []
    /// The character content of each `<title>` element: node names and edge names.
    var titles: [String] = []

    /// Parses `bytes`; nil when they are not well-formed XML.
    init?(_ bytes: [UInt8]) {
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { return nil }
        elements = collector.elements
        texts = collector.texts
        tooltips = collector.tooltips
        titles = collector.titles
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: Set<String> = []
        var texts: [String] = []
        var tooltips: [String] = []
        var titles: [String] = []
        private var current: String?
        private var buffer = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.insert(name)
            if let tip = attributes["xlink:title"] { tooltips.append(tip) }
            if name == "text" || name == "title" {
                current = name
                buffer = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if current != nil { buffer += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard name == current else { return }
            if name == "text" { texts.append(buffer) } else { titles.append(buffer) }
            current = nil
        }
    }
}

enum Fixtures {
    static func evidence(_ sentence: String, at start: Int = 0) -> Evidence {
        Evidence(document: "news/a.txt", sentence: sentence, start: start, end: start + sentence.unicodeScalars.count)
    }

    static func entity(_ name: String, _ type: EntityType) -> Entity {
        Entity(id: Entity.makeID(type: type, name: name), name: name, type: type)
    }

    /// Five entities, one of each type, four relations, one with two pieces of evidence.
    static var small: Graph {
        let powell = entity("Jonathan Powell", .person)
        let uk = entity("United Kingdom", .state)
        let london = entity("London", .place)
        let nato = entity("NATO", .organization)
        let summit = entity("Hague Summit", .event)
        return Graph(
            entities: [powell, uk, london, nato, summit],
            relations: [
                Relation(subject: powell.id, predicate: "visited", object: london.id, evidence: [
                    evidence("Jonathan Powell visited London on Monday.", at: 0),
                    evidence("Powell was back in London.", at: 120),
                ]),
                Relation(subject: london.id, predicate: "located in", object: uk.id, evidence: [
                    evidence("London is the capital of the United Kingdom.", at: 40),
                ]),
                Relation(subject: uk.id, predicate: "member of", object: nato.id, evidence: [
                    evidence("The United Kingdom is a member of NATO.", at: 80),
                ]),
                Relation(subject: nato.id, predicate: "convened", object: summit.id, evidence: [
                    evidence("NATO convened the Hague Summit.", at: 200),
                ]),
            ])
    }

    /// `count` people: person 0..<hubs are hubs linked to everyone, the rest only to hubs,
    /// plus a ring among the rest so that the graph is cyclic.
    static func large(count: Int, hubs: Int) -> Graph {
        let people = (0..<count).map { entity(String(format: "Person %04d", $0), .person) }
        var relations: [Relation] = []
        for (index, person) in people.enumerated() where index >= hubs {
            let hub = people[index % hubs]
            relations.append(Relation(subject: person.id, predicate: "met", object: hub.id,
                                      evidence: [evidence("\(person.name) met \(hub.name).")]))
            let next = people[index + 1 < count ? index + 1 : hubs]
            relations.append(Relation(subject: person.id, predicate: "knows", object: next.id,
                                      evidence: [evidence("\(person.name) knows \(next.name).")]))
        }
        return Graph(entities: people, relations: relations)
    }
}

extension Array where Element == UInt8 {
    var text: String { String(decoding: self, as: UTF8.self) }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
}

extension RenderResult {
    /// The bytes of a format, or an error when the format was not rendered.
    func bytes(_ format: RenderFormat) throws -> [UInt8] {
        guard let bytes = outputs[format] else { throw TestFailure(description: "no \(format) output") }
        return bytes
    }

    /// The SVG output, parsed; an error when missing or not well-formed XML.
    func svg() throws -> SVGScan {
        guard let scan = SVGScan(try bytes(.svg)) else { throw TestFailure(description: "SVG is not well-formed XML") }
        return scan
    }

    /// The DOT output as text.
    func dot() throws -> String { try bytes(.dot).text }
}

extension Fixtures {
    /// `count` people with `edges` random relations (seeded, deterministic).
    static func random(count: Int, edges: Int, seed: UInt64 = 42) -> Graph {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(count))
        }
        let people = (0..<count).map { entity(String(format: "Person %04d", $0), .person) }
        var relations: [Relation] = []
        for _ in 0..<edges {
            let (a, b) = (next(), next())
            relations.append(Relation(subject: people[a].id, predicate: "met", object: people[b].id,
                                      evidence: [evidence("\(people[a].name) met \(people[b].name).")]))
        }
        return Graph(entities: people, relations: relations)
    }

    /// A tree: each person i > 0 reports to person (i - 1) / 3.
    static func tree(count: Int) -> Graph {
        let people = (0..<count).map { entity(String(format: "Person %04d", $0), .person) }
        let relations = (1..<max(count, 1)).map { i in
            Relation(subject: people[i].id, predicate: "reports to", object: people[(i - 1) / 3].id,
                     evidence: [evidence("\(people[i].name) reports to \(people[(i - 1) / 3].name).")])
        }
        return Graph(entities: people, relations: relations)
    }
}
