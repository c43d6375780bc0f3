import Foundation

/// A mention: words start..<end of one type.
public struct NERChunk: Sendable, Hashable {
    public var type: String
    public var start: Int
    public var end: Int
}

/// Mention counts of one type (or of all).
public struct NERCounts: Sendable, Hashable {
    public var gold = 0
    public var predicted = 0
    public var correct = 0
    public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public init() {}
}

/// conlleval-style chunk scores: a mention is right only when its span and type both match.
public struct NERScore: Sendable, Hashable {
    public var byType: [String: NERCounts] = [:]
    public var overall = NERCounts()
    public var sentences = 0
    public var tokens = 0
    public init() {}

    public var summary: String {
        func line(_ name: String, _ c: NERCounts) -> String {
            String(format: "%@ P %.2f%%  R %.2f%%  F1 %.2f%%  (gold %d, predicted %d, correct %d)",
                   name.padding(toLength: 7, withPad: " ", startingAt: 0), 100 * c.precision, 100 * c.recall,
                   100 * c.f1, c.gold, c.predicted, c.correct)
        }
        var lines = [line("overall", overall)]
        for t in byType.keys.sorted() { lines.append(line(t, byType[t]!)) }
        return lines.joined(separator: "\n")
    }
}

public enum NERScoring {
    /// The mentions of an IOB2 sequence, read as conlleval does: a mention starts at B-X, or at
    /// I-X that does not continue a mention of type X, and ends before O, B-, or another type.
    public static func chunks(_ labels: [String]) -> [NERChunk] {
        var out: [NERChunk] = []
        var cur: NERChunk?
        for (i, l) in labels.enumerated() {
            let isB = l.hasPrefix("B-"), isI = l.hasPrefix("I-")
            let type = (isB || isI) ? String(l.dropFirst(2)) : ""
            if isI, var c = cur, c.type == type {
                c.end = i + 1
                cur = c
                continue
            }
            if let c = cur { out.append(c) }
            cur = (isB || isI) ? NERChunk(type: type, start: i, end: i + 1) : nil
        }
        if let c = cur { out.append(c) }
        return out
    }

    /// Adds one sentence to `score`; mentions of a type outside `types` are ignored on both sides.
    public static func add(gold: [String], predicted: [String], types: Set<String>, to score: inout NERScore) {
        let g = chunks(gold).filter { types.contains($0.type) }
        let p = chunks(predicted).filter { types.contains($0.type) }
        let gs = Set(g)
        score.sentences += 1
        score.tokens += gold.count
        for c in g { score.byType[c.type, default: NERCounts()].gold += 1; score.overall.gold += 1 }
        for c in p {
            score.byType[c.type, default: NERCounts()].predicted += 1
            score.overall.predicted += 1
            if gs.contains(c) { score.byType[c.type, default: NERCounts()].correct += 1; score.overall.correct += 1 }
        }
    }

    /// Scores predicted against gold label sequences.
    public static func score(gold: [[String]], predicted: [[String]], types: Set<String> = ["PER", "LOC", "ORG"]) -> NERScore {
        var s = NERScore()
        for t in types.sorted() { s.byType[t] = NERCounts() }
        for (g, p) in zip(gold, predicted) { add(gold: g, predicted: p, types: types, to: &s) }
        return s
    }
}

/// What training the recognizer produced.
public struct NERReport: Sendable {
    public var model: URL
    public var modelBytes: Int
    public var trainSentences: Int
    /// GMB sentences left out because a relation gold set scores them.
    public var heldOutGMB: Int
    public var iterations: Int
    /// UNER dev scored by a model trained without it (GMB and UNER draft train only).
    public var heldOutDev: NERScore
    /// UNER test scored by the final model.
    public var test: NERScore
    public var readSeconds: Double
    public var trainSeconds: Double
    public var writeSeconds: Double
    public var loadSeconds: Double
    /// Words per second of the loaded recognizer on UNER test, POS tags given.
    public var wordsPerSecond: Double

