import CGraphviz
import Foundation

// The only file that calls Graphviz's C functions. Each gateway function wraps one
// C call, converting Swift strings at the edge: cgraph and gvc take `char *` but copy
// (or only read) the strings they are given, so a temporary C string is enough.
// Everything here must run on the Graphviz thread (`GraphvizThread`).

typealias GraphPointer = UnsafeMutablePointer<Agraph_t>
typealias NodePointer = UnsafeMutablePointer<Agnode_t>
typealias EdgePointer = UnsafeMutablePointer<Agedge_t>

/// Object kinds for `agattr`.
enum AttributeKind {
    case graph, node, edge

    fileprivate var raw: Int32 {
        switch self {
        case .graph: Int32(AGRAPH)
        case .node: Int32(AGNODE)
        case .edge: Int32(AGEDGE)
        }
    }
}

/// Gateways: one small function per C call.
enum CG {
    /// `agopen` a directed, non-strict root graph.
    static func open(name: String) -> GraphPointer? {
        name.withCString { agopen(UnsafeMutablePointer(mutating: $0), directedDescription(), nil) }
    }

    /// `agmemread`: parses DOT text; nil on a syntax error (reported through agerr).
    static func read(dot: String) -> GraphPointer? {
        dot.withCString { agmemread($0) }
    }

    /// `agclose`.
    static func close(_ graph: GraphPointer) {
        _ = agclose(graph)
    }

    /// `agsubg`, creating the subgraph.
    static func subgraph(of graph: GraphPointer, name: String) -> GraphPointer? {
        name.withCString { agsubg(graph, UnsafeMutablePointer(mutating: $0), 1) }
    }

    /// `agnode`, creating the node (or finding the one with that name).
    static func node(in graph: GraphPointer, name: String) -> NodePointer? {
        name.withCString { agnode(graph, UnsafeMutablePointer(mutating: $0), 1) }
    }

    /// `agedge` creating a new anonymous edge (the root graph is not strict, so parallel
    /// edges are kept).
    static func edge(in graph: GraphPointer, from tail: NodePointer, to head: NodePointer) -> EdgePointer? {
        agedge(graph, tail, head, nil, 1)
    }

    /// `agattr`: declares an attribute for a kind of object with its default value
    /// (for `.graph` on the root, also the root's own value).
    @discardableResult
    static func declare(_ graph: GraphPointer, _ kind: AttributeKind, _ name: String, _ value: String) -> Bool {
        name.withCString { name in
            value.withCString { value in
                agattr(graph, kind.raw, UnsafeMutablePointer(mutating: name), UnsafeMutablePointer(mutating: value)) != nil
            }
        }
    }

    /// `agsafeset`: sets an attribute on one graph, node or edge, declaring it with
    /// `fallback` as default if needed. The value is stored as a plain string, never as HTML.
    @discardableResult
    static func set(_ object: UnsafeMutableRawPointer, _ name: String, _ value: String, fallback: String = "") -> Int32 {
        name.withCString { name in
            value.withCString { value in
                fallback.withCString { fallback in
                    agsafeset(object, UnsafeMutablePointer(mutating: name), UnsafeMutablePointer(mutating: value),
                              UnsafeMutablePointer(mutating: fallback))
                }
            }
        }
    }

    /// `agnnodes`.
    static func nodeCount(_ graph: GraphPointer) -> Int { Int(agnnodes(graph)) }

    /// `agnedges`.
    static func edgeCount(_ graph: GraphPointer) -> Int { Int(agnedges(graph)) }

    /// `gvContext`.
    static func newContext() -> OpaquePointer? { gvContext() }

    /// `gvFreeContext`.
    static func freeContext(_ gvc: OpaquePointer) { _ = gvFreeContext(gvc) }

    /// `gvLayout`: 0 on success.
    static func layout(_ gvc: OpaquePointer, _ graph: GraphPointer, engine: String) -> Int32 {
        engine.withCString { gvLayout(gvc, graph, $0) }
    }

    /// `gvFreeLayout`.
    static func freeLayout(_ gvc: OpaquePointer, _ graph: GraphPointer) {
        _ = gvFreeLayout(gvc, graph)
    }

