/// Reads DOT text with Graphviz's own parser (libcgraph's `agmemread`).
public enum DOTReader {
    /// The node and edge counts of the first graph in `dot`, subgraphs included.
    ///
    /// Throws `GraphvizError`, with the parser's message, when the text is not DOT.
    public static func read(_ dot: String) throws -> (nodes: Int, edges: Int) {
        try GraphvizThread.shared.run { session in
            session.beginJob()
            let graph = try CGraphHandle(dot: dot)
            return (graph.nodeCount, graph.edgeCount)
        }
    }
}

/// Facts about the Graphviz installation.
public enum Graphviz {
    /// How many plugins of a kind Graphviz loaded (`gvPluginList`). Kinds are
    /// "render", "layout", "textlayout", "device" and "loadimage".
    ///
    /// Throws when no layout plugin loaded at all (Graphviz's plugin configuration is
    /// missing) or when `kind` is not a plugin kind.
    public static func pluginCount(kind: String) throws -> Int {
        try pluginNames(kind: kind).count
    }

    /// The names of the plugins of a kind, e.g. "dot", "neato", "sfdp"... for "layout".
    public static func pluginNames(kind: String) throws -> [String] {
        try GraphvizThread.shared.run { session in
            session.beginJob()
            return try session.gvc().pluginNames(kind: kind)
        }
    }
}
