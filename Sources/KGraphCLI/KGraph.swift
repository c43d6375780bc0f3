import ArgumentParser

public struct KGraph: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kgraph",
        abstract: "Build a typed knowledge graph from news articles.",
        subcommands: [Build.self, Query.self, Extract.self, Annotate.self, Train.self, Eval.self, Bench.self])
    public init() {}
}
