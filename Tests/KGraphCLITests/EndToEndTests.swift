import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KGraphRender
import Testing

/// Runs the built `kgraph` binary, as a user would.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func kgraphBinary() throws -> URL {
    // The test bundle sits beside the products it was built with.
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("kgraph")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    for config in ["debug", "release"] {
        let candidate = packageRoot.appendingPathComponent(".build/\(config)/kgraph")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw CocoaError(.fileNoSuchFile)
}

func kgraph(_ args: [String], cwd: URL = packageRoot) throws -> Run {
    let p = Process()
    p.executableURL = try kgraphBinary()
    p.arguments = args
    p.currentDirectoryURL = cwd
    var env = ProcessInfo.processInfo.environment
    env["KGRAPH_MODELS"] = packageRoot.appendingPathComponent("models").path
    p.environment = env
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

func tempDir() -> URL {
    let u = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-e2e-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
    return u
}

@Suite(.serialized) struct EndToEndTests {
    @Test func buildSeedsRenderAndQuery() throws {
        let out = tempDir()
        let store = out.appendingPathComponent("kgraph.sqlite").path
        let seeds = packageRoot.appendingPathComponent("seeds").path
        let build = try kgraph(["build", seeds, "--store", store, "--out", out.path])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("documents: 1 read, 0 skipped"))

        // SVG parses as XML and names the entities.
        let svgData = try Data(contentsOf: out.appendingPathComponent("graph.svg"))
        let svg = try XMLDocument(data: svgData)
        #expect(svg.rootElement()?.name == "svg")
        let svgText = String(decoding: svgData, as: UTF8.self)
        for name in ["Jonathan Powell", "Volodymyr Zelensky", "Ukraine", "Washington"] {
            #expect(svgText.contains(name), "SVG lacks \(name)")
        }
        // PNG signature.
        let png = try Data(contentsOf: out.appendingPathComponent("graph.png"))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // DOT reads back through libgvc.
        let dot = try String(contentsOf: out.appendingPathComponent("graph.dot"), encoding: .utf8)
        let counts = try DOTReader.read(dot)
        #expect(counts.nodes >= 10)
        #expect(counts.edges >= 5)

        // The path from Powell to Zelensky, every hop with evidence from the article.
        let q = try kgraph(["query", "path", "Powell", "Zelensky", "--store", store, "--json"])
        #expect(q.status == 0, "\(q.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(q.stdout.utf8)) as! [String: Any]
        let hops = try #require(json["hops"] as? [[String: Any]])
        #expect(!hops.isEmpty)
        #expect((hops.first?["from"] as? [String: Any])?["name"] as? String == "Jonathan Powell")
        #expect((hops.last?["to"] as? [String: Any])?["name"] as? String == "Volodymyr Zelensky")
        let article = try String(contentsOf: URL(fileURLWithPath: seeds).appendingPathComponent("000_4815a591f282efe6.txt"), encoding: .utf8)
        let scalars = Array(article.unicodeScalars)
        for hop in hops {
            let evidence = try #require(hop["evidence"] as? [[String: Any]])
            #expect(!evidence.isEmpty)
            for ev in evidence {
                #expect((ev["document"] as? String)?.hasSuffix("000_4815a591f282efe6.txt") == true)
                let start = ev["start"] as! Int, end = ev["end"] as! Int
                #expect(String(String.UnicodeScalarView(scalars[start..<end])) == ev["sentence"] as? String)
            }
        }

        // Plain output: one hop a line with the evidence under it.
        let plain = try kgraph(["query", "path", "powell", "ZELENSKY", "--store", store])
        #expect(plain.status == 0)
        #expect(plain.stdout.hasPrefix("Jonathan Powell -["))

        // Building again gives the same graph, not a doubled one.
        let again = try kgraph(["build", seeds, "--store", store, "--no-render"])
        #expect(again.status == 0)
        let firstStore = build.stdout.split(separator: "\n").first { $0.hasPrefix("store:") }
        let secondStore = again.stdout.split(separator: "\n").first { $0.hasPrefix("store:") }
        #expect(firstStore != nil && firstStore == secondStore)
    }

    @Test func unknownAndMissingNames() throws {
        let out = tempDir()
        let store = out.appendingPathComponent("k.sqlite").path
        _ = try kgraph(["build", packageRoot.appendingPathComponent("seeds").path, "--store", store, "--no-render"])
        let unknown = try kgraph(["query", "path", "Powel", "Zelensky", "--store", store])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no entity named \"Powel\""))
        #expect(unknown.stderr.contains("Jonathan Powell"))
        let nopath = try kgraph(["query", "path", "Starmer", "Zelensky", "--store", store])
        #expect(nopath.status == 0 || nopath.status == 1)
        if nopath.status == 1 { #expect(nopath.stdout.contains("no path")) }
    }

    /// `query entity` shows the type, aliases, documents and relations (a denied one marked),
    /// and `query path` goes around the denied edge.
    @Test func entityQueryAndDeniedEdges() throws {
        let dir = tempDir()
        let articles = dir.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try "German Chancellor Olaf Scholz arrived in Madrid on Monday.\n"
            .write(to: articles.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "Scholz did not meet Spanish Prime Minister Pedro Sanchez during the visit.\n"
            .write(to: articles.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let store = dir.appendingPathComponent("k.sqlite").path
        let build = try kgraph(["build", articles.path, "--store", store, "--no-render"])
        #expect(build.status == 0, "\(build.stderr)")

        let plain = try kgraph(["query", "entity", "scholz", "--store", store])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.hasPrefix("Olaf Scholz (Person), id person:olaf scholz\n"))
        #expect(plain.stdout.contains("aliases:\n  Scholz: surname of Olaf Scholz, the one person of the build with that last name\n"))
        #expect(plain.stdout.contains("named in 2 documents:"))
        #expect(plain.stdout.contains("Olaf Scholz -[arrived in]-> Madrid"))
        #expect(plain.stdout.contains("Olaf Scholz -[not met]-> Pedro Sanchez"))

        let json = try kgraph(["query", "entity", "Olaf Scholz", "--store", store, "--json"])
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(obj["type"] as? String == "Person")
        let aliases = try #require(obj["aliases"] as? [[String: Any]])
        #expect(aliases.map { $0["name"] as? String } == ["Scholz"])
        #expect((aliases.first?["reason"] as? String)?.hasPrefix("surname of Olaf Scholz") == true)
        let relations = try #require(obj["relations"] as? [[String: Any]])
        let met = relations.filter { $0["predicate"] as? String == "met" }
        #expect(met.map { $0["negated"] as? Bool } == [true])
        #expect(met.map { $0["lemma"] as? String } == ["meet"])
        #expect((obj["documents"] as? [[String: Any]])?.count == 2)

        // The path from Scholz to Sanchez exists, but never through "did not meet".
        let path = try kgraph(["query", "path", "Scholz", "Sanchez", "--store", store, "--json"])
        #expect(path.status == 0, "\(path.stderr)")
        let hops = try #require((try JSONSerialization.jsonObject(with: Data(path.stdout.utf8)) as! [String: Any])["hops"] as? [[String: Any]])
        #expect(hops.count > 1)
        #expect(!hops.contains { $0["predicate"] as? String == "met" })

        // A later build whose article names only the surname joins the stored full name.
        let later = dir.appendingPathComponent("later")
        try FileManager.default.createDirectory(at: later, withIntermediateDirectories: true)
        try "Scholz later arrived in Lisbon.\n".write(to: later.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
        let second = try kgraph(["build", later.path, "--store", store, "--no-render"])
        #expect(second.status == 0, "\(second.stderr)")
        let after = try kgraph(["query", "entity", "Olaf Scholz", "--store", store])
        #expect(after.stdout.contains("named in 3 documents:"), "\(after.stdout)")
        #expect(after.stdout.contains("Olaf Scholz -[arrived in]-> Lisbon"))

        let unknown = try kgraph(["query", "entity", "Scholtz Olafson", "--store", store])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no entity named \"Scholtz Olafson\""))
    }

    @Test func badInputIsSkippedWithOneLineAndStoreKept() throws {
        let dir = tempDir()
        try "German Chancellor Olaf Scholz arrived in Madrid.".write(to: dir.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        try Data([0x00, 0x01, 0x02]).write(to: dir.appendingPathComponent("bad.txt"))
        try Data().write(to: dir.appendingPathComponent("empty.md"))
        let store = dir.appendingPathComponent("k.sqlite").path
        let r = try kgraph(["build", dir.path, dir.appendingPathComponent("nope").path, "--store", store, "--no-render"])
        #expect(r.status != 0)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.contains { $0.contains("bad.txt") && $0.contains("binary") })
        #expect(lines.contains { $0.contains("empty.md") && $0.contains("empty") })
        #expect(lines.contains { $0.contains("nope") && $0.contains("no such file") })
        #expect(r.stdout.contains("documents: 1 read, 3 skipped"))
        let q = try kgraph(["query", "path", "Scholz", "Madrid", "--store", store])
        #expect(q.status == 0)
    }

    @Test func foreignStoreIsRefusedAndUntouched() throws {
        let dir = tempDir()
        let notStore = dir.appendingPathComponent("notes.sqlite")
        try "just some notes\n".write(to: notStore, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: notStore)
        let r = try kgraph(["build", packageRoot.appendingPathComponent("seeds").path, "--store", notStore.path, "--no-render"])
        #expect(r.status != 0)
        #expect(r.stderr.contains(notStore.path))
        #expect(r.stderr.contains("not a kgraph store"))
        #expect(try Data(contentsOf: notStore) == before)
    }

    @Test func extractPrintsSchemaJSONLines() throws {
        let r = try kgraph(["extract", packageRoot.appendingPathComponent("seeds").path, "--format", "jsonl"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let obj = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect((obj["document"] as? String)?.hasSuffix(".txt") == true)
        let entities = obj["entities"] as! [[String: Any]]
        let ids = Set(entities.map { $0["id"] as! String })
        let types: Set<String> = ["Person", "State", "Place", "Organization", "Event"]
        for e in entities {
            #expect(types.contains(e["type"] as! String))
            #expect(!(e["name"] as! String).isEmpty)
        }
        for rel in obj["relations"] as! [[String: Any]] {
            #expect(ids.contains(rel["subject"] as! String))
            #expect(ids.contains(rel["object"] as! String))
            let ev = rel["evidence"] as! [String: Any]
            #expect((ev["start"] as! Int) < (ev["end"] as! Int))
            let confidence = try #require(rel["confidence"] as? Double, "no confidence in \(rel)")
            #expect(confidence > 0 && confidence <= 1)
        }
    }
}

@Suite struct AnnotateTests {
    @Test func annotatePrintsCoNLLUWhoseRangesIndexTheText() throws {
        let dir = tempDir()
        let text = "Maria Lopez flew to Madrid.\nShe didn't stay long."
        let file = dir.appendingPathComponent("a.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = try kgraph(["annotate", file.path, "--format", "conllu"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# newdoc id = \(file.path)")
        #expect(lines.filter { $0.hasPrefix("# sent_id = ") }.count == 2)
        #expect(lines.contains("# text = Maria Lopez flew to Madrid."))
        let scalars = Array(text.unicodeScalars)
        var forms: [String] = []
        for line in lines where !line.isEmpty && !line.hasPrefix("#") {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(cols.count == 10)
            let range = try #require(cols[9].split(separator: "|").first { $0.hasPrefix("TokenRange=") })
            let ends = range.dropFirst("TokenRange=".count).split(separator: ":").map { Int($0)! }
            #expect(String(String.UnicodeScalarView(scalars[ends[0]..<ends[1]])) == cols[1])
            forms.append(String(cols[1]))
            if cols[1] == "flew" { #expect(cols[2] == "fly" && cols[3] == "VERB" && cols[4] == "VBD") }
        }
        #expect(forms == ["Maria", "Lopez", "flew", "to", "Madrid", ".", "She", "did", "n't", "stay", "long", "."])
    }
}

let corporaDir = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")

@Suite struct EvalTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: corporaDir.appendingPathComponent("ud-english-ewt/en_ewt-ud-test.conllu").path)))
    func evalScoresTheTaggerOnEWT() throws {
        let r = try kgraph(["eval", "--corpora", corporaDir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("EWT test") })
        let upos = try #require(line.split(separator: " ").firstIndex(of: "UPOS").map { Double(line.split(separator: " ")[$0 + 1].dropLast())! })
        #expect(upos >= 95.0)
        // The figures the README quotes: raw-text tagging and parsing of EWT test, UNER test F1.
        func figure(_ prefix: String, _ name: String) throws -> Double {
            let l = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix(prefix) }, "no line \(prefix)")
            let words = l.split(separator: " ")
            let i = try #require(words.firstIndex(of: Substring(name)), "no \(name) in \(l)")
            let number = String(words[i + 1].filter { $0 != "%" })
            return try #require(Double(number))
        }
        #expect(try figure("EWT test (raw text", "UPOS") >= 94.0)
        #expect(try figure("EWT test (raw text", "UAS") >= 83.0)
        #expect(try figure("EWT test (raw text", "LAS") >= 80.0)
        // With the treebank's sentence boundaries the splitter's misses no longer cost arcs.
        #expect(try figure("EWT test (raw text, gold sentence boundaries", "sentences") == 100.0)
        #expect(try figure("EWT test (raw text, gold sentence boundaries", "UAS") > figure("EWT test (raw text", "UAS"))
        #expect(try figure("EWT test (gold tokens, predicted tags)", "UAS") >= 85.0)
        func unerF1(_ heading: String) throws -> Double {
            let uner = try #require(r.stdout.components(separatedBy: heading).dropFirst().first, "no \(heading)")
            let overall = try #require(uner.split(separator: "\n").first { $0.hasPrefix("overall") })
            return try #require(overall.split(separator: " ").firstIndex(of: "F1").map { Double(overall.split(separator: " ")[$0 + 1].dropLast())! })
        }
        #expect(try unerF1("UNER EWT test (held out, exact mentions") >= 70.0)
        // The recognizer's names from raw text: the tagger's, retyped and cut by the rules.
        #expect(try unerF1("UNER EWT test (held out, the recognizer's names") >= 68.0)
        // Relations against the gold set (the README's figures; issue 4's targets are 80 / 60).
        // All eight gold sets are scored: four development sets and four held-out ones, which are
        // also scored together.
        let sets = r.stdout.components(separatedBy: "Relations (").dropFirst()
        #expect(sets.count == 8)
        #expect(r.stdout.contains("Relations, held-out sets together (relations-fresh.jsonl, relations-fresh2.jsonl, relations-fresh3.jsonl, relations-fresh4.jsonl):"))
        #expect(sets.allSatisfy { $0.contains("calibration (confidence: correct/found):") })
        func relFigure(_ set: String, _ name: String) throws -> Double {
            let block = try #require(sets.first { $0.hasPrefix("Tests/Gold/" + set) }, "no relation scores for \(set)")
            let relLine = try #require(block.split(separator: "\n").first { $0.hasPrefix("overall") })
            let words = relLine.split(separator: " ")
            let i = try #require(words.firstIndex(of: Substring(name)))
            return try #require(Double(String(words[i + 1].filter { $0 != "%" })))
        }
        #expect(try relFigure("relations.jsonl", "P") >= 65.0)
        #expect(try relFigure("relations.jsonl", "R") >= 50.0)
        #expect(try relFigure("relations-dev2.jsonl", "P") >= 55.0)
        #expect(try relFigure("relations-dev2.jsonl", "R") >= 40.0)
        #expect(try relFigure("relations-dev3.jsonl", "P") >= 40.0)
        #expect(try relFigure("relations-dev3.jsonl", "R") >= 20.0)
        #expect(try relFigure("relations-dev4.jsonl", "P") >= 55.0)
        #expect(try relFigure("relations-dev4.jsonl", "R") >= 35.0)
        #expect(try relFigure("relations-fresh.jsonl", "P") >= 35.0)
        #expect(try relFigure("relations-fresh.jsonl", "R") >= 25.0)
        #expect(try relFigure("relations-fresh2.jsonl", "P") >= 55.0)
        #expect(try relFigure("relations-fresh2.jsonl", "R") >= 28.0)
        #expect(try relFigure("relations-fresh3.jsonl", "P") >= 55.0)
        #expect(try relFigure("relations-fresh3.jsonl", "R") >= 35.0)
        #expect(try relFigure("relations-fresh4.jsonl", "P") >= 50.0)
        #expect(try relFigure("relations-fresh4.jsonl", "R") >= 25.0)
    }

    @Test func evalNamesAMissingCorpus() throws {
        let r = try kgraph(["eval", "--corpora", "/nonexistent-corpora"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("/nonexistent-corpora/ud-english-ewt/en_ewt-ud-dev.conllu"))
    }
}

@Suite struct NoPathTests {
    @Test func noPathIsExitOneAndValidJSON() throws {
        let dir = tempDir()
        try "German Chancellor Olaf Scholz arrived in Madrid.\nLater, Prime Minister Fumio Kishida spoke.".write(
            to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let store = dir.appendingPathComponent("k.sqlite").path
        #expect(try kgraph(["build", dir.path, "--store", store, "--no-render"]).status == 0)
        let plain = try kgraph(["query", "path", "Scholz", "Kishida", "--store", store])
        #expect(plain.status == 1)
        #expect(plain.stdout.contains("no path between Olaf Scholz and Fumio Kishida"))
        let json = try kgraph(["query", "path", "Scholz", "Kishida", "--store", store, "--json"])
        #expect(json.status == 1)
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(obj["hops"] is NSNull)
        #expect((obj["from"] as? [String: Any])?["id"] as? String == "person:olaf scholz")
    }
}
