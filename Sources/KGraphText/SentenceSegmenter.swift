import Foundation

/// A trained sentence splitter: for every token, an averaged perceptron decides whether a
/// sentence ends after it, from the tokenizer's rule decision, the token and its neighbours
/// (forms, shapes, capitals, punctuation). A line break ends a sentence unless it only wraps a
/// paragraph's line (`Tokenizer.wrapsLine`). Trained on the raw
/// text of UD English-EWT train, rebuilt as documents, against its gold sentence boundaries.
public struct SentenceSegmenter: Sendable {
    let model: SparseWeights

    public static let modelFile = "sentences.bin"
    static let magic = Array("KGSENTS1\n".utf8)

    /// Re-splits a tokenized document (the tokenizer's rule sentences are one of the features).
    public func segment(_ doc: inout Document) {
        guard doc.tokens.count > 1 else { return }
        let ctx = Context(doc)
        var out: [Range<Int>] = []
        var start = 0
        var feats: [UInt64] = []
        var scores: [Float] = [0, 0]
        for i in 0..<(doc.tokens.count - 1) {
            let split: Bool
            switch ctx.lineBreak(after: i) {
            case .endsSentence:
                split = true
            case .wrapsLine:
                split = false // the line break only wraps the sentence ("Antigua and" + "Barbuda")
            case .none:
                feats.removeAll(keepingCapacity: true)
                ctx.features(i, into: &feats)
                scores[0] = 0; scores[1] = 0
                model.score(feats, into: &scores)
                split = scores[1] > scores[0]
            }
            if split {
                out.append(start..<(i + 1))
                start = i + 1
            }
        }
        out.append(start..<doc.tokens.count)
        doc.sentences = out
    }

    /// What the features need, computed once per document.
    struct Context {
        let doc: Document
        let ruleEnd: [Bool]
        /// Tokens since the rules' last sentence end, in buckets of five (at most 8).
        let sinceEnd: [UInt64]
        let norm: [UInt64]
        let shape: [UInt64]

        init(_ doc: Document) {
            self.doc = doc
            var ends = [Bool](repeating: false, count: doc.tokens.count)
            for s in doc.sentences where !s.isEmpty { ends[s.upperBound - 1] = true }
            ruleEnd = ends
            var since = [UInt64](repeating: 0, count: doc.tokens.count)
            var run = 0
            for i in doc.tokens.indices {
                since[i] = UInt64(min(run / 5, 8))
                run = ends[i] ? 0 : run + 1
            }
            sinceEnd = since
            norm = doc.tokens.map { Context.norm($0.text) }
            shape = doc.tokens.map { Context.shape($0.text) }
        }

        /// `TaggerFeatures.hash(1, ...)` of the lower-cased word. ASCII words (nearly all) are
        /// hashed byte by byte as they are read, without building an array; the result is the same.
        static func norm(_ w: String) -> UInt64 {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ (1 &* 0x100_0000_01B3)
            var n: UInt64 = 0
            for b in w.utf8 {
                if b >= 0x80 { return TaggerFeatures.hash(1, TaggerFeatures.scalars(w.lowercased())) }
                h = (h ^ UInt64(b >= 65 && b <= 90 ? b + 32 : b)) &* 0x100_0000_01B3
                n += 1
            }
            return TaggerFeatures.mix(h ^ n)
        }

        /// `TaggerFeatures.hash(3, ...)` of the word's shape: its first six characters as X, x, d
        /// or themselves, runs collapsed. Hashed as it is read, without building an array.
        static func shape(_ w: String) -> UInt64 {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ (3 &* 0x100_0000_01B3)
            var n: UInt64 = 0
            var last: UInt32 = .max
            for s in w.unicodeScalars.prefix(6) {
                let v = s.value
                // ASCII skips the Unicode property tables: only A-Z are uppercase, a-z lowercase,
                // 0-9 decimal there.
                let c: UInt32 = v < 128
                    ? (v >= 65 && v <= 90 ? 88 : v >= 97 && v <= 122 ? 120 : v >= 48 && v <= 57 ? 100 : v)
                    : s.properties.isUppercase ? 88 : s.properties.isLowercase ? 120
                    : s.properties.numericType == .decimal ? 100 : v
                if c != last {
                    h = (h ^ UInt64(c)) &* 0x100_0000_01B3
                    n += 1
                    last = c
                }
            }
            return TaggerFeatures.mix(h ^ n)
        }

        enum LineBreak { case none, endsSentence, wrapsLine }

        /// The line breaks between token `i` and the next.
        func newlines(after i: Int) -> Int { Tokenizer.lineBreaks(doc.scalars, in: doc.tokens[i].end..<doc.tokens[i + 1].start) }

        /// What the white space after token `i` says: a line break that ends a sentence, one that
        /// only wraps a paragraph's line by its words (`Tokenizer.wrapsLine`), or nothing (no line
        /// break, or a single one in text wrapped at a fixed width: the model decides).
        func lineBreak(after i: Int) -> LineBreak {
            let n = newlines(after: i)
            guard n > 0 else { return .none }
            if n == 1, Tokenizer.wrapsLine(after: doc.tokens[i].text, before: doc.tokens[i + 1].text, newlines: 1) { return .wrapsLine }
            return n == 1 && doc.wrapsLines ? .none : .endsSentence
        }

