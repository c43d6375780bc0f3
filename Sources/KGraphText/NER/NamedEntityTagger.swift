import Foundation

/// A named-entity recognizer: a greedy averaged-perceptron sequence labeller (Collins 2002;
/// Ratinov & Roth 2009's greedy BILOU decoding) that labels tokens left to right with BILOU tags
/// over the types PER, LOC, ORG and EVT, under valid-transition constraints, and returns IOB2.
///
/// Features: the word, its lowercase form, shape, prefixes and suffixes, the words and shapes
/// within two tokens, the UPOS and XPOS tags (predicted by `PerceptronTagger`, at training and at
/// run time), gazetteer features from the `Lexicon` (see `NERGazetteer`), the last word and
/// length of the run of capitalized words a word stands in ("Chicago Symphony Orchestra"), the two
/// previous labels and the sentence-initial position. Feature keys are our own 64-bit hashes, so the model file is
/// the same on every run.
///
/// Training data and tag mapping (`NERTraining`):
/// - GMB (Groningen Meaning Bank, VOA news, silver; the cut last sentence dropped):
///   `per` -> PER, `org` -> ORG, `geo` -> LOC, `gpe` -> LOC when every word of the mention is a
///   proper noun (NNP/NNPS: "Iraq", "U.S.") and O otherwise (nationalities and adjectives:
///   "Iraqi", "Palestinians"), `eve` -> EVT, `tim`, `art`, `nat` -> O. A leading "the" is cut from
///   every mention and leading titles ("Mr.", "President", "Prime Minister", see
///   `GeneralVocabulary.titles`) from PER mentions, as the UNER guidelines have it.
/// - UNER English-EWT draft train (2022, silver): PER, LOC, ORG kept; `B-OTH`/`I-OTH` and the
///   stray `B-O` -> O; a leading "the" and leading titles cut as for GMB.
/// - UNER English-EWT dev (gold): PER, LOC, ORG as they are.
/// - UNER English-EWT test is never trained or tuned on; it is only scored, with EVT -> O.
///
/// The perceptron's updates weigh UNER dev 6, the UNER draft train 2 and GMB 1, and GMB's
/// features get a second, GMB-only copy that is dropped from the model (see `NERTraining`). The
/// draft train's POS tags come from taggers that did not see its sentences (jackknifing).
public struct NamedEntityTagger: Sendable {
    /// Entity types; class 0 is O, class 1 + 4 * t + p is position p (B, I, L, U) of type t.
    public let types: [String]
    let model: SparseWeights
    let gazetteer: NERGazetteer
    /// IOB2 label of each class.
    let labelNames: [String]

    public static let defaultTypes = ["PER", "LOC", "ORG", "EVT"]

    init(types: [String], model: SparseWeights, lexicon: Lexicon) {
        self.types = types
        self.model = model
        self.gazetteer = NERGazetteer(lexicon: lexicon)
        labelNames = ["O"] + types.flatMap { ["B-" + $0, "I-" + $0, "I-" + $0, "B-" + $0] }
    }

    var classCount: Int { 1 + 4 * types.count }
    public var featureCount: Int { model.rowCount }
    public var weightCount: Int { model.entryCount }

    // MARK: Labels

    enum Pos: Int { case b = 0, i = 1, l = 2, u = 3 }

    @inline(__always) static func cls(_ type: Int, _ p: Pos) -> Int { 1 + 4 * type + p.rawValue }
    @inline(__always) static func type(of c: Int) -> Int { (c - 1) >> 2 }
    @inline(__always) static func pos(of c: Int) -> Pos { Pos(rawValue: (c - 1) & 3)! }

    /// Whether class `c` may follow class `prev` (-1 at the start), and may stand at the end
    /// when `last`.
    @inline(__always)
    static func allowed(_ prev: Int, _ c: Int, last: Bool) -> Bool {
        let open = prev > 0 && (pos(of: prev) == .b || pos(of: prev) == .i)
        if open {
            guard c > 0, type(of: c) == type(of: prev) else { return false }
            let p = pos(of: c)
            return p == .l || (p == .i && !last)
        }
        if c == 0 { return true }
        let p = pos(of: c)
        return p == .u || (p == .b && !last)
    }

    @inline(__always)
    static func bestAllowed(_ scores: [Float], prev: Int, last: Bool) -> Int {
        var best = -1
        var bv = -Float.infinity
        for c in 0..<scores.count where allowed(prev, c, last: last) && (best < 0 || scores[c] > bv) {
            bv = scores[c]
            best = c
        }
        return best
    }

    /// IOB2 labels from BILOU class indices.
    func iob2(_ classes: [Int]) -> [String] { classes.map { labelNames[$0] } }

