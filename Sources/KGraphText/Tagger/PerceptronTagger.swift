import Foundation

/// A greedy averaged-perceptron part-of-speech tagger (Collins 2002; Honnibal's "200 lines of
/// Python" tagger). It predicts one combined label "UPOS|XPOS" per word, left to right, from
/// features of the word, its neighbours and the two tags it predicted before. Frequent words
/// that (almost) always carry one label are tagged from a dictionary.
///
/// Features are 64-bit hashes computed with our own FNV/SplitMix mixing (never Swift's seeded
/// `Hasher`), so the model file is the same on every run and platform.
public struct PerceptronTagger: Sendable {
    /// Combined labels "UPOS|XPOS", sorted.
    public let labels: [String]
    let labelUPOS: [String]
    let labelXPOS: [String]
    /// Frequent unambiguous word forms -> label index.
    let tagDict: [String: UInt16]
    /// Distributional word classes (empty for a tagger trained without them).
    let clusters: WordClusters
    /// WordNet ambiguity classes (empty for a tagger trained without them).
    let wordnet: WordNetClasses
    let model: SparseWeights

    init(labels: [String], tagDict: [String: UInt16], clusters: WordClusters = WordClusters(),
         wordnet: WordNetClasses = WordNetClasses(), model: SparseWeights) {
        self.labels = labels
        var u: [String] = [], x: [String] = []
        for l in labels {
            let parts = l.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            u.append(String(parts[0]))
            x.append(parts.count > 1 ? String(parts[1]) : "_")
        }
        labelUPOS = u
        labelXPOS = x
        self.tagDict = tagDict
        self.clusters = clusters
        self.wordnet = wordnet
        self.model = model
        // Word infos of the known lowercase forms, computed once (capitalized and unknown
        // forms are computed per token).
        var cache: [String: WordInfo] = [:]
        cache.reserveCapacity(clusters.count + tagDict.count)
        for w in clusters.paths.keys where cache[w] == nil {
            cache[w] = TaggerFeatures.info(w, first: false, tagDict: tagDict, clusters: clusters, wordnet: wordnet)
        }
        for w in tagDict.keys where cache[w] == nil {
            cache[w] = TaggerFeatures.info(w, first: false, tagDict: tagDict, clusters: clusters, wordnet: wordnet)
        }
        infoCache = cache
    }

    /// Word infos of frequent forms (see `init`).
    let infoCache: [String: WordInfo]

    /// Number of feature rows and weights kept.
    public var featureCount: Int { model.rowCount }
    public var weightCount: Int { model.entryCount }

    // MARK: Tagging

    /// Tags a tokenized sentence.
    public func tag(_ words: [String]) -> [(upos: String, xpos: String)] {
        tagIndices(words).map { (labelUPOS[$0], labelXPOS[$0]) }
    }

    /// Tags every sentence of a tokenized document.
    public func tag(_ doc: inout Document) {
        doc.upos = Array(repeating: "X", count: doc.tokens.count)
        doc.xpos = Array(repeating: "_", count: doc.tokens.count)
        for sentence in doc.sentences where !sentence.isEmpty {
            let labels = tagIndices(doc.tokens[sentence].map(\.text))
            for (k, l) in labels.enumerated() {
                doc.upos[sentence.lowerBound + k] = labelUPOS[l]
                doc.xpos[sentence.lowerBound + k] = labelXPOS[l]
            }
        }
    }

    /// Label indices (into `labels`) for a tokenized sentence.
    public func tagIndices(_ words: [String]) -> [Int] {
        if words.isEmpty { return [] }
        let infos = TaggerFeatures.infos(words, tagDict: tagDict, clusters: clusters, wordnet: wordnet, cache: infoCache)
        var feats: [UInt64] = []
        feats.reserveCapacity(TaggerFeatures.staticCount + TaggerFeatures.dynamicCount)
        var scores = [Float](repeating: 0, count: labels.count)
        var out: [Int] = []
        out.reserveCapacity(words.count)
        var p1 = TaggerFeatures.start1, p2 = TaggerFeatures.start2
        for i in 0..<words.count {
            let guess: Int
            let d = infos[i + 2].dict
            if d != 0 {
                guess = Int(d - 1)
            } else {
                feats.removeAll(keepingCapacity: true)
                TaggerFeatures.staticFeatures(infos, i, into: &feats)
                TaggerFeatures.dynamicFeatures(infos, i, p1, p2, into: &feats)
                for c in 0..<scores.count { scores[c] = 0 }
                model.score(feats, into: &scores)
                guess = TaggerFeatures.argmax(scores)
            }
            out.append(guess)
            p2 = p1
            p1 = UInt64(guess)
        }
        return out
    }