    public var summary: String {
        """
        named-entity tagger: \(model.path) \(modelBytes) bytes, \(trainSentences) training sentences, \(iterations) iterations, \(NERTraining.members) members averaged
          (\(heldOutGMB) GMB sentences of the relation gold sets left out)
          UNER dev (held out: model trained on GMB + UNER draft train only):
        \(heldOutDev.summary.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
          UNER test (final model, trained on GMB + UNER draft train + UNER dev):
        \(test.summary.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
          read + POS-tag (jackknifed) \(String(format: "%.2f", readSeconds)) s, train \(String(format: "%.2f", trainSeconds)) s, \
        write \(String(format: "%.2f", writeSeconds)) s, load \(String(format: "%.3f", loadSeconds)) s, \
        \(String(format: "%.0f", wordsPerSecond)) words/s (POS tags given)
        """
    }
}

public enum NERTraining {
    public static let modelFile = "ner.bin"
    public static let defaultIterations = 10
    /// Recognizers trained from different seeds whose weights are averaged into the one model:
    /// four gained 0.1 F1 on held-out UNER dev over one.
    public static let members = 4

    /// A gold-labelled sentence of a corpus.
    public struct Sentence: Sendable {
        public var words: [String]
        public var labels: [String]
        /// The `# sent_id` of UNER sentences (the UD EWT sentence id).
        public var id: String? = nil
    }

    static func uner(_ corpora: URL, _ split: String) -> URL {
        corpora.appendingPathComponent("uner-english-ewt/uner_en_ewt-ud-\(split).iob2")
    }
    static func unerDraft(_ corpora: URL) -> URL {
        corpora.appendingPathComponent("uner-english-ewt/draft-train/en_ewt-ud-train.draft-2022.iob2")
    }
    static func gmb(_ corpora: URL) -> URL {
        corpora.appendingPathComponent("gmb-voa-partial/ner_dataset_truncated.csv")
    }