    /// BILOU class indices from IOB2 labels (ill-formed I- starts a mention; unknown types -> O).
    static func bilou(_ labels: [String], types: [String]) -> [Int] {
        let spans = NERScoring.chunks(labels)
        var out = [Int](repeating: 0, count: labels.count)
        for s in spans {
            guard let t = types.firstIndex(of: s.type) else { continue }
            if s.end - s.start == 1 { out[s.start] = cls(t, .u); continue }
            out[s.start] = cls(t, .b)
            for k in (s.start + 1)..<(s.end - 1) { out[k] = cls(t, .i) }
            out[s.end - 1] = cls(t, .l)
        }
        return out
    }

    // MARK: Tagging

    /// One IOB2 label per word ("B-PER", "I-LOC", "O", ...), always a valid IOB2 sequence.
    /// `upos` and `xpos` are the tagger's tags for the same words.
    public func tag(words: [String], upos: [String], xpos: [String]) -> [String] {
        iob2(classes(words: words, upos: upos, xpos: xpos))
    }

    /// BILOU class indices for a sentence.
    func classes(words: [String], upos: [String], xpos: [String]) -> [Int] {
        if words.isEmpty { return [] }
        let toks = NERFeatures.tokens(words, upos: upos, xpos: xpos, gazetteer: gazetteer)
        var feats: [UInt64] = []
        feats.reserveCapacity(NERFeatures.staticCount + NERFeatures.dynamicCount)
        var scores = [Float](repeating: 0, count: classCount)
        var out: [Int] = []
        out.reserveCapacity(words.count)
        var p1 = -1, p2 = -1
        for i in 0..<words.count {
            feats.removeAll(keepingCapacity: true)
            NERFeatures.staticFeatures(toks, i, into: &feats)
            NERFeatures.dynamicFeatures(toks, i, p1, p2, into: &feats)
            for c in 0..<scores.count { scores[c] = 0 }
            model.score(feats, into: &scores)
            let guess = Self.bestAllowed(scores, prev: p1, last: i == words.count - 1)
            out.append(guess)
            p2 = p1
            p1 = guess
        }
        return out
    }

    // MARK: Training

    /// A training sentence: words, their predicted POS tags and gold IOB2 labels.
    public struct Example: Sendable {
        public var words: [String]
        public var upos: [String]
        public var xpos: [String]
        public var labels: [String]
        /// Size of the perceptron's updates on this sentence (corpora weighted by how well they fit).
        public var weight: Int32
        /// 0 for text like the text to tag; another number gives the sentence's features a second
        /// copy private to that domain, which learns its quirks and is dropped from the model
        /// (Daumé 2007, "frustratingly easy domain adaptation").
        public var domain: UInt64
        public init(words: [String], upos: [String], xpos: [String], labels: [String], weight: Int32 = 1,
                    domain: UInt64 = 0) {
            self.words = words
            self.upos = upos
            self.xpos = xpos
            self.labels = labels
            self.weight = weight
            self.domain = domain
        }
    }

    /// Trains on labelled sentences, deterministically (sentence order of each iteration from a
    /// SplitMix64 generator with a fixed seed).
    public static func train(examples: [Example], lexicon: Lexicon, types: [String] = defaultTypes,
                             iterations: Int = 10, seed: UInt64 = 0x5EED_4E52,
                             pruneBelow: Float = 2, members: Int = 1) -> NamedEntityTagger {
        let gazetteer = NERGazetteer(lexicon: lexicon)
        let all = trainMembers(members, seed: seed) {
            trainMember(examples: examples, gazetteer: gazetteer, types: types, iterations: iterations, seed: $0)
        }
        let domainKeys = all.reduce(into: Set<UInt64>()) { $0.formUnion($1.1) }
        return NamedEntityTagger(types: types,
                                 model: PerceptronTrainer.averaged(all.map(\.0), pruneBelow: pruneBelow) { !domainKeys.contains($0) },
                                 lexicon: lexicon)
    }

