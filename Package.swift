// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "kgraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kgraph", targets: ["kgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Graphviz's C libraries (libgvc, libcgraph, libcdt). Only KGraphRender imports it.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // Plain Sendable values: entities, relations, evidence, graphs.
        .target(name: "KGraphModel"),
        // Text pipeline: tokenizer, sentence splitter, recognizer, relation extraction. Knows no graph.
        .target(name: "KGraphText", dependencies: ["KGraphModel"]),
        // Documents -> graph: entity resolution and merging.
        .target(name: "KGraphBuild", dependencies: ["KGraphModel", "KGraphText"]),
        // SQLite store (GRDB) and queries.
        .target(name: "KGraphStore", dependencies: [
            "KGraphModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // DOT, SVG and PNG through libgvc.
        .target(name: "KGraphRender", dependencies: ["KGraphModel", "CGraphviz"]),
        // The command line: the only module that prints.
        .target(name: "KGraphCLI", dependencies: [
            "KGraphModel", "KGraphText", "KGraphBuild", "KGraphStore", "KGraphRender",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kgraph", dependencies: ["KGraphCLI"]),

        .testTarget(name: "KGraphTextTests", dependencies: ["KGraphText", "KGraphModel"]),
        .testTarget(name: "KGraphBuildTests", dependencies: ["KGraphBuild", "KGraphText", "KGraphModel"]),
        .testTarget(name: "KGraphStoreTests", dependencies: [
            "KGraphStore", "KGraphModel", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "KGraphRenderTests", dependencies: ["KGraphRender", "KGraphModel"]),
        .testTarget(name: "KGraphCLITests", dependencies: ["kgraph", "KGraphRender", "KGraphModel"]),
    ]
)

// Strictness set once for every target.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.swiftLanguageMode(.v6))
    target.swiftSettings = settings
}