    /// Reads a UNER IOB2 file ("index word tag ..." lines, `#` comments, blank lines between
    /// sentences). `OTH` mentions and the stray `B-O` become O.
    public static func readUNER(_ url: URL) throws -> [Sentence] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ModelError("\(url.path): cannot read (\(error.localizedDescription))")
        }
        var out: [Sentence] = []
        var cur = Sentence(words: [], labels: [])
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# sent_id = ") { cur.id = String(line.dropFirst(12)) }
            if line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            if f.count < 3 {
                if !cur.words.isEmpty { out.append(cur); cur = Sentence(words: [], labels: []) }
                continue
            }
            var tag = String(f[2])
            if tag.hasSuffix("-OTH") || tag == "B-O" || tag == "I-O" { tag = "O" }
            cur.words.append(String(f[1]))
            cur.labels.append(tag)
        }
        if !cur.words.isEmpty { out.append(cur) }
        return out
    }

    /// Reads the GMB CSV ("Sentence #,Word,POS,Tag"; latin-1), maps its tags to PER, LOC, ORG, EVT
    /// and O (see `NamedEntityTagger`) and drops the last sentence, which the file cuts, and those
    /// numbered in `heldOut`.
    public static func readGMB(_ url: URL, excluding heldOut: Set<Int> = []) throws -> [Sentence] {
        try NERCorpora.gmbSentences(url).dropLast()
            .filter { !($0.number.map(heldOut.contains) ?? false) }
            .map { Sentence(words: $0.words, labels: mapGMB(pos: $0.pos, tags: $0.tags)) }
    }

    /// GMB tags of one sentence -> IOB2 over PER, LOC, ORG, EVT.
    static func mapGMB(pos: [String], tags: [String]) -> [String] {
        var labels = [String](repeating: "O", count: tags.count)
        for c in NERScoring.chunks(tags) {
            let type: String
            switch c.type {
            case "per": type = "PER"
            case "org": type = "ORG"
            case "geo": type = "LOC"
            case "gpe":
                guard (c.start..<c.end).allSatisfy({ pos[$0] == "NNP" || pos[$0] == "NNPS" }) else { continue }
                type = "LOC"
            case "eve": type = "EVT"
            default: continue
            }
            labels[c.start] = "B-" + type
            for k in (c.start + 1)..<c.end { labels[k] = "I-" + type }
        }
        return labels
    }

    static let titleSequences: [[String]] = GeneralVocabulary.titles.sorted { $0.count > $1.count }

    /// Cuts a leading "the" from every mention and leading titles from PER mentions (the UNER
    /// guidelines), for the silver corpora.
    static func trimMentions(_ s: Sentence) -> Sentence {
        var labels = s.labels
        for c in NERScoring.chunks(s.labels) {
            var start = c.start
            if s.words[start].lowercased() == "the" { start += 1 }
            if c.type == "PER" {
                var moved = true
                while moved && start < c.end {
                    moved = false
                    for t in titleSequences where start + t.count < c.end {
                        if (0..<t.count).allSatisfy({ NERGazetteer.tokenKey(s.words[start + $0]) == t[$0] }) {
                            start += t.count
                            moved = true
                            break
                        }
                    }
                }
            }
            guard start != c.start else { continue }
            for k in c.start..<start { labels[k] = "O" }
            if start < c.end { labels[start] = "B-" + c.type }
        }
        return Sentence(words: s.words, labels: labels, id: s.id)
    }

    /// Adds the tagger's POS tags.
    static func examples(_ sentences: [Sentence], tagger: PerceptronTagger, weight: Int32 = 1,
                         domain: UInt64 = 0) -> [NamedEntityTagger.Example] {
        sentences.map { s in
            let tags = tagger.tag(s.words)
            return NamedEntityTagger.Example(words: s.words, upos: tags.map(\.upos), xpos: tags.map(\.xpos), labels: s.labels,
                                             weight: weight, domain: domain)
        }
    }

    /// POS tags for the UNER draft train as the tagger gives them on unseen text: the draft's
    /// sentences are the tagger's own training sentences (UD EWT train), so each of `folds` parts
    /// is tagged by a tagger trained on the other parts (jackknifing); the recognizer then learns
    /// from tags as good as those it will see.
    static func jackknifed(_ sentences: [Sentence], corpora: URL, tagger: PerceptronTagger, folds: Int = 4) throws -> [NamedEntityTagger.Example] {
        let ewt = try CoNLLU.read(TaggerTraining.corpus(corpora, "train"))
        var fold: [String: Int] = [:]
        for (i, s) in ewt.enumerated() { if let id = s.sentID { fold[id] = i % folds } }
        var taggers: [PerceptronTagger] = []
        for k in 0..<folds {
            let part = ewt.enumerated().filter { $0.offset % folds != k }.map(\.element)
            taggers.append(PerceptronTagger.train(sentences: part, iterations: TaggerTraining.defaultIterations,
                                                  clusters: tagger.clusters, wordnet: tagger.wordnet))
        }
        return sentences.map { s in
            let t = s.id.flatMap { fold[$0] }.map { taggers[$0] } ?? tagger
            let tags = t.tag(s.words)
            return NamedEntityTagger.Example(words: s.words, upos: tags.map(\.upos), xpos: tags.map(\.xpos), labels: s.labels,
                                             weight: draftWeight)
        }
    }

    /// Update sizes of the corpora: the gold UNER dev counts most, the silver UNER draft train
    /// next, GMB (news, another annotation scheme) least, and GMB's features also get a private
    /// copy that absorbs its quirks (`NamedEntityTagger.Example.domain`). Chosen on UNER dev
    /// (a model trained without it, and two-fold cross-validation over it), never on test.
    public static let gmbWeight: Int32 = 1, draftWeight: Int32 = 2, devWeight: Int32 = 6

    /// Trains on GMB, the UNER draft train and UNER dev under `corpora/`, writes `out/ner.bin`,
    /// loads it back and scores it on UNER test. A first model, trained without UNER dev, is
    /// scored on dev (the held-out number used to tune the features and settings).
    /// GMB sentences in `heldOutGMB` (the relation gold sets') are left out.
    public static func run(corpora: URL, out: URL, lexicon: Lexicon, tagger: PerceptronTagger,
                           heldOutGMB: Set<Int> = [], iterations: Int = defaultIterations) throws -> NERReport {
        var t = Date()
        let gmbSents = try readGMB(gmb(corpora), excluding: heldOutGMB).map(trimMentions)
        let draft = try readUNER(unerDraft(corpora)).map(trimMentions)
        let silverEx = examples(gmbSents, tagger: tagger, weight: gmbWeight, domain: 1)
            + (try jackknifed(draft, corpora: corpora, tagger: tagger))
        let devEx = examples(try readUNER(uner(corpora, "dev")), tagger: tagger, weight: devWeight)
        let testEx = examples(try readUNER(uner(corpora, "test")), tagger: tagger)
        let readSeconds = Date().timeIntervalSince(t)

        t = Date()
        let tuning = NamedEntityTagger.train(examples: silverEx, lexicon: lexicon, iterations: iterations, members: members)
        let heldOutDev = evaluate(tuning, on: devEx)
        let final = NamedEntityTagger.train(examples: silverEx + devEx, lexicon: lexicon, iterations: iterations, members: members)
        let trainSeconds = Date().timeIntervalSince(t)

        t = Date()
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let file = out.appendingPathComponent(modelFile)
        try final.write(to: file)
        let writeSeconds = Date().timeIntervalSince(t)

        t = Date()
        let loaded = try NamedEntityTagger.load(from: file, lexicon: lexicon)
        let loadSeconds = Date().timeIntervalSince(t)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0

        return NERReport(model: file, modelBytes: bytes, trainSentences: silverEx.count + devEx.count,
                         heldOutGMB: heldOutGMB.count, iterations: iterations, heldOutDev: heldOutDev, test: evaluate(loaded, on: testEx),
                         readSeconds: readSeconds, trainSeconds: trainSeconds, writeSeconds: writeSeconds,
                         loadSeconds: loadSeconds, wordsPerSecond: speed(loaded, on: testEx))
    }

    /// Scores a recognizer on examples (POS tags given); EVT and other types outside PER, LOC and
    /// ORG count as O.
    public static func evaluate(_ ner: NamedEntityTagger, on examples: [NamedEntityTagger.Example]) -> NERScore {
        var s = NERScore()
        for t in ["LOC", "ORG", "PER"] { s.byType[t] = NERCounts() }
        for e in examples {
            NERScoring.add(gold: e.labels, predicted: ner.tag(words: e.words, upos: e.upos, xpos: e.xpos),
                           types: ["PER", "LOC", "ORG"], to: &s)
        }
        return s
    }

    /// Scores a recognizer on a UNER file, POS tags from `tagger`.
    public static func evaluate(_ ner: NamedEntityTagger, tagger: PerceptronTagger, file: URL) throws -> NERScore {
        evaluate(ner, tagger: tagger, sentences: try readUNER(file))
    }

    /// Scores a recognizer on UNER sentences already read, POS tags from `tagger`.
    public static func evaluate(_ ner: NamedEntityTagger, tagger: PerceptronTagger, sentences: [Sentence]) -> NERScore {
        evaluate(ner, on: examples(sentences, tagger: tagger))
    }

    /// UNER dev or test under `corpora`.
    public static func unerFile(corpora: URL, split: String) -> URL { uner(corpora, split) }

    /// Words per second of `ner` alone over `examples`, best of three passes, in CPU time of
    /// the calling thread (so other processes on the machine do not count).
    public static func speed(_ ner: NamedEntityTagger, on examples: [NamedEntityTagger.Example]) -> Double {
        let words = examples.reduce(0) { $0 + $1.words.count }
        func cpu() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
        }
        var best = Double.infinity
        var sink = 0
        for _ in 0..<3 {
            let t = cpu()
            for e in examples { sink &+= ner.tag(words: e.words, upos: e.upos, xpos: e.xpos).count }
            best = min(best, cpu() - t)
        }
        precondition(sink >= 0)
        return Double(words) / max(best, 1e-9)
    }
}