    // MARK: Training

    /// Trains on gold-tokenized sentences, deterministically: the sentence order of each
    /// iteration comes from a SplitMix64 generator with a fixed seed.
    ///
    /// With `members` above one, that many taggers are trained from different seeds (two at a
    /// time) and their averaged weights averaged again (`PerceptronTrainer.averaged(_:)`).
    public static func train(sentences: [CoNLLUSentence], iterations: Int = 8, seed: UInt64 = 0x5EED,
                             pruneBelow: Float = 0.01, clusters: WordClusters = WordClusters(),
                             wordnet: WordNetClasses = WordNetClasses(), members: Int = 1) -> PerceptronTagger {
        // Labels.
        var labelSet = Set<String>()
        for s in sentences { for w in s.words { labelSet.insert(Self.label(w)) } }
        let labels = labelSet.sorted()
        var labelID: [String: Int] = [:]
        for (i, l) in labels.enumerated() { labelID[l] = i }

        // Tag dictionary: words seen >= 20 times with one label >= 97% of the time.
        var counts: [String: [Int: Int]] = [:]
        for s in sentences { for w in s.words { counts[w.form, default: [:]][labelID[Self.label(w)]!, default: 0] += 1 } }
        var tagDict: [String: UInt16] = [:]
        for (word, byLabel) in counts {
            let n = byLabel.values.reduce(0, +)
            let best = byLabel.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!
            if n >= 20 && Double(best.value) / Double(n) >= 0.97 { tagDict[word] = UInt16(best.key) }
        }

        let labelCount = labels.count, ids = labelID, dict = tagDict
        let trained = trainMembers(members, seed: seed) {
            trainMember(sentences: sentences, labelCount: labelCount, labelID: ids, tagDict: dict,
                        iterations: iterations, seed: $0, clusters: clusters, wordnet: wordnet)
        }
        return PerceptronTagger(labels: labels, tagDict: tagDict, clusters: clusters, wordnet: wordnet,
                                model: PerceptronTrainer.averaged(trained, pruneBelow: pruneBelow))
    }

    /// One perceptron trained from `seed`, before averaging.
    private static func trainMember(sentences: [CoNLLUSentence], labelCount: Int, labelID: [String: Int],
                                    tagDict: [String: UInt16], iterations: Int, seed: UInt64,
                                    clusters: WordClusters, wordnet: WordNetClasses) -> PerceptronTrainer {
        // Static features of every token, interned to rows once.
        var trainer = PerceptronTrainer()
        struct Sent { var words: [String]; var gold: [Int]; var infos: [WordInfo]; var feats: [Int32]; var starts: [Int32] }
        var data: [Sent] = []
        data.reserveCapacity(sentences.count)
        var buf: [UInt64] = []
        for s in sentences where !s.words.isEmpty {
            let words = s.forms
            let infos = TaggerFeatures.infos(words, tagDict: tagDict, clusters: clusters, wordnet: wordnet)
            var fs: [Int32] = []
            var starts: [Int32] = [0]
            fs.reserveCapacity(words.count * TaggerFeatures.staticCount)
            for i in 0..<words.count {
                buf.removeAll(keepingCapacity: true)
                TaggerFeatures.staticFeatures(infos, i, into: &buf)
                for k in buf { fs.append(trainer.intern(k)) }
                starts.append(Int32(fs.count))
            }
            data.append(Sent(words: words, gold: s.words.map { labelID[Self.label($0)]! }, infos: infos, feats: fs,
                             starts: starts))
        }

        // Perceptron.
        var scores = [Float](repeating: 0, count: labelCount)
        var active: [Int32] = []
        var rng = SplitMix64(seed: seed)
        var order = Array(data.indices)
        for _ in 0..<iterations {
            rng.shuffle(&order)
            for si in order {
                let s = data[si]
                var p1 = TaggerFeatures.start1, p2 = TaggerFeatures.start2
                for i in 0..<s.words.count {
                    let truth = s.gold[i]
                    let guess: Int
                    if let d = tagDict[s.words[i]] {
                        guess = Int(d)
                    } else {
                        active.removeAll(keepingCapacity: true)
                        for k in Int(s.starts[i])..<Int(s.starts[i + 1]) { active.append(s.feats[k]) }
                        buf.removeAll(keepingCapacity: true)
                        TaggerFeatures.dynamicFeatures(s.infos, i, p1, p2, into: &buf)
                        for k in buf { active.append(trainer.intern(k)) }
                        for c in 0..<scores.count { scores[c] = 0 }
                        trainer.score(active, into: &scores)
                        guess = TaggerFeatures.argmax(scores)
                        trainer.tick()
                        trainer.update(active, truth: truth, guess: guess)
                    }
                    p2 = p1
                    p1 = UInt64(guess)
                }
            }
        }

        return trainer
    }

