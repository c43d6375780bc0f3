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

    /// Every determiner, adjective, noun and verb combination: words of one group share their
    /// contexts exactly.
    static func toyText() -> [[String]] {
        let adjs = ["big", "small", "red", "old"], nouns = ["cat", "dog", "cow", "pig"], verbs = ["sleeps", "runs", "eats", "jumps"]
        var out: [[String]] = []
        for a in [nil] + adjs { for n in nouns { for v in verbs { out.append(["the"] + (a.map { [$0] } ?? []) + [n, v, "."]) } } }
        return out
    }

    @Test func wordClustersGroupWordsThatShareContextsDeterministically() {
        let text = Self.toyText()
        let a = WordClusters.build(sentences: text, minCount: 1, contextSize: 20)
        let b = WordClusters.build(sentences: text, minCount: 1, contextSize: 20)
        #expect(a == b)
        #expect(a.count == 14)
        func top(_ w: String) -> UInt16 { WordClusters.prefix(a.path(w), depth: 1) }
        #expect(Set(["cat", "dog", "cow", "pig"].map(top)).count == 1)
        #expect(Set(["sleeps", "runs", "eats", "jumps"].map(top)).count == 1)
        #expect(Set(["big", "small", "red", "old"].map(top)).count == 1)
        #expect(Set(["cat", "runs", "big", "the", "."].map(top)).count == 5)
        #expect(a.path("Cat") == a.path("cat"))
        #expect(a.path("zebra") == WordClusters.none)
        #expect(WordClusters.prefix(WordClusters.none, depth: 2) == WordClusters.none)
        #expect(WordClusters.normalize("Route66") == "route00")
        #expect(WordClusters.build(sentences: [], minCount: 1).isEmpty)
    }

    /// A WordNet folder with a handful of entries.
    static func toyWordNet() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wordnet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let files = [
            "index.noun": "  1 header line\ndog n 1 0 1 0 02084071\nwalk n 1 0 1 0 00283127\nice_cream n 1 0 1 0 07614500\n",
            "index.verb": "walk v 1 0 1 0 01904930\nstop v 1 0 1 0 01860795\nmake v 1 0 1 0 01617192\n",
            "index.adj": "happy a 1 0 1 0 01148283\nbig a 1 0 1 0 01382086\n",
            "index.adv": "fast r 1 0 1 0 00086000\n",
            "noun.exc": "mice mouse\n", "verb.exc": "went go\n", "adj.exc": "better good\n",
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func wordNetClassesCoverLemmasAndInflections() throws {
        let dir = try Self.toyWordNet()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wn = try WordNetClasses.load(directory: dir)
        #expect(wn.classes("dog") == 1)
        #expect(wn.classes("Walk") == 3)
        #expect(wn.classes("walks") == 1 << 4 | 1 << 5)
        #expect(wn.classes("dogs") == 1 << 4)
        #expect(wn.classes("stopped") == 1 << 6)
        #expect(wn.classes("making") == 1 << 7)
        #expect(wn.classes("happier") == 1 << 8)
        #expect(wn.classes("biggest") == 1 << 8)
        #expect(wn.classes("happily") == 1 << 9)
        #expect(wn.classes("fast") == 8)
        #expect(wn.classes("mice") == 1 << 4)
        #expect(wn.classes("went") == 1 << 6)
        #expect(wn.classes("better") == 1 << 8)
        #expect(wn.classes("zebra") == 1 << 10)
        #expect(wn.classes("ice_cream") == 1 << 10)
        #expect(WordNetClasses().classes("dog") == 0)
        #expect(throws: ModelError.self) { try WordNetClasses.load(directory: dir.appendingPathComponent("missing")) }
    }

    @Test func modelWithWordClassesRoundTripsAndCachedInfosMatch() throws {
        let dir = try Self.toyWordNet()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try tinyCorpus()
        let clusters = WordClusters.build(sentences: Self.toyText() + corpus.map(\.forms), minCount: 1, contextSize: 20)
        let wn = try WordNetClasses.load(directory: dir)
        // Ten copies, so that "The" and "A" make the tag dictionary (and the infos cache).
        let tagger = PerceptronTagger.train(sentences: Array(repeating: corpus, count: 10).flatMap { $0 }, iterations: 10,
                                            clusters: clusters, wordnet: wn)
        #expect(tagger.infoCache["The"] != nil && tagger.tagDict["The"] != nil)
        for s in corpus { #expect(tagger.tag(s.forms).map(\.upos) == s.upos) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tagger-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try tagger.write(to: url)
        let loaded = try PerceptronTagger.load(from: url)
        #expect(loaded.clusters == clusters && !loaded.clusters.isEmpty)
        #expect(loaded.wordnet == wn && !loaded.wordnet.isEmpty)
        #expect(loaded.model.weights == tagger.model.weights && loaded.model.keys == tagger.model.keys)
        let sentences = corpus.map(\.forms) + [["Dog", "walks", "the", "big", "cat", "."], ["The", "mice", "went", "2024", "Anna"], ["Anna", "sees", "The", "A", "cat"]]
        for words in sentences {
            #expect(loaded.tagIndices(words) == tagger.tagIndices(words))
            // Features from cached word infos equal those computed afresh.
            let cached = TaggerFeatures.infos(words, tagDict: tagger.tagDict, clusters: clusters, wordnet: wn,
                                              cache: tagger.infoCache)
            let fresh = TaggerFeatures.infos(words, tagDict: tagger.tagDict, clusters: clusters, wordnet: wn)
            for i in words.indices {
                var a: [UInt64] = [], b: [UInt64] = []
                TaggerFeatures.staticFeatures(cached, i, into: &a)
                TaggerFeatures.staticFeatures(fresh, i, into: &b)
                TaggerFeatures.dynamicFeatures(cached, i, 3, 4, into: &a)
                TaggerFeatures.dynamicFeatures(fresh, i, 3, 4, into: &b)
                #expect(a == b)
                #expect(cached[i + 2].dict == fresh[i + 2].dict)
            }
        }
        #expect(!tagger.infoCache.isEmpty)
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
