import Foundation

/// Finds the models folder: `$KGRAPH_MODELS`, else `models/` beside the executable or above it
/// (a build tree), else the `models/` of the source tree this was compiled from.
public enum ModelLocation {
    public static let lexiconFile = "lexicon.tsv"

    public static func directory(override: String? = nil) -> URL {
        if let o = override ?? ProcessInfo.processInfo.environment["KGRAPH_MODELS"], !o.isEmpty {
            return URL(fileURLWithPath: o)
        }
        var candidates: [URL] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("models"))
            dir = dir.deletingLastPathComponent()
        }
        // Sources/KGraphText/ModelLocation.swift -> the package root.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("models"))
        for c in candidates where FileManager.default.fileExists(atPath: c.appendingPathComponent(lexiconFile).path) {
            return c
        }
        return source.appendingPathComponent("models")
    }
}
