import Foundation
import Testing
@testable import KGraphText

/// Whether labels form a valid IOB2 sequence: every I-X follows B-X or I-X.
private func isValidIOB2(_ labels: [String]) -> Bool {
    var prev = "O"
    for l in labels {
        guard l == "O" || l.hasPrefix("B-") || l.hasPrefix("I-") else { return false }
        if l.hasPrefix("I-") {
            guard prev != "O", prev.dropFirst(2) == l.dropFirst(2) else { return false }
        }
        prev = l
    }
    return true
}

/// A tiny training set: persons after "met", places after "in", organizations before "said".
private func tinyExamples() -> [NamedEntityTagger.Example] {
    let rows: [[(String, String, String, String)]] = [
        [("Anna", "PROPN", "NNP", "B-PER"), ("Berg", "PROPN", "NNP", "I-PER"), ("lives", "VERB", "VBZ", "O"),
         ("in", "ADP", "IN", "O"), ("Oslo", "PROPN", "NNP", "B-LOC"), (".", "PUNCT", ".", "O")],
        [("We", "PRON", "PRP", "O"), ("met", "VERB", "VBD", "O"), ("John", "PROPN", "NNP", "B-PER"),
         ("in", "ADP", "IN", "O"), ("Lima", "PROPN", "NNP", "B-LOC"), (".", "PUNCT", ".", "O")],
        [("Acme", "PROPN", "NNP", "B-ORG"), ("Corp", "PROPN", "NNP", "I-ORG"), ("said", "VERB", "VBD", "O"),
         ("no", "DET", "DT", "O"), (".", "PUNCT", ".", "O")],
        [("The", "DET", "DT", "O"), ("Winter", "PROPN", "NNP", "B-EVT"), ("Games", "PROPN", "NNPS", "I-EVT"),
         ("opened", "VERB", "VBD", "O"), (".", "PUNCT", ".", "O")],
    ]
    return rows.map { r in
        NamedEntityTagger.Example(words: r.map(\.0), upos: r.map(\.1), xpos: r.map(\.2), labels: r.map(\.3))
    }
}

private func emptyLexicon() -> Lexicon { Lexicon() }

@Suite struct NERTests {
    @Test func chunkScorerNeedsExactSpanAndType() {
        let gold = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG"]]
        // Right person, location with a wrong boundary, organization with the wrong type.
        let pred = [["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "B-PER", "I-PER"]]
        let s = NERScoring.score(gold: gold, predicted: pred)
        #expect(s.overall.gold == 3)
        #expect(s.overall.predicted == 3)
        #expect(s.overall.correct == 1)
        #expect(s.byType["LOC"]! == { var c = NERCounts(); c.gold = 1; c.predicted = 1; return c }())
        #expect(s.byType["PER"]!.predicted == 2 && s.byType["PER"]!.correct == 1)
        #expect(s.byType["ORG"]!.gold == 1 && s.byType["ORG"]!.correct == 0)
        #expect(abs(s.overall.precision - 1.0 / 3) < 1e-12 && abs(s.overall.recall - 1.0 / 3) < 1e-12)

        let perfect = NERScoring.score(gold: gold, predicted: gold)
        #expect(perfect.overall.f1 == 1)
        // EVT is not scored: an event mention is neither right nor wrong.
        let evt = NERScoring.score(gold: [["B-LOC", "O"]], predicted: [["B-LOC", "B-EVT"]])
        #expect(evt.overall.predicted == 1 && evt.overall.correct == 1)
    }

    @Test func chunksReadIOB2AsConllevalDoes() {
        let c = NERScoring.chunks(["I-PER", "I-PER", "B-PER", "I-LOC", "O", "B-ORG"])
        #expect(c == [NERChunk(type: "PER", start: 0, end: 2), NERChunk(type: "PER", start: 2, end: 3),
                      NERChunk(type: "LOC", start: 3, end: 4), NERChunk(type: "ORG", start: 5, end: 6)])
        #expect(NERScoring.chunks([]).isEmpty)
    }