    /// `gvRenderData` then `gvFreeRenderData`: the rendered bytes, exactly `length` of
    /// them (PNG holds NUL bytes), or the non-zero return code.
    static func renderData(_ gvc: OpaquePointer, _ graph: GraphPointer, format: String) -> (code: Int32, bytes: [UInt8]) {
        var data: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0
        let code = format.withCString { gvRenderData(gvc, graph, $0, &data, &length) }
        defer { if let data { gvFreeRenderData(data) } }
        guard code == 0, let data else { return (code, []) }
        return (0, Array(UnsafeRawBufferPointer(start: data, count: Int(length))))
    }

    /// `gvPluginList`: the names of the plugins of a kind ("layout", "render", "device"...),
    /// or nil for an unknown kind. The list and each of its strings are freed here.
    static func pluginList(_ gvc: OpaquePointer, kind: String) -> [String]? {
        // On an error Graphviz leaves the count alone; with no plugins it sets it to 0.
        var count: Int32 = -1
        guard let list = kind.withCString({ gvPluginList(gvc, $0, &count, nil) }) else {
            return count == 0 ? [] : nil
        }
        defer { free(list) }
        var names: [String] = []
        for index in 0..<Int(max(count, 0)) {
            guard let name = list[index] else { continue }
            names.append(String(cString: name))
            free(name)
        }
        return names
    }

    /// Graphviz's `Agdirected` (through the shim: Swift 6 will not read a mutable C global).
    private static func directedDescription() -> Agdesc_t {
        kgraph_directed()
    }
}

// MARK: - Owners

/// Owns the process's `GVC_t`; frees it in `deinit`.
final class GVContext {
    let pointer: OpaquePointer

    init() throws {
        guard let pointer = CG.newContext() else {
            throw ErrorCapture.error("could not create a Graphviz context (gvContext)")
        }
        self.pointer = pointer
    }

    deinit { CG.freeContext(pointer) }

    /// The plugins of a kind, e.g. "layout".
    func pluginNames(kind: String) throws -> [String] {
        guard let names = CG.pluginList(pointer, kind: kind) else {
            throw ErrorCapture.error("no plugin kind \"\(kind)\"")
        }
        return names
    }
}

@available(*, unavailable)
extension GVContext: Sendable {}

/// Owns a cgraph root graph; `agclose`s it in `deinit`.
final class CGraphHandle {
    let pointer: GraphPointer

    /// An empty directed graph.
    init(name: String) throws {
        guard let pointer = CG.open(name: name) else {
            throw ErrorCapture.error("could not create a graph (agopen)")
        }
        self.pointer = pointer
    }

    /// The first graph of some DOT text.
    init(dot: String) throws {
        guard let pointer = CG.read(dot: dot) else {
            let said = ErrorCapture.messages
            throw GraphvizError("could not read DOT: " + (said.isEmpty ? "no graph in the input" : said))
        }
        self.pointer = pointer
    }

    deinit { CG.close(pointer) }

    var nodeCount: Int { CG.nodeCount(pointer) }
    var edgeCount: Int { CG.edgeCount(pointer) }
}

@available(*, unavailable)
extension CGraphHandle: Sendable {}

/// Owns the layout of a graph; `gvFreeLayout`s it in `deinit`. Holds the graph and the
/// context so that both outlive the layout.
final class GVLayout {
    let context: GVContext
    let graph: CGraphHandle
    let engine: String

    init(context: GVContext, graph: CGraphHandle, engine: String) throws {
        let code = CG.layout(context.pointer, graph.pointer, engine: engine)
        guard code == 0 else {
            // Free whatever a failed layout left behind (safe when it left nothing).
            CG.freeLayout(context.pointer, graph.pointer)
            throw ErrorCapture.error("layout with \"\(engine)\" failed (code \(code))")
        }
        self.context = context
        self.graph = graph
        self.engine = engine
    }

    deinit { CG.freeLayout(context.pointer, graph.pointer) }

    /// The laid-out graph rendered in a Graphviz output format ("svg", "png", "canon"...).
    func render(format: String) throws -> [UInt8] {
        let (code, bytes) = CG.renderData(context.pointer, graph.pointer, format: format)
        guard code == 0 else {
            throw ErrorCapture.error("rendering \"\(format)\" failed (code \(code))")
        }
        return bytes
    }
}

@available(*, unavailable)
extension GVLayout: Sendable {}