    static func label(_ w: CoNLLUWord) -> String { w.upos + "|" + w.xpos }

    // MARK: Model file

    static let magic = Array("KGTAGGER2\n".utf8)

    /// Writes the model: a little-endian binary file (labels, tag dictionary, then the weights).
    public func write(to url: URL) throws {
        var out = ByteWriter()
        out.raw(Self.magic)
        out.strings(labels)
        let dict = tagDict.sorted { $0.key < $1.key }
        out.u32(UInt32(dict.count))
        for (w, l) in dict { out.str(w); out.u16(l) }
        clusters.write(into: &out)
        let wn = wordnet.sortedEntries
        out.u32(UInt32(wn.count))
        for (w, b) in wn { out.str(w); out.bytes.append(b) }
        model.write(into: &out)
        out.raw(modelTrailer)
        try out.write(to: url, what: "tagger model")
    }

    /// Loads a model written by `write(to:)`; a missing, truncated or foreign file throws
    /// `ModelError` naming the path.
    public static func load(from url: URL) throws -> PerceptronTagger {
        try readModelFile(url, what: "tagger model", magic: magic) { r in
            let labels = try r.strings(max: Int(UInt16.max), what: "label")
            let nLabels = labels.count
            let nDict = Int(try r.u32())
            var dict: [String: UInt16] = [:]
            dict.reserveCapacity(nDict)
            for _ in 0..<nDict {
                let w = try r.str()
                let l = try r.u16()
                guard Int(l) < nLabels else { throw ByteReader.Bad("bad label index") }
                dict[w] = l
            }
            let clusters = try WordClusters.read(&r)
            let nWN = Int(try r.u32())
            var wn: [String: UInt8] = [:]
            wn.reserveCapacity(nWN)
            for _ in 0..<nWN {
                let w = try r.str()
                wn[w] = try r.bytes(1).first!
            }
            let model = try SparseWeights.read(&r, classCount: nLabels)
            return PerceptronTagger(labels: labels, tagDict: dict, clusters: clusters,
                                    wordnet: WordNetClasses(entries: wn), model: model)
        }
    }
}

/// Bounds-checked little-endian reads.
struct ByteReader {
    struct Bad: Error { var reason: String; init(_ r: String) { reason = r } }
    let raw: UnsafeRawBufferPointer
    var pos = 0
    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }
    var remaining: Int { raw.count - pos }

    mutating func bytes(_ n: Int) throws -> UnsafeRawBufferPointer.SubSequence {
        guard n >= 0, remaining >= n else { throw Bad("truncated") }
        defer { pos += n }
        return raw[pos..<(pos + n)]
    }
    mutating func u16() throws -> UInt16 {
        guard remaining >= 2 else { throw Bad("truncated") }
        defer { pos += 2 }
        return UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: pos, as: UInt16.self))
    }
    mutating func u32() throws -> UInt32 {
        guard remaining >= 4 else { throw Bad("truncated") }
        defer { pos += 4 }
        return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: pos, as: UInt32.self))
    }
    mutating func u64() throws -> UInt64 {
        guard remaining >= 8 else { throw Bad("truncated") }
        defer { pos += 8 }
        return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: pos, as: UInt64.self))
    }
    /// `n` fixed-width values copied in bulk (host byte order; callers convert).
    mutating func array<T: FixedWidthInteger>(_: T.Type, _ n: Int) throws -> [T] {
        let size = n * MemoryLayout<T>.size
        guard n >= 0, remaining >= size else { throw Bad("truncated") }
        var out = [T](repeating: 0, count: n)
        out.withUnsafeMutableBytes { dst in
            dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[pos..<(pos + size)]))
        }
        pos += size
        return out
    }
    /// Strings written by `ByteWriter.strings`: at least one and at most `max` of them.
    mutating func strings(max: Int, what: String) throws -> [String] {
        let n = Int(try u32())
        guard n > 0, n <= max else { throw Bad("bad \(what) count") }
        var out: [String] = []
        for _ in 0..<n { out.append(try str()) }
        return out
    }
        mutating func str() throws -> String {
        let n = Int(try u16())
        guard let s = String(validating: try bytes(n), as: UTF8.self) else { throw Bad("bad UTF-8") }
        return s
    }
}

