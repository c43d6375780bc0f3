import ArgumentParser
import Foundation
import KGraphModel
import KGraphStore

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask the graph store.", subcommands: [PathQuery.self, EntityQuery.self])

    /// The one entity a user means by `name`: an ambiguous or unknown name is a usage error
    /// (exit code 2) listing the candidates or the close names.
    static func resolve(_ name: String, in store: GraphStore) throws -> Entity {
        switch try store.lookup(name) {
        case .found(let e):
            return e
        case .ambiguous(let candidates):
            Terminal.error("\"\(name)\" is ambiguous; it could be:")
            for c in candidates { FileHandle.standardError.write(Data("  \(c.name) (\(c.type.rawValue), \(c.id))\n".utf8)) }
            throw ExitCode(2)
        case .unknown(let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "\"\($0.name)\"" }.joined(separator: ", ") + "?"
            Terminal.error("no entity named \"\(name)\" in \(store.path)\(hint)")
            throw ExitCode(2)
        }
    }

    /// " (confidence 0.90, read 2 times)" after a relation's line, or the count alone for
    /// relations stored before confidences were.
    static func strength(_ r: Relation) -> String {
        let times = r.count == 1 ? "read once" : "read \(r.count) times"
        guard let c = r.confidence else { return "  (\(times))" }
        return String(format: "  (confidence %.2f, %@)", c, times)
    }

    /// Up to three pieces of evidence, indented under a line about them.
    static func printEvidence(_ evidence: [Evidence]) {
        for ev in evidence.prefix(3) {
            let source = ev.source.map { " (\($0))" } ?? ""
            print("    \"\(ev.sentence.replacingOccurrences(of: "\n", with: " "))\"")
            print("    — \(ev.document):\(ev.start)-\(ev.end)\(source)")
        }
        if evidence.count > 3 { print("    … and \(evidence.count - 3) more") }
    }
}

/// What every query takes: the store to read and whether to answer in JSON.
struct QueryOptions: ParsableArguments {
    @Option(help: "The SQLite store to read.")
    var store: String = "out/kgraph.sqlite"

    @Flag(help: "Print JSON.")
    var json = false

    /// Opens the existing store, or says to build one.
    func open() throws -> GraphStore {
        guard FileManager.default.fileExists(atPath: store) else {
            throw CLIError("\(store): no store here; run `kgraph build` first")
        }
        do { return try GraphStore(path: store) } catch { throw CLIError("\(error)") }
    }

    /// Prints a value as sorted, indented JSON (ids come from article text: always encoded,
    /// never spliced into JSON).
    func print<T: Encodable>(json value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

struct PathQuery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "The shortest chain of relations between two entities, with the evidence of each hop.")

    @Argument(help: "The first entity: a name, a surname or an alias (case does not matter).")
    var from: String

    @Argument(help: "The second entity.")
    var to: String

    @OptionGroup var options: QueryOptions

    struct EntityOut: Encodable { var id: String; var name: String; var type: String }
    struct HopOut: Encodable {
        var from: EntityOut; var to: EntityOut
        var subject: String; var predicate: String; var object: String; var lemma: String
        var direction: String
        var confidence: Double?
        var count: Int
        var evidence: [Evidence]
    }
    struct PathOut: Encodable {
        var from: EntityOut; var to: EntityOut; var hops: [HopOut]?
        func encode(to encoder: any Encoder) throws { // "hops": null when there is no path
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(hops, forKey: .hops)
        }
        enum CodingKeys: String, CodingKey { case from, to, hops }
    }

    func run() throws {
        let graphStore = try options.open()
        let a = try Query.resolve(from, in: graphStore)
        let b = try Query.resolve(to, in: graphStore)
        guard let hops = try graphStore.shortestPath(from: a.id, to: b.id) else {
            if options.json {
                try options.print(json: PathOut(from: Self.entity(a), to: Self.entity(b), hops: nil))
            } else {
                print("no path between \(a.name) and \(b.name)")
            }
            throw ExitCode(1)
        }
        if options.json {
            let out = PathOut(from: Self.entity(a), to: Self.entity(b), hops: hops.map { h in
                HopOut(from: Self.entity(h.from), to: Self.entity(h.to), subject: h.relation.subject,
                       predicate: h.relation.predicate, object: h.relation.object, lemma: h.relation.lemma,
                       direction: h.forward ? "forward" : "backward",
                       confidence: h.relation.confidence.map { ($0 * 1000).rounded() / 1000 }, count: h.relation.count,
                       evidence: h.relation.evidence)
            })
            try options.print(json: out)
            return
        }
        if hops.isEmpty { print("\(a.name) is \(b.name)") }
        for h in hops {
            let arrow = h.forward ? "-[\(h.relation.predicate)]->" : "<-[\(h.relation.predicate)]-"
            print("\(h.from.name) \(arrow) \(h.to.name)" + Query.strength(h.relation))
            Query.printEvidence(h.relation.evidence)
        }
    }

    static func entity(_ e: Entity) -> EntityOut { EntityOut(id: e.id, name: e.name, type: e.type.rawValue) }
}

struct EntityQuery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "An entity's type, aliases, documents and relations, with the evidence of each relation.")

    @Argument(help: "A name, a surname or an alias (case does not matter).")
    var name: String

    @OptionGroup var options: QueryOptions

    struct RelationOut: Encodable {
        var subject: String; var predicate: String; var object: String; var lemma: String; var negated: Bool
        var evidence: [Evidence]
    }
    struct DocumentOut: Encodable { var document: String; var mentions: Int }
    struct AliasOut: Encodable { var name: String; var reason: String? }
    struct EntityOut: Encodable {
        var id: String; var name: String; var type: String; var aliases: [AliasOut]
        var documents: [DocumentOut]
        var relations: [RelationOut]
    }

    func run() throws {
        let graphStore = try options.open()
        let found = try Query.resolve(name, in: graphStore)
        guard let profile = try graphStore.profile(id: found.id) else {
            throw CLIError("\(options.store): the entity \"\(found.id)\" went away while it was read")
        }
        let e = profile.entity
        if options.json {
            let out = EntityOut(
                id: e.id, name: e.name, type: e.type.rawValue,
                aliases: e.aliases.map { AliasOut(name: $0, reason: e.reasons[$0]) },
                documents: profile.documents.map { DocumentOut(document: $0.document, mentions: $0.mentions) },
                relations: profile.relations.map {
                    RelationOut(subject: $0.subject, predicate: $0.predicate, object: $0.object, lemma: $0.lemma,
                                negated: $0.negated, evidence: $0.evidence)
                })
            try options.print(json: out)
            return
        }
        print("\(e.name) (\(e.type.rawValue)), id \(e.id)")
        print("aliases:" + (e.aliases.isEmpty ? " none" : ""))
        for a in e.aliases { print("  \(a)" + (e.reasons[a].map { ": \($0)" } ?? "")) }
        print("named in \(profile.documents.count) document\(profile.documents.count == 1 ? "" : "s"):")
        for d in profile.documents { print("  \(d.document) (\(d.mentions) mention\(d.mentions == 1 ? "" : "s"))") }
        print("\(profile.relations.count) relation\(profile.relations.count == 1 ? "" : "s"):")
        var names: [String: String] = [e.id: e.name]
        for r in profile.relations {
            for id in [r.subject, r.object] where names[id] == nil {
                names[id] = (try graphStore.entity(id: id))?.name ?? id
            }
            let label = (r.negated ? "not " : "") + r.predicate
            print("\(names[r.subject]!) -[\(label)]-> \(names[r.object]!)" + Query.strength(r))
            Query.printEvidence(r.evidence)
        }
    }
}
