import Foundation
import Testing
@testable import KGraphText

private let sampleCoNLLU = """
# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	Case=Nom	3	nsubj	3:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	Mood=Ind	4	aux	4:aux	_
3	n't	not	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
4	know	know	VERB	VB	VerbForm=Inf	0	root	0:root	SpaceAfter=No
4.1	knew	know	VERB	VBD	_	_	_	4:conj	_
5	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = s2
# text = Go!
1	Go	go	VERB	VB	Mood=Imp	0	root	0:root	SpaceAfter=No
2	!	!	PUNCT	.	_	1	punct	1:punct	_

"""

/// A tiny corpus whose words are tagged consistently.
private func tinyCorpus() throws -> [CoNLLUSentence] {
    let rows: [[(String, String, String)]] = [
        [("The", "DET", "DT"), ("dog", "NOUN", "NN"), ("runs", "VERB", "VBZ"), (".", "PUNCT", ".")],
        [("A", "DET", "DT"), ("cat", "NOUN", "NN"), ("sleeps", "VERB", "VBZ"), (".", "PUNCT", ".")],
        [("The", "DET", "DT"), ("cat", "NOUN", "NN"), ("runs", "VERB", "VBZ"), ("home", "ADV", "RB"), (".", "PUNCT", ".")],
        [("Anna", "PROPN", "NNP"), ("sleeps", "VERB", "VBZ"), (".", "PUNCT", ".")],
        [("A", "DET", "DT"), ("dog", "NOUN", "NN"), ("sees", "VERB", "VBZ"), ("Anna", "PROPN", "NNP"), (".", "PUNCT", ".")],
    ]
    var text = ""
    for s in rows {
        for (i, w) in s.enumerated() {
            text += "\(i + 1)\t\(w.0)\t\(w.0.lowercased())\t\(w.1)\t\(w.2)\t_\t0\tdep\t_\t_\n"
        }
        text += "\n"
    }
    return try CoNLLU.parse(text)
}

@Suite struct TaggerTests {
    @Test func conlluKeepsMultiwordTokensApartAndSkipsEmptyNodes() throws {
        let s = try CoNLLU.parse(sampleCoNLLU)
        #expect(s.count == 2)
        #expect(s[0].forms == ["I", "do", "n't", "know", "."])
        #expect(s[0].lemmas == ["I", "do", "not", "know", "."])
        #expect(s[0].upos == ["PRON", "AUX", "PART", "VERB", "PUNCT"])
        #expect(s[0].xpos == ["PRP", "VBP", "RB", "VB", "."])
        #expect(s[0].heads == [3, 4, 4, 0, 4])
        #expect(s[0].deprels == ["nsubj", "aux", "advmod", "root", "punct"])
        #expect(s[0].text == "I don't know.")
        #expect(s[0].sentID == "s1")
        #expect(s[0].words[3].spaceAfter == false)
        #expect(s[0].multiwords == [CoNLLUMultiword(first: 2, last: 3, form: "don't", misc: "_")])
        #expect(s[1].forms == ["Go", "!"])
        #expect(s[1].text == "Go!")
    }

    @Test func conlluRejectsShortLines() {
        #expect(throws: CoNLLUError.self) { try CoNLLU.parse("1\tonly\tthree\n", source: "bad.conllu") }
    }

    @Test func trainedTaggerReproducesItsTrainingTags() throws {
        let corpus = try tinyCorpus()
        let tagger = PerceptronTagger.train(sentences: corpus, iterations: 10)
        for s in corpus {
            let got = tagger.tag(s.forms)
            #expect(got.map(\.upos) == s.upos)
            #expect(got.map(\.xpos) == s.xpos)
        }
        #expect(tagger.tag([]).isEmpty)
    }

    @Test func trainingIsDeterministic() throws {
        let corpus = try tinyCorpus()
        let a = PerceptronTagger.train(sentences: corpus, iterations: 5)
        let b = PerceptronTagger.train(sentences: corpus, iterations: 5)
        #expect(a.model.weights == b.model.weights)
        #expect(a.model.keys == b.model.keys)
    }

    @Test func writeLoadRoundTrip() throws {
        let corpus = try tinyCorpus()
        let tagger = PerceptronTagger.train(sentences: corpus, iterations: 10)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tagger-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try tagger.write(to: url)
        let loaded = try PerceptronTagger.load(from: url)
        #expect(loaded.labels == tagger.labels)
        #expect(loaded.model.weights == tagger.model.weights && loaded.model.keys == tagger.model.keys)
        for words in corpus.map(\.forms) + [["Anna", "sees", "the", "unknown", "zebra", "."]] {
            #expect(loaded.tagIndices(words) == tagger.tagIndices(words))
        }
    }

    @Test func garbageAndTruncatedFilesThrowModelErrorNamingThePath() throws {
        let dir = FileManager.default.temporaryDirectory
        let garbage = dir.appendingPathComponent("garbage-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: garbage) }
        try Data("this is not a model".utf8).write(to: garbage)
        let e1 = #expect(throws: ModelError.self) { try PerceptronTagger.load(from: garbage) }
        #expect(e1?.description.contains(garbage.path) == true)

        // A real model cut short.
        let truncated = dir.appendingPathComponent("truncated-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: truncated) }
        try PerceptronTagger.train(sentences: try tinyCorpus(), iterations: 3).write(to: truncated)
        let bytes = try Data(contentsOf: truncated)
        try bytes.prefix(bytes.count - 7).write(to: truncated)
        let e2 = #expect(throws: ModelError.self) { try PerceptronTagger.load(from: truncated) }
        #expect(e2?.description.contains(truncated.path) == true)

        let missing = dir.appendingPathComponent("missing-\(UUID().uuidString).bin")
        let e3 = #expect(throws: ModelError.self) { try PerceptronTagger.load(from: missing) }
        #expect(e3?.description.contains(missing.path) == true)
    }

    static var committedModel: URL { ModelLocation.directory().appendingPathComponent(TaggerTraining.modelFile) }

    @Test func committedModelTagsASimpleSentence() throws {
        let tagger = try PerceptronTagger.load(from: Self.committedModel)
        let tags = tagger.tag(["The", "president", "visited", "Paris", "."])
        #expect(tags.map(\.upos) == ["DET", "NOUN", "VERB", "PROPN", "PUNCT"])
        #expect(tags.map(\.xpos) == ["DT", "NN", "VBD", "NNP", "."])
        let more = tagger.tag(["She", "has", "been", "living", "in", "London", "since", "2019", "."])
        #expect(more.map(\.upos) == ["PRON", "AUX", "AUX", "VERB", "ADP", "PROPN", "ADP", "NUM", "PUNCT"])
    }
}
