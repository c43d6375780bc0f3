import Foundation
import KGraphModel
@testable import KGraphStore

/// A fresh directory under the temporary directory, removed when the value goes.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kgraph-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ components: String...) -> String {
        components.reduce(url) { $0.appendingPathComponent($1) }.path
    }

    /// A new store in this directory.
    func store(_ name: String = "graph.sqlite") throws -> GraphStore {
        try GraphStore(path: path(name))
    }
}

/// Bytes and modification date of a file, to tell it was left alone.
struct FileSnapshot: Equatable {
    var bytes: Data
    var modified: Date?
    var siblings: [String]

    init(_ path: String) throws {
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        siblings = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path).sorted()
    }
}

func person(_ name: String, aliases: [String] = []) -> Entity {
    Entity(id: Entity.makeID(type: .person, name: name), name: name, type: .person, aliases: aliases)
}

func entity(_ type: EntityType, _ name: String, aliases: [String] = []) -> Entity {
    Entity(id: Entity.makeID(type: type, name: name), name: name, type: type, aliases: aliases)
}

/// Evidence of the sentence at `start` in `document`.
func evidence(_ document: String, _ start: Int, source: String? = nil, sentence: String? = nil) -> Evidence {
    Evidence(document: document, sentence: sentence ?? "Sentence \(start) of \(document).", start: start, end: start + 20, source: source)
}

func relation(_ subject: Entity, _ predicate: String, _ object: Entity, _ evidence: Evidence...) -> Relation {
    Relation(subject: subject.id, predicate: predicate, object: object.id, evidence: evidence)
}

func mention(_ entity: Entity, _ document: String, _ start: Int, _ text: String? = nil) -> Mention {
    let text = text ?? entity.name
    return Mention(entity: entity.id, document: document, start: start, end: start + text.unicodeScalars.count, text: text)
}

func document(_ path: String, _ fingerprint: String = "f0") -> StoredDocument {
    StoredDocument(path: path, fingerprint: fingerprint, length: 100)
}

/// A little news world read from two documents.
enum World {
    static let starmer = person("Keir Starmer", aliases: ["Starmer"])
    static let powell = person("Jonathan Powell")
    static let us = entity(.state, "United States", aliases: ["US", "USA"])
    static let uk = entity(.state, "United Kingdom", aliases: ["UK"])
    static let london = entity(.place, "London")
    static let nato = entity(.organization, "North Atlantic Treaty Organization", aliases: ["NATO"])
    static let summit = entity(.event, "NATO summit")

    /// What a.txt says.
    static var a: Graph {
        Graph(
            entities: [starmer, powell, uk, london],
            relations: [
                relation(powell, "advisor to", starmer, evidence("a.txt", 0)),
                relation(starmer, "prime minister of", uk, evidence("a.txt", 40), evidence("a.txt", 80)),
                relation(london, "located in", uk, evidence("a.txt", 40, source: "GeoNames")),
            ],
            mentions: [
                mention(powell, "a.txt", 0), mention(starmer, "a.txt", 25, "Starmer"),
                mention(starmer, "a.txt", 40), mention(uk, "a.txt", 60, "UK"), mention(london, "a.txt", 70),
            ])
    }

    /// What b.txt says: shares Starmer and a relation with a.txt.
    static var b: Graph {
        Graph(
            entities: [starmer, uk, us, nato, summit],
            relations: [
                relation(starmer, "prime minister of", uk, evidence("b.txt", 10)),
                relation(starmer, "attended", summit, evidence("b.txt", 10)),
                relation(nato, "convened", summit, evidence("b.txt", 50)),
                relation(us, "member of", nato, evidence("b.txt", 90)),
            ],
            mentions: [
                mention(starmer, "b.txt", 10), mention(summit, "b.txt", 30), mention(nato, "b.txt", 50, "NATO"),
                mention(us, "b.txt", 90, "U.S."), mention(uk, "b.txt", 95, "UK"),
            ])
    }
}
