import ArgumentParser
import Foundation
import KGraphBuild
import KGraphModel
import KGraphRender
import KGraphStore
import KGraphText

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read articles (.txt, .md) into the graph store and render the whole graph.")

    @Argument(help: "Article files or folders (folders are read recursively, in name order).")
    var paths: [String]

    @Option(help: "The SQLite store to add to.")
    var store: String = "out/kgraph.sqlite"

    @Option(help: "Where to write graph.dot, graph.svg and graph.png.")
    var out: String = "out"

    @Flag(help: "Do not render the graph.")
    var noRender = false

    @OptionGroup var modelOptions: ModelOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one article file or folder") }
    }

    func run() throws {
        let started = Date()
        let graphStore: GraphStore
        do { graphStore = try GraphStore(path: store) } catch { throw CLIError("\(error)") }
        let pipeline = try modelOptions.pipeline()
        let builder = GraphBuilder(lexicon: pipeline.lexicon)

        let (files, missing) = Inputs.collect(paths)
        var problems = missing
        for p in missing { Terminal.error(p.description) }
        var resolved: [ResolvedDocument] = []
        var words = 0
        var documents: [StoredDocument] = []
        let progress = Progress(total: files.count, label: "reading")
        for (n, file) in files.enumerated() {
            progress.update(n)
            do {
                let input = try Inputs.read(file)
                let analyzed = pipeline.analyze(path: input.path, text: input.text)
                words += analyzed.document.tokens.count
                resolved.append(builder.resolve(analyzed))
                documents.append(StoredDocument(path: input.path, fingerprint: input.fingerprint, length: input.length))
            } catch {
                problems.append(error)
                progress.clear()
                Terminal.error(error.description)
            }
        }
        progress.finish()
        // A lone surname may name a person an earlier build stored with the full name, and a name
        // keeps the type an earlier build stored it as.
        let stored: [Entity]
        do {
            stored = try [EntityType.person, .organization, .place].flatMap { try graphStore.entities(ofType: $0) }
        } catch { throw CLIError("\(error)") }
        let graph = builder.merge(resolved, known: stored)
        do { try graphStore.write(graph, documents: documents) } catch { throw CLIError("\(error)") }

        let byType = Dictionary(grouping: graph.entities, by: \.type).mapValues(\.count)
        print("documents: \(documents.count) read, \(problems.count) skipped")
        print("entities: \(graph.entities.count) (" + EntityType.allCases.map { "\($0.rawValue) \(byType[$0] ?? 0)" }.joined(separator: ", ") + ")")
        print("relations: \(graph.relations.count) with \(graph.relations.reduce(0) { $0 + $1.evidence.count }) pieces of evidence")
        let summary = try graphStore.summary()
        print("store: \(store) (\(summary.documents) documents, \(summary.entities) entities, \(summary.relations) relations in all)")
        if !noRender {
            let whole = try graphStore.graph()
            do {
                let result = try GraphRenderer().render(whole, formats: RenderFormat.allCases)
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                var written: [String] = []
                for format in RenderFormat.allCases {
                    guard let bytes = result.outputs[format] else { continue }
                    let path = (out as NSString).appendingPathComponent("graph.\(format.rawValue)")
                    try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
                    written.append(path)
                }
                let shown = result.shownNodes < result.totalNodes ? ", showing \(result.shownNodes) of \(result.totalNodes) entities" : ""
                print("rendered: \(written.joined(separator: ", ")) (\(result.engine)\(shown))")
            } catch {
                throw CLIError("rendering failed: \(error)")
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print(String(format: "time: %.2f s for %d words (%.0f words/s), peak memory %@", seconds, words, Double(words) / max(seconds, 1e-9),
                     PeakMemory.megabytes().map { "\($0) MB" } ?? "unknown"))
        if !problems.isEmpty { throw ExitCode(1) }
    }
}

/// Where the trained models and the lexicon are read from.
struct ModelOptions: ParsableArguments {
    @Option(help: "The models folder (default: $KGRAPH_MODELS or the repository's models/).")
    var models: String?

    var directory: URL { ModelLocation.directory(override: models) }

    /// The text pipeline on these models; a missing or broken model is a one-line error.
    func pipeline() throws -> TextPipeline {
        do { return try TextPipeline.load(models: directory) } catch { throw CLIError("\(error)") }
    }
}

/// A one-line error for the user.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Reads each article under `paths` in order and hands it to `body`; a missing path or a file
/// that cannot be read gets one line on standard error. Returns how many were skipped.
func forEachInput(_ paths: [String], _ body: (InputText) throws -> Void) rethrows -> Int {
    let (files, problems) = Inputs.collect(paths)
    var skipped = problems.count
    for p in problems { Terminal.error(p.description) }
    for file in files {
        let input: InputText
        do { input = try Inputs.read(file) } catch {
            Terminal.error(error.description)
            skipped += 1
            continue
        }
        try body(input)
    }
    return skipped
}

enum Terminal {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data("kgraph: \(line)\n".utf8))
    }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

/// A progress bar on standard error, drawn only on a terminal and only for many documents.
final class Progress {
    let total: Int
    let label: String
    let active: Bool

    init(total: Int, label: String) {
        self.total = total
        self.label = label
        self.active = total >= 20 && Terminal.stderrIsTerminal
    }

    func update(_ done: Int) {
        guard active, done % max(1, total / 200) == 0 else { return }
        let width = 30
        let filled = width * done / max(total, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total)".utf8))
    }

    func clear() {
        if active { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    func finish() {
        if active { update(total); FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
