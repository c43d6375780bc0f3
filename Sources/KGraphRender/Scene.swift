import Foundation
import KGraphModel

/// What will be drawn: the entities kept under the cap, the relations among them, and
/// the legend. Plain values; `build` turns it into a cgraph graph on the Graphviz thread.
struct Scene: Sendable {
    /// Kept entities, in the graph's (id) order.
    var entities: [Entity]
    /// Relations whose two ends are kept, in the graph's (key) order.
    var relations: [Relation]
    /// Entities in the whole graph.
    var totalEntities: Int
    /// One legend sample per type among the kept entities, in `EntityType` order.
    var legendTypes: [EntityType]

    init(graph: Graph, maxNodes: Int) {
        let ids = Set(graph.entities.map(\.id))
        // Relations to unknown entities cannot be drawn.
        let drawable = graph.relations.filter { ids.contains($0.subject) && ids.contains($0.object) }
        let limit = max(0, maxNodes)
        if graph.entities.count > limit {
            var degree: [String: Int] = [:]
            for relation in drawable {
                degree[relation.subject, default: 0] += 1
                degree[relation.object, default: 0] += 1
            }
            let ranked = graph.entities.sorted {
                let (a, b) = (degree[$0.id] ?? 0, degree[$1.id] ?? 0)
                return a != b ? a > b : $0.id < $1.id
            }
            let kept = Set(ranked.prefix(limit).map(\.id))
            entities = graph.entities.filter { kept.contains($0.id) }
            relations = drawable.filter { kept.contains($0.subject) && kept.contains($0.object) }
        } else {
            entities = graph.entities
            relations = drawable
        }
        totalEntities = graph.entities.count
        legendTypes = Set(entities.map(\.type)).sorted()
    }

    var isCapped: Bool { entities.count < totalEntities }

