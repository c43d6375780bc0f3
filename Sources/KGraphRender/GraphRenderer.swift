import KGraphModel

/// An output format of `GraphRenderer`.
public enum RenderFormat: String, CaseIterable, Sendable {
    /// Graphviz's own language, canonical form: reads back through `DOTReader` or `dot`.
    case dot
    /// Scalable vector graphics, with tooltips.
    case svg
    /// A bitmap at 96 dpi, at most 2,400 pixels a side.
    case png

    /// The name of the Graphviz output format.
    var graphvizFormat: String {
        switch self {
        case .dot: "canon"
        case .svg: "svg"
        case .png: "png"
        }
    }
}

/// How to draw a graph.
public struct RenderOptions: Sendable {
    /// At most this many entities are drawn: the ones with the most relations.
    public var maxNodes: Int = 600
    /// The Graphviz layout engine ("dot", "sfdp", "neato"...); nil chooses by size.
    public var engine: String? = nil
    /// When choosing: "dot" (layered, readable) is used for at most this many drawn
    /// entities, and "sfdp" (force-directed, fast at any size) above.
    public var dotNodeLimit: Int = 300
    /// When choosing: "dot" is also avoided when its estimated work (nodes plus the virtual
    /// nodes its long edges need) exceeds this. Long cycles make dot take minutes on a
    /// hundred nodes; the default keeps dot under about a second.
    public var dotWorkLimit: Int = 2_000

    /// Options; every one has a sensible default.
    public init(maxNodes: Int = 600, engine: String? = nil, dotNodeLimit: Int = 300, dotWorkLimit: Int = 2_000) {
        self.maxNodes = maxNodes
        self.engine = engine
        self.dotNodeLimit = dotNodeLimit
        self.dotWorkLimit = dotWorkLimit
    }
}

/// What `GraphRenderer.render` produced.
public struct RenderResult: Sendable {
    /// The bytes of each requested format: UTF-8 text for DOT and SVG, binary for PNG.
    public var outputs: [RenderFormat: [UInt8]]
    /// The layout engine used.
    public var engine: String
    /// Entities drawn (legend samples not included).
    public var shownNodes: Int
    /// Entities in the graph.
    public var totalNodes: Int
    /// Relations drawn (one edge each).
    public var shownEdges: Int
    /// Sample nodes in the legend cluster, one per entity type drawn. They are nodes of the
    /// DOT output too, so it holds `shownNodes + legendNodes` nodes and `shownEdges` edges.
    public var legendNodes: Int

    /// A result; `GraphRenderer` makes these, tests and callers may too.
    public init(outputs: [RenderFormat: [UInt8]], engine: String, shownNodes: Int, totalNodes: Int,
                shownEdges: Int, legendNodes: Int = 0) {
        self.outputs = outputs
        self.engine = engine
        self.shownNodes = shownNodes
        self.totalNodes = totalNodes
        self.shownEdges = shownEdges
        self.legendNodes = legendNodes
    }

    /// True when some entities were left out to respect `RenderOptions.maxNodes`.
    public var isCapped: Bool { shownNodes < totalNodes }
}

/// Draws a `Graph` with Graphviz: one node per entity, shaped and coloured by type
/// (Person ellipse, State double octagon, Place house, Organization rounded box, Event
/// diamond), one edge per relation labelled with its predicate ("met ×3" when three pieces
/// of evidence back it, the first sentence as tooltip), and a legend cluster.
///
/// Safe to use from any thread or task: the Graphviz work itself runs on kgraph's single
/// Graphviz thread, one job at a time, and `render` waits for it.
public struct GraphRenderer: Sendable {
    /// How to draw.
    public var options: RenderOptions

    /// A renderer drawing with `options`.
    public init(options: RenderOptions = .init()) {
        self.options = options
    }

    /// Lays the graph out once and renders it in each of `formats`.
    ///
    /// Above `options.maxNodes` entities, only that many are drawn (those with the most
    /// relations, ties broken by id) with the relations among them, and the picture says
    /// "showing N of M entities".
    public func render(_ graph: Graph, formats: [RenderFormat]) throws -> RenderResult {
        let scene = Scene(graph: graph, maxNodes: options.maxNodes)
        let engine = options.engine ?? chooseEngine(for: scene)
        var unique: [RenderFormat] = []
        for format in formats where !unique.contains(format) { unique.append(format) }
        let wanted = unique

        var outputs: [RenderFormat: [UInt8]] = [:]
        if !wanted.isEmpty {
            outputs = try GraphvizThread.shared.run { session in
                session.beginJob()
                let gvc = try session.gvc()
                let cgraph = try scene.build(engine: engine)
                let layout = try GVLayout(context: gvc, graph: cgraph, engine: engine)
                var outputs: [RenderFormat: [UInt8]] = [:]
                for format in wanted {
                    outputs[format] = try layout.render(format: format.graphvizFormat)
                }
                return outputs
            }
        }
        return RenderResult(outputs: outputs, engine: engine, shownNodes: scene.entities.count,
                            totalNodes: graph.entities.count, shownEdges: scene.relations.count,
                            legendNodes: scene.legendTypes.count)
    }

    /// "dot" for small graphs it lays out quickly, else "sfdp".
    private func chooseEngine(for scene: Scene) -> String {
        scene.entities.count <= options.dotNodeLimit && scene.dotWork <= options.dotWorkLimit ? "dot" : "sfdp"
    }
}