    @Test func bilouRoundTripsThroughIOB2() {
        let labels = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "O"]
        let tagger = NamedEntityTagger.train(examples: tinyExamples(), lexicon: emptyLexicon(), iterations: 1)
        let classes = NamedEntityTagger.bilou(labels, types: NamedEntityTagger.defaultTypes)
        #expect(tagger.iob2(classes) == labels)
        for (prev, c) in zip([-1] + classes, classes) {
            #expect(NamedEntityTagger.allowed(prev, c, last: false))
        }
    }

    @Test func gmbMappingKeepsNamesDropsNationalitiesTitlesAndThe() {
        let labels = NERTraining.mapGMB(pos: ["NNP", "NNP", "JJ", "NNP", "NN", "NNP", "CD", "NNP"],
                                        tags: ["B-gpe", "I-gpe", "B-gpe", "B-per", "O", "B-tim", "O", "B-eve"])
        #expect(labels == ["B-LOC", "I-LOC", "O", "B-PER", "O", "O", "O", "B-EVT"])
        let trimmed = NERTraining.trimMentions(.init(
            words: ["President", "Anna", "Berg", "met", "the", "United", "Nations", "and", "Mr.", "Lee"],
            labels: ["B-PER", "I-PER", "I-PER", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER"]))
        #expect(trimmed.labels == ["O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-PER"])
    }

    @Test func trainedTaggerLearnsItsDataAndAlwaysGivesValidIOB2() {
        let examples = tinyExamples()
        let tagger = NamedEntityTagger.train(examples: examples, lexicon: emptyLexicon(), iterations: 10, pruneBelow: 0.01)
        for e in examples {
            #expect(tagger.tag(words: e.words, upos: e.upos, xpos: e.xpos) == e.labels)
        }
        #expect(tagger.tag(words: [], upos: [], xpos: []).isEmpty)
        // Any input, even odd or with missing POS tags, gives one valid label per word.
        let odd: [[String]] = [["Acme"], ["Corp", "Corp", "Corp"], ["in", "Oslo"], ["John", "Games"],
                               ["Émile", "Zoë", "—", "", "42"], Array(repeating: "Anna", count: 30)]
        for words in odd {
            let labels = tagger.tag(words: words, upos: [], xpos: [])
            #expect(labels.count == words.count)
            #expect(isValidIOB2(labels), "\(words) -> \(labels)")
        }
    }

    @Test func trainingIsDeterministicAndWriteLoadRoundTrips() throws {
        let a = NamedEntityTagger.train(examples: tinyExamples(), lexicon: emptyLexicon(), iterations: 5, pruneBelow: 0.01)
        let b = NamedEntityTagger.train(examples: tinyExamples(), lexicon: emptyLexicon(), iterations: 5, pruneBelow: 0.01)
        #expect(a.model.keys == b.model.keys && a.model.weights == b.model.weights)

        let dir = FileManager.default.temporaryDirectory
        let u1 = dir.appendingPathComponent("ner-\(UUID().uuidString).bin")
        let u2 = dir.appendingPathComponent("ner-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: u1); try? FileManager.default.removeItem(at: u2) }
        try a.write(to: u1)
        try b.write(to: u2)
        #expect(try Data(contentsOf: u1) == Data(contentsOf: u2))
        let loaded = try NamedEntityTagger.load(from: u1, lexicon: emptyLexicon())
        #expect(loaded.types == a.types)
        for e in tinyExamples() + [.init(words: ["Berg", "met", "Acme", "in", "Lima"], upos: [], xpos: [], labels: [])] {
            #expect(loaded.tag(words: e.words, upos: e.upos, xpos: e.xpos) == a.tag(words: e.words, upos: e.upos, xpos: e.xpos))
        }
    }

    @Test func brokenModelFilesThrowModelErrorNamingThePath() throws {
        let dir = FileManager.default.temporaryDirectory
        let garbage = dir.appendingPathComponent("ner-garbage-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: garbage) }
        try Data("not a model at all".utf8).write(to: garbage)
        let e1 = #expect(throws: ModelError.self) { try NamedEntityTagger.load(from: garbage, lexicon: emptyLexicon()) }
        #expect(e1?.description.contains(garbage.path) == true)

        let truncated = dir.appendingPathComponent("ner-truncated-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: truncated) }
        try NamedEntityTagger.train(examples: tinyExamples(), lexicon: emptyLexicon(), iterations: 2).write(to: truncated)
        let bytes = try Data(contentsOf: truncated)
        try bytes.prefix(bytes.count - 9).write(to: truncated)
        let e2 = #expect(throws: ModelError.self) { try NamedEntityTagger.load(from: truncated, lexicon: emptyLexicon()) }
        #expect(e2?.description.contains(truncated.path) == true)

        let missing = dir.appendingPathComponent("ner-missing-\(UUID().uuidString).bin")
        let e3 = #expect(throws: ModelError.self) { try NamedEntityTagger.load(from: missing, lexicon: emptyLexicon()) }
        #expect(e3?.description.contains(missing.path) == true)
    }

    @Test func committedModelFindsAPersonAndAPlace() throws {
        let dir = ModelLocation.directory()
        let lexicon = try Lexicon.load(from: dir.appendingPathComponent(ModelLocation.lexiconFile))
        let pos = try PerceptronTagger.load(from: dir.appendingPathComponent(TaggerTraining.modelFile))
        let ner = try NamedEntityTagger.load(from: dir.appendingPathComponent(NERTraining.modelFile), lexicon: lexicon)
        func run(_ words: [String]) -> [String] {
            let tags = pos.tag(words)
            return ner.tag(words: words, upos: tags.map(\.upos), xpos: tags.map(\.xpos))
        }
        #expect(run(["Maria", "Lopez", "flew", "to", "Madrid", "on", "Monday", "."])
                == ["B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O"])
        let s2 = run(["The", "mayor", "of", "Chicago", ",", "John", "Smith", ",", "visited", "Berlin", "on", "Friday", "."])
        #expect(NERScoring.chunks(s2) == [NERChunk(type: "LOC", start: 3, end: 4), NERChunk(type: "PER", start: 5, end: 7),
                                          NERChunk(type: "LOC", start: 9, end: 10)])
        #expect(isValidIOB2(s2))
    }
}