/// A tiny deterministic generator (Steele, Lea & Flood's SplitMix64).
public struct SplitMix64: Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return TaggerFeatures.mix(state)
    }

    /// Fisher-Yates with this generator: the same order on every run and platform.
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            a.swapAt(i, Int(next() % UInt64(i + 1)))
        }
    }
}

/// What the features need of one word, computed once per sentence.
struct WordInfo {
    var norm: UInt64
    var shape: UInt64
    var pre: (UInt64, UInt64, UInt64)
    var suf: (UInt64, UInt64, UInt64, UInt64)
    var flags: UInt64
    /// Tag-dictionary label + 1, or 0.
    var dict: UInt64
    /// Word-class path prefixes, coarse to fine (`WordClusters.levels` of them).
    var cls: (UInt64, UInt64, UInt64, UInt64)
    /// WordNet class bits.
    var wn: UInt64
}

/// Feature templates, shared by training and tagging.
enum TaggerFeatures {
    static let staticCount = 41
    static let dynamicCount = 5
    static let start1: UInt64 = 1 << 20
    static let start2: UInt64 = 1 << 21

    @inline(__always)
    static func mix(_ x0: UInt64) -> UInt64 {
        var x = x0
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// FNV-1a over scalar values, seeded by a kind tag, then mixed.
    @inline(__always)
    static func hash<C: Collection>(_ kind: UInt64, _ scalars: C) -> UInt64 where C.Element == UInt32 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ (kind &* 0x100_0000_01B3)
        for s in scalars { h = (h ^ UInt64(s)) &* 0x100_0000_01B3 }
        return mix(h ^ UInt64(scalars.count))
    }