    /// One perceptron trained from `seed`, before averaging, with the keys of its domain copies
    /// (features only training uses).
    private static func trainMember(examples: [Example], gazetteer: NERGazetteer, types: [String], iterations: Int,
                                    seed: UInt64) -> (PerceptronTrainer, Set<UInt64>) {
        let classCount = 1 + 4 * types.count
        var trainer = PerceptronTrainer()
        struct Sent { var toks: [NERToken]; var gold: [Int]; var feats: [Int32]; var weight: Int32; var domain: UInt64 }
        var domainKeys = Set<UInt64>()
        @inline(__always) func domainKey(_ k: UInt64, _ d: UInt64) -> UInt64 { TaggerFeatures.mix(k ^ (d &* 0x9E37_79B9_7F4A_7C15)) }
        var data: [Sent] = []
        data.reserveCapacity(examples.count)
        var buf: [UInt64] = []
        for e in examples where !e.words.isEmpty {
            let toks = NERFeatures.tokens(e.words, upos: e.upos, xpos: e.xpos, gazetteer: gazetteer)
            var fs: [Int32] = []
            fs.reserveCapacity(e.words.count * NERFeatures.staticCount)
            for i in 0..<e.words.count {
                buf.removeAll(keepingCapacity: true)
                NERFeatures.staticFeatures(toks, i, into: &buf)
                precondition(buf.count == NERFeatures.staticCount)
                for k in buf { fs.append(trainer.intern(k)) }
                if e.domain != 0 {
                    for k in buf {
                        let dk = domainKey(k, e.domain)
                        domainKeys.insert(dk)
                        fs.append(trainer.intern(dk))
                    }
                }
            }
            data.append(Sent(toks: toks, gold: bilou(e.labels, types: types), feats: fs, weight: e.weight, domain: e.domain))
        }

        var scores = [Float](repeating: 0, count: classCount)
        var active: [Int32] = []
        var rng = SplitMix64(seed: seed)
        var order = Array(data.indices)
        for _ in 0..<iterations {
            rng.shuffle(&order)
            for si in order {
                let s = data[si]
                let n = s.gold.count
                var p1 = -1, p2 = -1
                for i in 0..<n {
                    active.removeAll(keepingCapacity: true)
                    let stride = s.domain == 0 ? NERFeatures.staticCount : 2 * NERFeatures.staticCount
                    let base = i * stride
                    for k in 0..<stride { active.append(s.feats[base + k]) }
                    buf.removeAll(keepingCapacity: true)
                    NERFeatures.dynamicFeatures(s.toks, i, p1, p2, into: &buf)
                    for k in buf { active.append(trainer.intern(k)) }
                    if s.domain != 0 {
                        for k in buf {
                            let dk = domainKey(k, s.domain)
                            domainKeys.insert(dk)
                            active.append(trainer.intern(dk))
                        }
                    }
                    for c in 0..<classCount { scores[c] = 0 }
                    trainer.score(active, into: &scores)
                    let guess = bestAllowed(scores, prev: p1, last: i == n - 1)
                    trainer.tick()
                    if guess != s.gold[i] {
                        trainer.update(active, cls: s.gold[i], by: s.weight)
                        trainer.update(active, cls: guess, by: -s.weight)
                    }
                    p2 = p1
                    p1 = guess
                }
            }
        }
        return (trainer, domainKeys)
    }

    // MARK: Model file

    static let magic = Array("KGNER1\n".utf8)

    /// Writes the model: a little-endian binary file (the types, then the weights). The lexicon
    /// is not in it: `load` takes the one the model was trained with.
    public func write(to url: URL) throws {
        var out = ByteWriter()
        out.raw(Self.magic)
        out.strings(types)
        model.write(into: &out)
        out.raw(modelTrailer)
        try out.write(to: url, what: "named-entity model")
    }

    /// Loads a model written by `write(to:)`; a missing, truncated or foreign file throws
    /// `ModelError` naming the path. `lexicon` gives the gazetteer features (models/lexicon.tsv).
    public static func load(from url: URL, lexicon: Lexicon) throws -> NamedEntityTagger {
        try readModelFile(url, what: "named-entity model", magic: magic) { r in
            let types = try r.strings(max: 64, what: "type")
            let n = types.count
            let model = try SparseWeights.read(&r, classCount: 1 + 4 * n)
            return NamedEntityTagger(types: types, model: model, lexicon: lexicon)
        }
    }
}

/// What the features need of one token, computed once per sentence.
struct NERToken {
    var norm: UInt64
    var raw: UInt64
    var shape: UInt64
    var pre2: UInt64, pre3: UInt64
    var suf2: UInt64, suf3: UInt64, suf4: UInt64
    var flags: UInt64
    var upos: UInt64
    var xpos: UInt64
    var gaz: UInt64
    var lex: UInt64
    /// In a run of capitalized words ("Chicago Symphony Orchestra", "Bank of America"): the
    /// lowercase form of its last word, and the run's length (capped) with this word's place in
    /// it; 0 outside runs.
    var runLast: UInt64 = 0
    var runShape: UInt64 = 0
}