        func features(_ i: Int, into f: inout [UInt64]) {
            let n = doc.tokens.count
            let rule: UInt64 = ruleEnd[i] ? 1 : 0
            let prev = i > 0 ? norm[i - 1] : 7, next = norm[i + 1]
            let next2 = i + 2 < n ? norm[i + 2] : 7
            let space: UInt64 = doc.tokens[i].end < doc.tokens[i + 1].start ? 1 : 0
            func key(_ t: UInt64, _ a: UInt64, _ b: UInt64 = 0) -> UInt64 { TaggerFeatures.key(t, a, b) }
            f.append(key(200, 0))
            f.append(key(201, rule))
            f.append(key(202, norm[i]))
            f.append(key(203, next))
            f.append(key(204, shape[i]))
            f.append(key(205, shape[i + 1]))
            f.append(key(206, norm[i], next))
            f.append(key(207, shape[i], shape[i + 1]))
            f.append(key(208, rule, shape[i + 1]))
            f.append(key(209, prev, norm[i]))
            f.append(key(210, next2))
            f.append(key(211, rule, norm[i]))
            f.append(key(212, space, shape[i + 1]))
            f.append(key(213, norm[i], shape[i + 1]))
            f.append(key(214, shape[i], next))
            f.append(key(215, sinceEnd[i], rule))
            f.append(key(216, sinceEnd[i], shape[i + 1]))
            f.append(key(217, i > 0 ? shape[i - 1] : 7, shape[i]))
        }
    }

    // MARK: Training

    /// Trains on treebank documents: each is tokenized by `tokenizer`, and a token ends a sentence
    /// when its end is a gold sentence's end.
    public static func train(documents: [TreebankDocument], tokenizer: Tokenizer = Tokenizer(), iterations: Int = 12,
                             seed: UInt64 = 0x5E47) -> SentenceSegmenter {
        struct Example { var feats: [Int32]; var gold: Int }
        var trainer = PerceptronTrainer()
        var examples: [Example] = []
        var buf: [UInt64] = []
        for d in documents {
            var doc = Document(path: d.id, text: d.text)
            tokenizer.tokenize(&doc)
            guard doc.tokens.count > 1 else { continue }
            let ends = Set(d.sentences.map(\.upperBound))
            let ctx = Context(doc)
            for i in 0..<(doc.tokens.count - 1) where ctx.newlines(after: i) == 0 {
                buf.removeAll(keepingCapacity: true)
                ctx.features(i, into: &buf)
                examples.append(Example(feats: buf.map { trainer.intern($0) }, gold: ends.contains(doc.tokens[i].end) ? 1 : 0))
            }
        }
        var rng = SplitMix64(seed: seed)
        var order = Array(examples.indices)
        var scores: [Float] = [0, 0]
        for _ in 0..<iterations {
            rng.shuffle(&order)
            for k in order {
                let e = examples[k]
                scores[0] = 0; scores[1] = 0
                trainer.score(e.feats, into: &scores)
                let guess = scores[1] > scores[0] ? 1 : 0
                trainer.tick()
                trainer.update(e.feats, truth: e.gold, guess: guess)
            }
        }
        return SentenceSegmenter(model: trainer.averaged(pruneBelow: 0.01))
    }

    // MARK: Model file

    public func write(to url: URL) throws {
        var out = ByteWriter()
        out.raw(Self.magic)
        model.write(into: &out)
        out.raw(modelTrailer)
        try out.write(to: url, what: "sentence model")
    }

    public static func load(from url: URL) throws -> SentenceSegmenter {
        try readModelFile(url, what: "sentence model", magic: magic) { r in
            SentenceSegmenter(model: try SparseWeights.read(&r, classCount: 2))
        }
    }
}

public enum SentenceTraining {
    /// Trains on EWT train, writes `out/sentences.bin`, and scores the loaded model's sentence
    /// boundaries on EWT dev raw text (F1), next to the rules alone.
    public static func run(corpora: URL, out: URL) throws -> String {
        let ewt = corpora.appendingPathComponent("ud-english-ewt")
        let train = TreebankDocument.documents(from: try CoNLLU.read(ewt.appendingPathComponent("en_ewt-ud-train.conllu")))
        let dev = TreebankDocument.documents(from: try CoNLLU.read(ewt.appendingPathComponent("en_ewt-ud-dev.conllu")))
        let started = Date()
        let model = SentenceSegmenter.train(documents: train)
        let seconds = Date().timeIntervalSince(started)
        let file = out.appendingPathComponent(SentenceSegmenter.modelFile)
        try model.write(to: file)
        let loaded = try SentenceSegmenter.load(from: file)
        let tokenizer = Tokenizer()
        let rules = RawTextEvaluation.evaluate(dev) { gold, text in
            var doc = Document(path: gold.id, text: text)
            tokenizer.tokenize(&doc)
            return doc
        }
        let trained = RawTextEvaluation.evaluate(dev) { gold, text in
            var doc = Document(path: gold.id, text: text)
            tokenizer.tokenize(&doc)
            loaded.segment(&doc)
            return doc
        }
        return String(format: "sentences: %@ (%d rows), EWT dev sentence F1 %.2f (rules alone %.2f), trained in %.1f s",
                      file.path, loaded.model.rowCount, trained.sentences.f1 * 100, rules.sentences.f1 * 100, seconds)
    }
}