    @inline(__always)
    static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
        mix(mix(mix(template &* 0x9E37_79B9_7F4A_7C15 ^ a) ^ b) &+ c)
    }

    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
    static let yearHash = hash(1, scalars("!YEAR"))
    static let digitsHash = hash(1, scalars("!DIGITS"))
    static let pads: [UInt64] = ["-START2-", "-START-", "-END-", "-END2-"].map { hash(99, scalars($0)) }

    static func padInfo(_ h: UInt64) -> WordInfo {
        WordInfo(norm: h, shape: h, pre: (h, h, h), suf: (h, h, h, h), flags: h, dict: h, cls: (h, h, h, h), wn: h)
    }

    /// Word infos with two pads on each side.
    static func infos(_ words: [String], tagDict: [String: UInt16], clusters: WordClusters,
                      wordnet: WordNetClasses, cache: [String: WordInfo] = [:]) -> [WordInfo] {
        var out: [WordInfo] = [padInfo(pads[0]), padInfo(pads[1])]
        out.reserveCapacity(words.count + 4)
        for (i, w) in words.enumerated() {
            if var c = cache[w] {
                // Cached infos are for a word inside the sentence.
                if i == 0 && c.flags & 2 != 0 { c.flags ^= 3 }
                out.append(c)
            } else {
                out.append(info(w, first: i == 0, tagDict: tagDict, clusters: clusters, wordnet: wordnet))
            }
        }
        out.append(padInfo(pads[2]))
        out.append(padInfo(pads[3]))
        return out
    }

    static func info(_ word: String, first: Bool, tagDict: [String: UInt16], clusters: WordClusters,
                     wordnet: WordNetClasses) -> WordInfo {
        let raw = scalars(word)
        // ASCII words (most) skip the Unicode property tables; the answers are the same.
        let ascii = raw.allSatisfy { $0 < 128 }
        let lower = ascii ? raw.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } : scalars(word.lowercased())
        func isUpper(_ v: UInt32) -> Bool { ascii ? v >= 65 && v <= 90 : Unicode.Scalar(v)!.properties.isUppercase }
        func isLower(_ v: UInt32) -> Bool { ascii ? v >= 97 && v <= 122 : Unicode.Scalar(v)!.properties.isLowercase }
        func isDigit(_ v: UInt32) -> Bool { ascii ? v >= 48 && v <= 57 : Unicode.Scalar(v)!.properties.numericType == .decimal }
        var hasDigit = false, hasUpper = false, hasLower = false, hasHyphen = false, allDigits = !raw.isEmpty
        var shape: [UInt32] = []
        for v in raw {
            let c: UInt32
            let digit = isDigit(v)
            if isUpper(v) { c = 88; hasUpper = true } // X
            else if isLower(v) { c = 120; hasLower = true } // x
            else if digit { c = 100; hasDigit = true } // d
            else { c = v; if v == 45 { hasHyphen = true } }
            if !digit { allDigits = false }
            if shape.count < 2 || shape[shape.count - 1] != c || shape[shape.count - 2] != c { shape.append(c) }
        }
        let norm: UInt64
        if allDigits && raw.count == 4 { norm = yearHash }
        else if let f = raw.first, isDigit(f) { norm = digitsHash }
        else { norm = hash(1, lower) }
        let initialUpper = raw.first.map(isUpper) ?? false
        var flags: UInt64 = 0
        if initialUpper { flags |= first ? 1 : 2 }
        if hasUpper && !hasLower { flags |= 4 }
        if hasDigit { flags |= 8 }
        if hasHyphen { flags |= 16 }
        if raw.count <= 3 { flags |= 32 }
        func p(_ k: Int) -> UInt64 { hash(UInt64(10 + k), lower.prefix(k)) }
        func s(_ k: Int) -> UInt64 { hash(UInt64(20 + k), lower.suffix(k)) }
        return WordInfo(norm: norm, shape: hash(3, shape), pre: (p(1), p(2), p(3)), suf: (s(1), s(2), s(3), s(4)),
                        flags: flags, dict: tagDict[word].map { UInt64($0) + 1 } ?? 0, cls: classes(clusters.path(word)),
                        wn: wordnet.classes(word))
    }

    static func classes(_ path: UInt16) -> (UInt64, UInt64, UInt64, UInt64) {
        (UInt64(WordClusters.prefix(path, depth: 1)), UInt64(WordClusters.prefix(path, depth: 2)),
         UInt64(WordClusters.prefix(path, depth: 3)), UInt64(WordClusters.prefix(path, depth: 4)))
    }

    /// Features that do not depend on predicted tags; exactly `staticCount` of them.
    static func staticFeatures(_ infos: [WordInfo], _ i: Int, into f: inout [UInt64]) {
        let j = i + 2
        let w = infos[j], m1 = infos[j - 1], m2 = infos[j - 2], p1 = infos[j + 1], p2 = infos[j + 2]
        f.append(key(0, 0))
        f.append(key(1, w.norm))
        f.append(key(2, w.suf.0))
        f.append(key(3, w.suf.1))
        f.append(key(4, w.suf.2))
        f.append(key(5, w.suf.3))
        f.append(key(6, w.pre.0))
        f.append(key(7, w.pre.1))
        f.append(key(8, w.pre.2))
        f.append(key(9, w.shape))
        f.append(key(10, w.flags))
        f.append(key(11, m1.norm))
        f.append(key(12, m2.norm))
        f.append(key(13, p1.norm))
        f.append(key(14, p2.norm))
        f.append(key(15, m1.suf.2))
        f.append(key(16, p1.suf.2))
        f.append(key(17, m1.shape))
        f.append(key(18, p1.shape))
        f.append(key(19, w.norm, p1.norm))
        f.append(key(20, m1.norm, w.norm))
        f.append(key(21, p1.dict))
        f.append(key(22, p1.dict, w.suf.2))
        f.append(key(23, p2.dict))
        f.append(key(24, w.shape, p1.shape))
        f.append(key(25, m1.norm, p1.norm))
        // Word classes of the word and its neighbours, WordNet classes.
        f.append(key(40, w.cls.0))
        f.append(key(41, w.cls.1))
        f.append(key(42, w.cls.2))
        f.append(key(43, w.cls.3))
        f.append(key(44, m1.cls.1))
        f.append(key(45, m1.cls.3))
        f.append(key(46, p1.cls.1))
        f.append(key(47, p1.cls.3))
        f.append(key(48, m2.cls.1))
        f.append(key(49, p2.cls.1))
        f.append(key(50, w.wn))
        f.append(key(51, p1.wn))
        f.append(key(52, m1.wn))
        f.append(key(55, w.cls.1, p1.cls.1))
        f.append(key(56, m1.cls.1, w.cls.1))
    }

    /// Features of the two previous predicted labels; exactly `dynamicCount` of them.
    static func dynamicFeatures(_ infos: [WordInfo], _ i: Int, _ t1: UInt64, _ t2: UInt64, into f: inout [UInt64]) {
        let w = infos[i + 2]
        f.append(key(30, t1))
        f.append(key(31, t2))
        f.append(key(32, t1, t2))
        f.append(key(33, t1, w.norm))
        f.append(key(34, t1, w.suf.2))
    }

    @inline(__always)
    static func argmax(_ scores: [Float]) -> Int {
        var best = 0
        var bv = scores[0]
        for c in 1..<scores.count where scores[c] > bv { bv = scores[c]; best = c }
        return best
    }
}