/// Feature templates of the named-entity tagger, shared by training and tagging.
enum NERFeatures {
    static let staticCount = 47
    static let dynamicCount = 5
    static let pads: [UInt64] = ["-START2-", "-START-", "-END-", "-END2-"].map { TaggerFeatures.hash(99, TaggerFeatures.scalars($0)) }

    static func pad(_ h: UInt64) -> NERToken {
        NERToken(norm: h, raw: h, shape: h, pre2: h, pre3: h, suf2: h, suf3: h, suf4: h, flags: h,
                 upos: h, xpos: h, gaz: h, lex: h)
    }

    @inline(__always)
    static func fnv(_ kind: UInt64, _ s: UnsafeBufferPointer<UInt32>, _ from: Int, _ to: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ (kind &* 0x100_0000_01B3)
        var k = from
        while k < to { h = (h ^ UInt64(s[k])) &* 0x100_0000_01B3; k += 1 }
        return TaggerFeatures.mix(h ^ UInt64(to - from))
    }

    @inline(__always)
    static func strHash(_ kind: UInt64, _ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ (kind &* 0x100_0000_01B3)
        var n: UInt64 = 0
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3; n += 1 }
        return TaggerFeatures.mix(h ^ n)
    }

    /// Token infos with two pads on each side.
    static func tokens(_ words: [String], upos: [String], xpos: [String], gazetteer: NERGazetteer) -> [NERToken] {
        var match: [UInt64] = [], lex: [UInt64] = []
        gazetteer.annotate(words, match: &match, word: &lex)
        var out: [NERToken] = [pad(pads[0]), pad(pads[1])]
        out.reserveCapacity(words.count + 4)
        var lower: [UInt32] = []
        var shape: [UInt32] = []
        for (i, w) in words.enumerated() {
            lower.removeAll(keepingCapacity: true)
            shape.removeAll(keepingCapacity: true)
            var hasDigit = false, hasUpper = false, hasLower = false, hasHyphen = false, hasPeriod = false
            var allDigits = true
            var firstUpper = false
            var ascii = true
            for b in w.utf8 where b >= 128 { ascii = false; break }
            if ascii {
                for b in w.utf8 {
                    var v = UInt32(b)
                    let c: UInt32
                    if b >= 65 && b <= 90 { c = 88; hasUpper = true; v += 32; if lower.isEmpty { firstUpper = true } }
                    else if b >= 97 && b <= 122 { c = 120; hasLower = true }
                    else if b >= 48 && b <= 57 { c = 100; hasDigit = true }
                    else { c = v; if b == 45 { hasHyphen = true } else if b == 46 { hasPeriod = true } }
                    if !(b >= 48 && b <= 57) { allDigits = false }
                    lower.append(v)
                    if shape.count < 2 || shape[shape.count - 1] != c || shape[shape.count - 2] != c { shape.append(c) }
                }
            } else {
                for s in w.unicodeScalars {
                    let c: UInt32
                    if s.properties.isUppercase { c = 88; hasUpper = true; if shape.isEmpty { firstUpper = true } }
                    else if s.properties.isLowercase { c = 120; hasLower = true }
                    else if s.properties.numericType == .decimal { c = 100; hasDigit = true }
                    else { c = s.value; if s.value == 45 { hasHyphen = true } }
                    if s.properties.numericType != .decimal { allDigits = false }
                    if shape.count < 2 || shape[shape.count - 1] != c || shape[shape.count - 2] != c { shape.append(c) }
                }
                for s in w.lowercased().unicodeScalars { lower.append(s.value) }
            }
            if lower.isEmpty { allDigits = false }
            var flags: UInt64 = 0
            if firstUpper { flags |= i == 0 ? 1 : 2 }
            if hasUpper && !hasLower { flags |= 4 }
            if hasDigit { flags |= 8 }
            if hasHyphen { flags |= 16 }
            if hasPeriod { flags |= 64 }
            if lower.count <= 3 { flags |= 32 }
            let n = lower.count
            let t: NERToken = lower.withUnsafeBufferPointer { lb in
                let norm: UInt64
                if allDigits && n == 4 { norm = 0x59_4541_52 } // year
                else if hasDigit && !hasUpper && !hasLower { norm = 0x4449_4749_54 } // digits
                else { norm = fnv(1, lb, 0, n) }
                let sh = shape.withUnsafeBufferPointer { fnv(3, $0, 0, $0.count) }
                return NERToken(norm: norm, raw: strHash(2, w), shape: sh,
                                pre2: fnv(12, lb, 0, min(2, n)), pre3: fnv(13, lb, 0, min(3, n)),
                                suf2: fnv(22, lb, max(0, n - 2), n), suf3: fnv(23, lb, max(0, n - 3), n),
                                suf4: fnv(24, lb, max(0, n - 4), n),
                                flags: flags, upos: i < upos.count ? strHash(5, upos[i]) : 0,
                                xpos: i < xpos.count ? strHash(6, xpos[i]) : 0,
                                gaz: match[i], lex: lex[i])
            }
            out.append(t)
        }
        out.append(pad(pads[2]))
        out.append(pad(pads[3]))
        // Capitalized runs, joined by "of", "and", "&", "-", "'s".
        var i = 0
        while i < words.count {
            guard NERGazetteer.startsUpper(words[i]) else { i += 1; continue }
            var end = i + 1
            while end < words.count {
                if NERGazetteer.startsUpper(words[end]) { end += 1; continue }
                let w = words[end]
                if (w == "of" || w == "and" || w == "&" || w == "-" || w == "'s" || w == "de"),
                   end + 1 < words.count, NERGazetteer.startsUpper(words[end + 1]) {
                    end += 2
                    continue
                }
                break
            }
            let len = UInt64(min(end - i, 5))
            let last = out[end - 1 + 2].norm
            for k in i..<end {
                let place: UInt64 = end - i == 1 ? 0 : (k == i ? 1 : (k == end - 1 ? 3 : 2))
                out[k + 2].runLast = last
                out[k + 2].runShape = len << 2 | place | 0x100
            }
            i = end
        }
        return out
    }

    @inline(__always)
    static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
        TaggerFeatures.key(template &+ 1000, a, b, c)
    }

    /// Features that do not depend on predicted labels; exactly `staticCount` of them.
    @inline(__always)
    static func staticFeatures(_ t: [NERToken], _ i: Int, into f: inout [UInt64]) {
        let j = i + 2
        let w = t[j], m1 = t[j - 1], m2 = t[j - 2], p1 = t[j + 1], p2 = t[j + 2]
        f.append(key(0, 0))
        f.append(key(1, w.norm))
        f.append(key(2, w.raw))
        f.append(key(3, w.suf2))
        f.append(key(4, w.suf3))
        f.append(key(5, w.suf4))
        f.append(key(6, w.pre2))
        f.append(key(7, w.pre3))
        f.append(key(8, w.shape))
        f.append(key(9, w.flags))
        f.append(key(10, m1.norm))
        f.append(key(11, m2.norm))
        f.append(key(12, p1.norm))
        f.append(key(13, p2.norm))
        f.append(key(14, m1.shape))
        f.append(key(15, p1.shape))
        f.append(key(16, m1.shape, w.shape))
        f.append(key(17, w.shape, p1.shape))
        f.append(key(18, m1.norm, w.norm))
        f.append(key(19, w.norm, p1.norm))
        f.append(key(20, w.upos))
        f.append(key(21, w.xpos))
        f.append(key(22, m1.xpos))
        f.append(key(23, p1.xpos))
        f.append(key(24, m1.xpos, w.xpos))
        f.append(key(25, w.xpos, p1.xpos))
        f.append(key(26, m1.upos, w.upos, p1.upos))
        f.append(key(27, w.norm, w.xpos))
        f.append(key(28, w.gaz))
        f.append(key(29, m1.gaz))
        f.append(key(30, p1.gaz))
        f.append(key(31, w.gaz, w.shape))
        f.append(key(32, w.lex))
        f.append(key(33, m1.lex))
        f.append(key(34, p1.lex))
        f.append(key(35, w.lex, w.flags))
        f.append(key(36, m1.norm, w.shape))
        f.append(key(37, w.shape, p1.norm))
        f.append(key(38, w.flags, w.norm))
        f.append(key(39, m1.lex, w.shape))
        f.append(key(40, w.gaz, w.lex, w.xpos))
        f.append(key(41, m2.norm, m1.norm))
        f.append(key(42, p1.norm, p2.norm))
        f.append(key(43, p1.raw))
        f.append(key(44, w.runLast, w.runShape))
        f.append(key(45, w.runLast))
        f.append(key(46, w.runShape, w.gaz))
    }

    /// Features of the two previous predicted classes; exactly `dynamicCount` of them.
    @inline(__always)
    static func dynamicFeatures(_ t: [NERToken], _ i: Int, _ c1: Int, _ c2: Int, into f: inout [UInt64]) {
        let w = t[i + 2]
        let a = UInt64(bitPattern: Int64(c1 + 2)), b = UInt64(bitPattern: Int64(c2 + 2))
        f.append(key(50, a))
        f.append(key(51, a, b))
        f.append(key(52, a, w.norm))
        f.append(key(53, a, w.shape))
        f.append(key(54, a, w.xpos))
    }
}