    /// A rough measure of the work "dot" would do: the nodes plus the virtual nodes its
    /// long edges would need. dot breaks cycles, ranks the nodes in layers and cuts every
    /// edge that spans several layers into a chain of virtual nodes; its crossing
    /// minimization then works on all of them. A long cycle (a chain of acquaintances
    /// closing back on itself, with hubs linked along it) ranks a hundred nodes a hundred
    /// layers deep and blows up to thousands of virtual nodes: dot then takes minutes
    /// where sfdp takes milliseconds. Estimated like dot does it, roughly: cycles broken
    /// by depth-first search in entity order, layers by longest path.
    var dotWork: Int {
        let index = Dictionary(entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let count = entities.count
        var edges: [(Int, Int)] = []
        var successors = Array(repeating: [Int](), count: count)
        for relation in relations {
            guard let t = index[relation.subject], let h = index[relation.object], t != h else { continue }
            edges.append((t, h))
            successors[t].append(h)
        }
        // Depth-first search marks back edges; reversing them leaves a DAG.
        var state = Array(repeating: 0, count: count)  // 0 new, 1 on the stack, 2 done
        var reversed = Set<Int>()  // back edges as t * count + h
        for root in 0..<count where state[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                if top.next < successors[top.node].count {
                    stack[stack.count - 1].next += 1
                    let h = successors[top.node][top.next]
                    if state[h] == 0 {
                        state[h] = 1
                        stack.append((h, 0))
                    } else if state[h] == 1 {
                        reversed.insert(top.node * count + h)
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        // Longest-path layering of the DAG (Kahn's order).
        var dag = Array(repeating: [Int](), count: count)
        var indegree = Array(repeating: 0, count: count)
        for (t, h) in edges {
            let (a, b) = reversed.contains(t * count + h) ? (h, t) : (t, h)
            dag[a].append(b)
            indegree[b] += 1
        }
        var rank = Array(repeating: 0, count: count)
        var ready = (0..<count).filter { indegree[$0] == 0 }
        while let node = ready.popLast() {
            for next in dag[node] {
                rank[next] = max(rank[next], rank[node] + 1)
                indegree[next] -= 1
                if indegree[next] == 0 { ready.append(next) }
            }
        }
        var virtual = 0
        for (t, h) in edges { virtual += max(0, abs(rank[h] - rank[t]) - 1) }
        return count + virtual
    }

    /// The cgraph graph, with every attribute set through `agattr`/`agsafeset`.
    /// Must run on the Graphviz thread.
    func build(engine: String) throws -> CGraphHandle {
        let graph = try CGraphHandle(name: "kgraph")
        let g = graph.pointer

        // Graph-wide settings. `size` (inches) with `dpi` bounds the PNG to 2,400 px a side.
        CG.declare(g, .graph, "fontname", Style.font)
        CG.declare(g, .graph, "dpi", "96")
        CG.declare(g, .graph, "size", "25,25")
        CG.declare(g, .graph, "pad", "0.2")
        CG.declare(g, .graph, "bgcolor", "white")
        if engine == "dot" {
            CG.declare(g, .graph, "rankdir", "LR")
            CG.declare(g, .graph, "splines", "true")
            CG.declare(g, .graph, "nodesep", "0.25")
            CG.declare(g, .graph, "ranksep", "0.5")
        } else {
            // Force-directed: remove node overlaps, draw straight edges (spline routing
            // around hundreds of nodes is slow), and draw edges under nodes.
            CG.declare(g, .graph, "overlap", "false")
            CG.declare(g, .graph, "splines", "false")
            CG.declare(g, .graph, "outputorder", "edgesfirst")
        }
        if isCapped {
            CG.declare(g, .graph, "label", Escape.label("showing \(entities.count) of \(totalEntities) entities"))
            CG.declare(g, .graph, "labelloc", "t")
            CG.declare(g, .graph, "fontsize", "16")
        }

        CG.declare(g, .node, "fontname", Style.font)
        CG.declare(g, .node, "fontsize", "11")
        CG.declare(g, .node, "style", "filled")
        CG.declare(g, .node, "shape", "ellipse")
        CG.declare(g, .node, "fillcolor", "white")
        CG.declare(g, .node, "color", "#555555")
        CG.declare(g, .node, "tooltip", "")

        CG.declare(g, .edge, "fontname", Style.font)
        CG.declare(g, .edge, "fontsize", "9")
        CG.declare(g, .edge, "color", "#777777")
        CG.declare(g, .edge, "fontcolor", "#333333")
        CG.declare(g, .edge, "arrowsize", "0.7")
        CG.declare(g, .edge, "label", "")
        CG.declare(g, .edge, "tooltip", "")

        var names = NodeNames()
        var nodes: [String: NodePointer] = [:]
        for entity in entities {
            guard let node = CG.node(in: g, name: names.unique(entity.id)) else {
                throw ErrorCapture.error("could not create the node for \(entity.id)")
            }
            nodes[entity.id] = node
            let style = Style(entity.type)
            CG.set(node, "label", Escape.label(entity.name))
            CG.set(node, "shape", style.shape)
            CG.set(node, "style", style.style)
            CG.set(node, "fillcolor", style.fill)
            var tip = entity.name + " (" + entity.type.rawValue + ")"
            if !entity.aliases.isEmpty { tip += ", also " + entity.aliases.joined(separator: ", ") }
            CG.set(node, "tooltip", Escape.tooltip(tip))
        }

        for relation in relations {
            guard let tail = nodes[relation.subject], let head = nodes[relation.object],
                  let edge = CG.edge(in: g, from: tail, to: head)
            else {
                throw ErrorCapture.error("could not create the edge \(relation.subject) -> \(relation.object)")
            }
            // A denied fact ("did not visit") is drawn, as "not visited", dashed.
            var label = (relation.negated ? "not " : "") + relation.predicate
            if relation.evidence.count > 1 { label += " ×\(relation.evidence.count)" }
            CG.set(edge, "label", Escape.label(label))
            if relation.negated { CG.set(edge, "style", "dashed") }
            if let first = relation.evidence.first {
                CG.set(edge, "tooltip", Escape.tooltip(Escape.shortened(first.sentence)))
            }
        }

        if !legendTypes.isEmpty {
            guard let legend = CG.subgraph(of: g, name: "cluster_legend") else {
                throw ErrorCapture.error("could not create the legend")
            }
            CG.set(legend, "label", "Legend")
            CG.set(legend, "fontsize", "12", fallback: "14")
            CG.set(legend, "style", "rounded,dashed")
            CG.set(legend, "color", "#999999", fallback: "black")
            for type in legendTypes {
                guard let node = CG.node(in: legend, name: names.unique("legend:" + type.rawValue)) else {
                    throw ErrorCapture.error("could not create the legend node for \(type.rawValue)")
                }
                let style = Style(type)
                CG.set(node, "label", type.rawValue)
                CG.set(node, "shape", style.shape)
                CG.set(node, "style", style.style)
                CG.set(node, "fillcolor", style.fill)
                CG.set(node, "fontsize", "10")
                CG.set(node, "tooltip", "legend: " + type.rawValue)
            }
        }
        return graph
    }
}

/// Node names are entity ids, made unique and free of characters XML cannot carry.
///
/// Backslashes are doubled: Graphviz's DOT writer quotes names but does not escape
/// backslashes, while its reader takes `\"` as an escaped quote, so an id ending in a
/// backslash (or with one before a quote) would otherwise be written as broken DOT.
private struct NodeNames {
    private var used: Set<String> = []

    mutating func unique(_ wanted: String) -> String {
        let base = Escape.clean(wanted).replacingOccurrences(of: "\\", with: "\\\\")
        var name = base
        var counter = 2
        while used.contains(name) {
            name = base + "#\(counter)"
            counter += 1
        }
        used.insert(name)
        return name
    }
}

/// How an entity type looks.
struct Style {
    static let font = "Helvetica"

    var shape: String
    var style: String
    var fill: String

    init(_ type: EntityType) {
        switch type {
        case .person: (shape, style, fill) = ("ellipse", "filled", "#cfe2ff")
        case .state: (shape, style, fill) = ("doubleoctagon", "filled", "#ffd8a8")
        case .place: (shape, style, fill) = ("house", "filled", "#d3f9d8")
        case .organization: (shape, style, fill) = ("box", "rounded,filled", "#e5dbff")
        case .event: (shape, style, fill) = ("diamond", "filled", "#fff3bf")
        }
    }
}

/// Making article text safe as Graphviz attribute values.
///
/// Values are handed to cgraph as strings (never as DOT text, never as HTML labels), so
/// quotes and angle brackets need nothing: the DOT writer quotes, the SVG writer escapes.
/// What remains is Graphviz's own interpretation of label text.
enum Escape {
    /// Control characters (XML 1.0 cannot carry most of them; newlines would break lines)
    /// and the non-characters U+FFFE/U+FFFF become spaces.
    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F, 0xFFFE, 0xFFFF: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// A label value that Graphviz shows literally: backslashes are doubled (else `\N`,
    /// `\G`, `\E`, `\T`, `\H`, `\L`, `\n`, `\l`, `\r` would be expanded), and `&` becomes
    /// `&amp;` (Graphviz decodes entities such as `&lt;` in labels).
    static func label(_ text: String) -> String {
        escaped(text, backslash: "\\\\")
    }

    /// A tooltip value that Graphviz shows literally. Tooltips pass through Graphviz's
    /// escape expansion twice (once when the node is set up, once when its anchor is
    /// written), so each backslash becomes four.
    static func tooltip(_ text: String) -> String {
        escaped(text, backslash: "\\\\\\\\")
    }

    private static func escaped(_ text: String, backslash: String) -> String {
        var out = ""
        for ch in clean(text) {
            switch ch {
            case "\\": out += backslash
            case "&": out += "&amp;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// At most `limit` characters, with an ellipsis when cut.
    static func shortened(_ text: String, limit: Int = 300) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
