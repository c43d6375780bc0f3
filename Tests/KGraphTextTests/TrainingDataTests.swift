import Foundation
import Testing
@testable import KGraphText

/// What training reads from the NER corpora, and what it leaves out for the relation gold sets.
@Suite struct TrainingDataTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let corpora = root.deletingLastPathComponent().appendingPathComponent("shared/corpora")
    private static let gmbThere = FileManager.default.fileExists(
        atPath: corpora.appendingPathComponent("gmb-voa-partial/ner_dataset_truncated.csv").path)

    /// The gold sets name GMB sentences by number ("gmb-1580"); a missing folder leaves none out,
    /// and a line without an id is an error naming the file and line.
    @Test func heldOutGoldSentences() throws {
        let ids = try HeldOutGold.gmbSentences(in: Self.root.appendingPathComponent("Tests/Gold"))
        #expect(ids.contains(1580) && ids.count > 1000)
        #expect(try HeldOutGold.gmbSentences(in: URL(fileURLWithPath: "/nonexistent-gold")).isEmpty)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-gold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{\"id\": \"gmb-7\"}\n{\"text\": \"no id\"}\n".write(to: dir.appendingPathComponent("bad.jsonl"), atomically: true, encoding: .utf8)
        #expect { try HeldOutGold.gmbSentences(in: dir) } throws: { "\($0)".contains("bad.jsonl:2") }
    }

    /// GMB's rows end in CR LF: its spans are read row by row (its organizations reach the
    /// lexicon), and a held-out sentence gives none. Sentence 1 names London.
    @Test(.enabled(if: gmbThere)) func gmbSpansRowByRow() throws {
        let all = try NERCorpora.spans(corpora: Self.corpora)
        let gmbOrgs = all.filter { $0.type == "ORG" && $0.words == ["VOA"] }
        #expect(gmbOrgs.count >= 10)
        let london = { (spans: [NERCorpora.Span]) in spans.filter { $0.words == ["London"] }.count }
        #expect(london(try NERCorpora.spans(corpora: Self.corpora, excludingGMB: [1])) == london(all) - 1)
        #expect(sharedPipeline.lexicon.organizations["voa"] == "VOA")
        // A word that opens persons' names is no organization's, though a silver span tags it so:
        // "Ban" of "Ban Ki-moon".
        #expect(all.contains { $0.type == "ORG" && $0.words == ["Ban"] })
        #expect(sharedPipeline.lexicon.organizations["ban"] == nil)
        let names = sharedPipeline.analyze(path: "t.txt", text: "We thank His Excellency Mr. Ban Ki-moon, for his leadership.").document.spans
        #expect(names.contains { $0.type == .person && $0.name == "Ban Ki-moon" })
    }
}
