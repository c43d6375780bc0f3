import Foundation
import GRDB
import KGraphModel

extension GraphStore {
    /// A shortest path, in hops, between two entities given by id, over the graph taken as
    /// undirected: a hop may go against its edge (`PathHop.forward` is then false).
    ///
    /// Returns nil when no path joins them, and `[]` when `from == to`. Throws when either id
    /// is not an entity of the store. Negated edges ("did not meet") join nothing: paths never take them.
    ///
    /// Ties are broken the same way every time: among shortest paths, the one with fewest hops
    /// resting only on gazetteer evidence (no evidence read from the text); then nodes are
    /// explored in id order. Between two nodes joined by several edges, a hop takes the one with
    /// evidence read from the text, then the one with most evidence, then the first predicate,
    /// then the one it follows forward.
    public func shortestPath(from: String, to: String) throws -> [PathHop]? {
        try perform("cannot find a path from \"\(from)\" to \"\(to)\"") {
            try dbQueue.read { db in
                let reader = Reader(db: db, path: path)
                for id in Set([from, to]) where try reader.entities(ids: [id]).isEmpty {
                    throw StoreError(path: path, message: "no entity has the id \"\(id)\"")
                }
                if from == to { return [] }
                let edges = try EdgeList(db: db)
                guard let steps = edges.shortestPath(from: from, to: to) else { return nil }
                var hops: [PathHop] = []
                for step in steps {
                    let entities = try reader.entities(ids: [step.from, step.to])
                    guard entities.count == 2, let relation = try reader.relation(rowID: step.relation) else {
                        throw StoreError(path: path, message: "the store changed while reading a path")
                    }
                    hops.append(PathHop(from: entities[0], to: entities[1], relation: relation, forward: step.forward))
                }
                return hops
            }
        }
    }
}

/// Every relation as an edge, with what ranks parallel edges.
private struct EdgeList {
    struct Edge {
        var rowID: Int64
        var subject: Int
        var predicate: String
        var object: Int
        var evidence: Int
        var fromText: Bool
    }

    struct Step {
        var from: String
        var to: String
        var relation: Int64
        var forward: Bool
    }

    var ids: [String] = []
    var index: [String: Int] = [:]
    var edges: [Edge] = []
    /// Edge indexes by node, either end.
    var incident: [[Int]] = []

    init(db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT r.id, r.subject, r.predicate, r.object,
                   (SELECT COUNT(*) FROM evidence e WHERE e.relation_id = r.id),
                   EXISTS (SELECT 1 FROM evidence e WHERE e.relation_id = r.id AND e.source = '')
            FROM relations r
            WHERE r.negated = 0
            """)
        while let row = try rows.next() {
            let subject = node(row[1])
            let object = node(row[3])
            if subject == object { continue }
            edges.append(Edge(rowID: row[0], subject: subject, predicate: row[2], object: object, evidence: row[4], fromText: row[5]))
            incident[subject].append(edges.count - 1)
            incident[object].append(edges.count - 1)
        }
    }

    private mutating func node(_ id: String) -> Int {
        if let n = index[id] { return n }
        ids.append(id)
        incident.append([])
        index[id] = ids.count - 1
        return ids.count - 1
    }

    /// Whether `a` is a better edge than `b` for a hop from `node`.
    private func isBetter(_ a: Edge, than b: Edge, from node: Int) -> Bool {
        if a.fromText != b.fromText { return a.fromText }
        if a.evidence != b.evidence { return a.evidence > b.evidence }
        if a.predicate != b.predicate { return a.predicate < b.predicate }
        return a.subject == node && b.subject != node
    }

    /// The neighbours of `node` in id order, each with the best edge to it.
    private func neighbours(of node: Int) -> [(node: Int, edge: Int)] {
        var best: [Int: Int] = [:]
        for e in incident[node] {
            let edge = edges[e]
            let other = edge.subject == node ? edge.object : edge.subject
            if let current = best[other], !isBetter(edge, than: edges[current], from: node) { continue }
            best[other] = e
        }
        return best.map { (node: $0.key, edge: $0.value) }.sorted { ids[$0.node] < ids[$1.node] }
    }

    /// Breadth-first, layer by layer; within a layer, a node keeps the parent giving the fewest
    /// hops without text evidence, the first one explored on a tie.
    func shortestPath(from: String, to: String) -> [Step]? {
        guard let source = index[from], let target = index[to] else { return nil }
        var depth = [Int](repeating: -1, count: ids.count)
        var cost = [Int](repeating: 0, count: ids.count)
        var parent = [(node: Int, edge: Int)](repeating: (-1, -1), count: ids.count)
        depth[source] = 0
        var layer = [source]
        var level = 0
        while !layer.isEmpty && depth[target] < 0 {
            var next: [Int] = []
            for u in layer {
                for (v, e) in neighbours(of: u) {
                    let c = cost[u] + (edges[e].fromText ? 0 : 1)
                    if depth[v] < 0 {
                        depth[v] = level + 1
                        cost[v] = c
                        parent[v] = (u, e)
                        next.append(v)
                    } else if depth[v] == level + 1 && c < cost[v] {
                        cost[v] = c
                        parent[v] = (u, e)
                    }
                }
            }
            layer = next.sorted { ids[$0] < ids[$1] }
            level += 1
        }
        guard depth[target] >= 0 else { return nil }
        var steps: [Step] = []
        var v = target
        while v != source {
            let (u, e) = parent[v]
            steps.append(Step(from: ids[u], to: ids[v], relation: edges[e].rowID, forward: edges[e].subject == u))
            v = u
        }
        return steps.reversed()
    }
}
