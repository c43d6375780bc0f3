import ArgumentParser
import Foundation
import KGraphModel
import KGraphStore

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask the graph store.", subcommands: [PathQuery.self])
}

struct PathQuery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "The shortest chain of relations between two entities, with the evidence of each hop.")

    @Argument(help: "The first entity: a name, a surname or an alias (case does not matter).")
    var from: String

    @Argument(help: "The second entity.")
    var to: String

    @Option(help: "The SQLite store to read.")
    var store: String = "out/kgraph.sqlite"

    @Flag(help: "Print JSON.")
    var json = false

    struct EntityOut: Encodable { var id: String; var name: String; var type: String }
    struct HopOut: Encodable {
        var from: EntityOut; var to: EntityOut
        var subject: String; var predicate: String; var object: String
        var direction: String
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
        guard FileManager.default.fileExists(atPath: store) else {
            throw CLIError("\(store): no store here; run `kgraph build` first")
        }
        let graphStore: GraphStore
        do { graphStore = try GraphStore(path: store) } catch { throw CLIError("\(error)") }
        let a = try resolve(from, in: graphStore)
        let b = try resolve(to, in: graphStore)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        guard let hops = try graphStore.shortestPath(from: a.id, to: b.id) else {
            if json {
                // Ids come from article text: encode them, never splice them into JSON.
                let none = PathOut(from: Self.entity(a), to: Self.entity(b), hops: nil)
                print(String(decoding: try encoder.encode(none), as: UTF8.self))
            } else {
                print("no path between \(a.name) and \(b.name)")
            }
            throw ExitCode(1)
        }
        if json {
            let out = PathOut(from: Self.entity(a), to: Self.entity(b), hops: hops.map { h in
                HopOut(from: Self.entity(h.from), to: Self.entity(h.to), subject: h.relation.subject,
                       predicate: h.relation.predicate, object: h.relation.object,
                       direction: h.forward ? "forward" : "backward", evidence: h.relation.evidence)
            })
            print(String(decoding: try encoder.encode(out), as: UTF8.self))
            return
        }
        if hops.isEmpty { print("\(a.name) is \(b.name)") }
        for h in hops {
            let arrow = h.forward ? "-[\(h.relation.predicate)]->" : "<-[\(h.relation.predicate)]-"
            print("\(h.from.name) \(arrow) \(h.to.name)")
            for ev in h.relation.evidence.prefix(3) {
                let source = ev.source.map { " (\($0))" } ?? ""
                print("    \"\(ev.sentence.replacingOccurrences(of: "\n", with: " "))\"")
                print("    — \(ev.document):\(ev.start)-\(ev.end)\(source)")
            }
            if h.relation.evidence.count > 3 { print("    … and \(h.relation.evidence.count - 3) more") }
        }
    }

    static func entity(_ e: Entity) -> EntityOut { EntityOut(id: e.id, name: e.name, type: e.type.rawValue) }

    private func resolve(_ name: String, in store: GraphStore) throws -> Entity {
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
}
