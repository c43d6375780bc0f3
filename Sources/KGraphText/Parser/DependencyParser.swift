import Foundation

/// A labelled, greedy arc-eager dependency parser (Nivre 2003) trained with a dynamic oracle
/// (Goldberg & Nivre 2012) and averaged perceptrons, with features in the style of Zhang & Nivre
/// (2011). One classifier scores the four unlabelled transitions; when a transition makes an
/// arc, a second classifier picks its label (full UD deprels such as `nsubj:pass`).
///
/// The artificial root comes after the last word (Ballesteros & Nivre 2013), so the words left on
/// the stack at the end are attached to it; when that gives the root several dependents, the
/// first that is not punctuation keeps it and takes the others. Every output is a tree.
public struct DependencyParser: Sendable {
    /// Dependency relations, sorted; the label classifier's classes.
    public let labels: [String]
    /// Index of "root" in `labels`.
    let rootLabel: Int
    /// Transition weights: classes are `Move` raw values.
    let transitions: SparseWeights
    /// Label weights: classes are indices into `labels`.
    let labeller: SparseWeights

    init(labels: [String], transitions: SparseWeights, labeller: SparseWeights) {
        self.labels = labels
        self.rootLabel = labels.firstIndex(of: "root") ?? 0
        self.transitions = transitions
        self.labeller = labeller
    }

    /// Feature rows and weights kept in both classifiers.
    public var featureCount: Int { transitions.rowCount + labeller.rowCount }
    public var weightCount: Int { transitions.entryCount + labeller.entryCount }

    // MARK: Parsing

    /// Parses a tagged sentence: one (head, deprel) per word, heads 1-based with 0 for the root.
    /// The result is always a tree with exactly one word attached to the root.
    public func parse(words: [String], upos: [String], xpos: [String]) -> [(head: Int, deprel: String)] {
        let n = words.count
        if n == 0 { return [] }
        let atoms = ParserAtoms(words: words, upos: upos, xpos: xpos)
        var st = ParseState(n: n)
        var feats: [UInt64] = []
        feats.reserveCapacity(ParserFeatures.transitionCount)
        var scores = [Float](repeating: 0, count: Move.count)
        var lscores = [Float](repeating: 0, count: labels.count)
        while !st.done {
            let move: Int
            if let forced = st.forced {
                move = forced
            } else if st.stack.isEmpty {
                // Shift is the only valid move: nothing to score.
                move = Move.shift
            } else {
                feats.removeAll(keepingCapacity: true)
                ParserFeatures.transition(st, atoms, into: &feats)
                for m in 0..<Move.count { scores[m] = 0 }
                transitions.score(feats, into: &scores)
                move = st.best(scores)
            }
            var label = rootLabel
            if let (h, d) = st.arc(move), h != st.root {
                label = chooseLabel(st, atoms, head: h, dep: d, &feats, &lscores)
            }
            st.apply(move, label: label)
        }
        finish(&st, atoms, &feats, &lscores)
        var out: [(head: Int, deprel: String)] = []
        out.reserveCapacity(n)
        for i in 1...n { out.append((st.head[i] == n + 1 ? 0 : Int(st.head[i]), labels[Int(st.label[i]) - 1])) }
        ParseRepair.repair(words: words, upos: upos, xpos: xpos, arcs: &out)
        return out
    }

    /// The best non-root label for the arc head -> dep.
    func chooseLabel(_ st: ParseState, _ atoms: ParserAtoms, head: Int, dep: Int,
                     _ feats: inout [UInt64], _ lscores: inout [Float]) -> Int {
        feats.removeAll(keepingCapacity: true)
        ParserFeatures.label(st, atoms, head: head, dep: dep, into: &feats)
        for c in 0..<lscores.count { lscores[c] = 0 }
        labeller.score(feats, into: &lscores)
        return Self.argmax(lscores, excluding: rootLabel)
    }

    /// Keeps one dependent of the root (the first that is not punctuation) and attaches the
    /// root's other dependents to it.
    func finish(_ st: inout ParseState, _ atoms: ParserAtoms, _ feats: inout [UInt64], _ lscores: inout [Float]) {
        let root = Int32(st.root)
        let tops = (1...st.n).filter { st.head[$0] == root }
        guard tops.count > 1 else { return }
        let top = tops.first { !atoms.punct[$0] } ?? tops[0]
        for d in tops where d != top {
            let l = chooseLabel(st, atoms, head: top, dep: d, &feats, &lscores)
            st.head[d] = Int32(top)
            st.label[d] = UInt64(l + 1)
        }
    }

    @inline(__always)
    static func argmax(_ scores: [Float], excluding skip: Int) -> Int {
        var best = -1
        var bv: Float = 0
        for c in 0..<scores.count where c != skip && (best < 0 || scores[c] > bv) {
            best = c
            bv = scores[c]
        }
        return max(best, 0)
    }

    // MARK: Model file

    static let magic = Array("KGPARSER1\n".utf8)

    /// Writes the model: labels, then the transition and label weights, little-endian.
    public func write(to url: URL) throws {
        var out = ByteWriter()
        out.raw(Self.magic)
        out.strings(labels)
        transitions.write(into: &out)
        labeller.write(into: &out)
        out.raw(modelTrailer)
        try out.write(to: url, what: "parser model")
    }

    /// Loads a model written by `write(to:)`; a missing, truncated or foreign file throws
    /// `ModelError` naming the path.
    public static func load(from url: URL) throws -> DependencyParser {
        try readModelFile(url, what: "parser model", magic: magic) { r in
            let labels = try r.strings(max: Int(UInt16.max), what: "label")
            let nLabels = labels.count
            guard labels.contains("root") else { throw ByteReader.Bad("no root label") }
            let transitions = try SparseWeights.read(&r, classCount: Move.count)
            let labeller = try SparseWeights.read(&r, classCount: nLabels)
            return DependencyParser(labels: labels, transitions: transitions, labeller: labeller)
        }
    }
}

/// Arc-eager transitions.
enum Move {
    static let shift = 0, reduce = 1, left = 2, right = 3
    static let count = 4
}

/// Hashed atoms of each word, computed once per sentence: words are 1...n, index 0 is the
/// sentence start, n + 1 the root (after the last word) and n + 2 stands for "no word".
struct ParserAtoms {
    var w: [UInt64]
    var p: [UInt64]
    /// UPOS alone.
    var u: [UInt64]
    /// Last three letters (lower-cased) and a capitalization class (0 lower, 1 initial, 2 other).
    var suffix: [UInt64]
    var caps: [UInt64]
    var punct: [Bool]
    /// Punctuation marks and verbs (VERB, AUX) among words 1...i, for counts between two words.
    var punctsUpTo: [Int32]
    var verbsUpTo: [Int32]

    static let rootAtom = TaggerFeatures.hash(40, TaggerFeatures.scalars("<ROOT>"))
    static let noneAtom = TaggerFeatures.hash(40, TaggerFeatures.scalars("<NONE>"))
    static let startAtom = TaggerFeatures.hash(40, TaggerFeatures.scalars("<S>"))
    static let digits = TaggerFeatures.hash(41, TaggerFeatures.scalars("!DIGITS"))

    init(words: [String], upos: [String], xpos: [String]) {
        let n = words.count
        w = [UInt64](repeating: Self.noneAtom, count: n + 3)
        p = w
        u = w
        suffix = w
        caps = [UInt64](repeating: 3, count: n + 3)
        punct = [Bool](repeating: false, count: n + 3)
        punctsUpTo = [Int32](repeating: 0, count: n + 3)
        verbsUpTo = punctsUpTo
        for (i, a) in [(0, Self.startAtom), (n + 1, Self.rootAtom)] {
            w[i] = a
            p[i] = a
            u[i] = a
            suffix[i] = a
        }
        for i in 0..<n {
            let u = i < upos.count ? upos[i] : "_"
            let x = i < xpos.count ? xpos[i] : "_"
            w[i + 1] = Self.wordAtom(words[i])
            (suffix[i + 1], caps[i + 1]) = Self.suffixAndCaps(words[i])
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in u.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            h = (h ^ 124) &* 0x100_0000_01B3
            for b in x.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            p[i + 1] = TaggerFeatures.mix(h ^ 0x7461_6773)
            var hu: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in u.utf8 { hu = (hu ^ UInt64(b)) &* 0x100_0000_01B3 }
            self.u[i + 1] = TaggerFeatures.mix(hu ^ 0x7570_6F73)
            punct[i + 1] = u == "PUNCT"
            punctsUpTo[i + 1] = punctsUpTo[i] + (punct[i + 1] ? 1 : 0)
            verbsUpTo[i + 1] = verbsUpTo[i] + (u == "VERB" || u == "AUX" ? 1 : 0)
        }
        punctsUpTo[n + 1] = punctsUpTo[n]
        punctsUpTo[n + 2] = punctsUpTo[n]
        verbsUpTo[n + 1] = verbsUpTo[n]
        verbsUpTo[n + 2] = verbsUpTo[n]
    }

    static func suffixAndCaps(_ word: String) -> (UInt64, UInt64) {
        @inline(__always) func lower(_ c: Unicode.Scalar) -> UInt64 {
            if c.value < 128 { return UInt64(c.value >= 65 && c.value <= 90 ? c.value + 32 : c.value) }
            return UInt64(c.properties.lowercaseMapping.unicodeScalars.first?.value ?? c.value)
        }
        @inline(__always) func upper(_ c: Unicode.Scalar) -> Bool {
            c.value < 128 ? (c.value >= 65 && c.value <= 90) : c.properties.isUppercase
        }
        let scalars = word.unicodeScalars
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ 0x7375_6666
        var k = 0
        for c in scalars.reversed() {
            if k == 3 { break }
            h = (h ^ lower(c)) &* 0x100_0000_01B3
            k += 1
        }
        var caps: UInt64 = 0
        if let f = scalars.first, upper(f) {
            caps = scalars.dropFirst().contains { upper($0) } ? 2 : 1
        }
        return (TaggerFeatures.mix(h), caps)
    }

    /// The lower-cased form; numbers collapse to one atom.
    static func wordAtom(_ word: String) -> UInt64 {
        if let f = word.unicodeScalars.first, f.value < 128 ? (f.value >= 48 && f.value <= 57) : f.properties.numericType == .decimal {
            return digits
        }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ 0x776F_7264
        var allASCII = true
        for b in word.utf8 {
            if b >= 0x80 { allASCII = false; break }
            let c = b >= 65 && b <= 90 ? b + 32 : b
            h = (h ^ UInt64(c)) &* 0x100_0000_01B3
        }
        if !allASCII {
            h = 0xCBF2_9CE4_8422_2325 ^ 0x776F_7264
            for b in word.lowercased().utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        }
        return TaggerFeatures.mix(h)
    }
}

/// A parser configuration: stack, buffer front and the partial tree with the bookkeeping the
/// features need (two leftmost and two rightmost children, valencies, label sets). The root is
/// the last buffer item (Ballesteros & Nivre 2013), so attaching to it is decided at the end.
struct ParseState {
    let n: Int
    var stack: [Int32]
    /// Buffer front; the buffer is b...n + 1, where n + 1 is the root.
    var b: Int
    /// Head of each word, -1 when none.
    var head: [Int32]
    /// Label index + 1 of each word's arc, 0 when none.
    var label: [UInt64]
    var lc1: [Int32], lc2: [Int32], rc1: [Int32], rc2: [Int32]
    var lv: [UInt64], rv: [UInt64]
    var lset: [UInt64], rset: [UInt64]

    init(n: Int) {
        self.n = n
        stack = []
        stack.reserveCapacity(n)
        b = 1
        head = [Int32](repeating: -1, count: n + 3)
        label = [UInt64](repeating: 0, count: n + 3)
        lc1 = [Int32](repeating: Int32(n + 2), count: n + 3)
        lc2 = lc1
        rc1 = lc1
        rc2 = lc1
        lv = [UInt64](repeating: 0, count: n + 3)
        rv = lv
        lset = lv
        rset = lv
    }

    var root: Int { n + 1 }
    var none: Int { n + 2 }
    var done: Bool { b > n && stack.isEmpty }
    /// The stack top, or `none`.
    var s0: Int { stack.isEmpty ? n + 2 : Int(stack[stack.count - 1]) }

    /// Once the root is at the front, each stack word is attached to it or popped: no choice.
    var forced: Int? { b > n ? (head[s0] < 0 ? Move.left : Move.reduce) : nil }

    @inline(__always)
    func valid(_ m: Int) -> Bool {
        switch m {
        case Move.shift: return b <= n
        case Move.reduce: return !stack.isEmpty && head[s0] >= 0
        case Move.left: return !stack.isEmpty && head[s0] < 0
        default: return !stack.isEmpty && b <= n
        }
    }

    /// The best valid move while a word is at the buffer front (shift is valid then).
    @inline(__always)
    func best(_ scores: [Float]) -> Int {
        var best = Move.shift
        for m in 1..<Move.count where valid(m) && scores[m] > scores[best] { best = m }
        return best
    }

    /// The arc (head, dependent) a move makes, if any.
    @inline(__always)
    func arc(_ m: Int) -> (Int, Int)? {
        if m == Move.left { return (b, s0) }
        if m == Move.right { return (s0, b) }
        return nil
    }

    mutating func addArc(head h: Int, dep d: Int, label l: Int) {
        head[d] = Int32(h)
        label[d] = UInt64(l + 1)
        let bit: UInt64 = 1 << UInt64(l & 63)
        if d < h {
            lv[h] += 1
            lset[h] |= bit
            if lc1[h] > n + 1 || d < lc1[h] { lc2[h] = lc1[h]; lc1[h] = Int32(d) }
            else if lc2[h] > n + 1 || d < lc2[h] { lc2[h] = Int32(d) }
        } else {
            rv[h] += 1
            rset[h] |= bit
            if rc1[h] > n + 1 || d > rc1[h] { rc2[h] = rc1[h]; rc1[h] = Int32(d) }
            else if rc2[h] > n + 1 || d > rc2[h] { rc2[h] = Int32(d) }
        }
    }

    mutating func apply(_ m: Int, label l: Int) {
        switch m {
        case Move.shift:
            stack.append(Int32(b))
            b += 1
        case Move.reduce:
            stack.removeLast()
        case Move.left:
            addArc(head: b, dep: s0, label: l)
            stack.removeLast()
        default:
            addArc(head: s0, dep: b, label: l)
            stack.append(Int32(b))
            b += 1
        }
    }
}

/// Feature templates shared by training and parsing.
enum ParserFeatures {
    static let transitionCount = 95
    static let labelCount = 36

    /// A feature key: the atoms (already well mixed hashes or small numbers) rotated apart and
    /// mixed once, which is cheaper than `TaggerFeatures.key`'s three rounds.
    @inline(__always)
    static func key(_ t: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
        TaggerFeatures.mix((t &* 0x9E37_79B9_7F4A_7C15) ^ a ^ (b << 21 | b >> 43) ^ (c << 42 | c >> 22))
    }

    @inline(__always)
    static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 { TaggerFeatures.mix(a &+ 0x9E37_79B9_7F4A_7C15) ^ b }

    /// Zhang & Nivre (2011) features of a configuration whose buffer is not empty.
    static func transition(_ s: ParseState, _ a: ParserAtoms, into f: inout [UInt64]) {
        let none = s.none
        let s0 = s.s0
        let n0 = s.b
        let n1 = n0 + 1 <= s.root ? n0 + 1 : none
        let n2 = n0 + 2 <= s.root ? n0 + 2 : none
        let s1 = s.stack.count >= 2 ? Int(s.stack[s.stack.count - 2]) : none
        let s0h = s.head[s0] >= 0 ? Int(s.head[s0]) : none
        let s0h2 = s.head[s0h] >= 0 ? Int(s.head[s0h]) : none
        let s0l = Int(s.lc1[s0]), s0l2 = Int(s.lc2[s0]), s0r = Int(s.rc1[s0]), s0r2 = Int(s.rc2[s0])
        let n0l = Int(s.lc1[n0]), n0l2 = Int(s.lc2[n0])

        let W = a.w, P = a.p, L = s.label
        let ws0 = W[s0], ps0 = P[s0], wn0 = W[n0], pn0 = P[n0]
        let wn1 = W[n1], pn1 = P[n1], wn2 = W[n2], pn2 = P[n2]
        let d = s0 == none ? 0 : UInt64(min(n0 - s0, 10))
        let s0wp = pair(ws0, ps0), n0wp = pair(wn0, pn0)

        f.append(key(0, 0))
        // Single words.
        f.append(key(1, s0wp))
        f.append(key(2, ws0))
        f.append(key(3, ps0))
        f.append(key(4, n0wp))
        f.append(key(5, wn0))
        f.append(key(6, pn0))
        f.append(key(7, wn1, pn1))
        f.append(key(8, wn1))
        f.append(key(9, pn1))
        f.append(key(10, wn2, pn2))
        f.append(key(11, wn2))
        f.append(key(12, pn2))
        // Pairs.
        f.append(key(13, s0wp, n0wp))
        f.append(key(14, s0wp, wn0))
        f.append(key(15, ws0, n0wp))
        f.append(key(16, s0wp, pn0))
        f.append(key(17, ps0, n0wp))
        f.append(key(18, ws0, wn0))
        f.append(key(19, ps0, pn0))
        f.append(key(20, pn0, pn1))
        // Three words.
        f.append(key(21, pn0, pn1, pn2))
        f.append(key(22, ps0, pn0, pn1))
        f.append(key(23, P[s0h], ps0, pn0))
        f.append(key(24, ps0, P[s0l], pn0))
        f.append(key(25, ps0, P[s0r], pn0))
        f.append(key(26, ps0, pn0, P[n0l]))
        // Distance.
        f.append(key(27, ws0, d))
        f.append(key(28, ps0, d))
        f.append(key(29, wn0, d))
        f.append(key(30, pn0, d))
        f.append(key(31, ws0, wn0, d))
        f.append(key(32, ps0, pn0, d))
        // Valency.
        f.append(key(33, ws0, s.rv[s0]))
        f.append(key(34, ps0, s.rv[s0]))
        f.append(key(35, ws0, s.lv[s0]))
        f.append(key(36, ps0, s.lv[s0]))
        f.append(key(37, wn0, s.lv[n0]))
        f.append(key(38, pn0, s.lv[n0]))
        // Heads, labels and outer children.
        f.append(key(39, W[s0h]))
        f.append(key(40, P[s0h]))
        f.append(key(41, L[s0]))
        f.append(key(42, W[s0l]))
        f.append(key(43, P[s0l]))
        f.append(key(44, L[s0l]))
        f.append(key(45, W[s0r]))
        f.append(key(46, P[s0r]))
        f.append(key(47, L[s0r]))
        f.append(key(48, W[n0l]))
        f.append(key(49, P[n0l]))
        f.append(key(50, L[n0l]))
        // Third order.
        f.append(key(51, W[s0h2]))
        f.append(key(52, P[s0h2]))
        f.append(key(53, L[s0h]))
        f.append(key(54, W[s0l2]))
        f.append(key(55, P[s0l2]))
        f.append(key(56, L[s0l2]))
        f.append(key(57, W[s0r2]))
        f.append(key(58, P[s0r2]))
        f.append(key(59, L[s0r2]))
        f.append(key(60, W[n0l2]))
        f.append(key(61, P[n0l2]))
        f.append(key(62, L[n0l2]))
        f.append(key(63, ps0, P[s0l], P[s0l2]))
        f.append(key(64, ps0, P[s0r], P[s0r2]))
        f.append(key(65, ps0, P[s0h], P[s0h2]))
        f.append(key(66, pn0, P[n0l], P[n0l2]))
        // Label sets.
        f.append(key(67, ws0, s.rset[s0]))
        f.append(key(68, ps0, s.rset[s0]))
        f.append(key(69, ws0, s.lset[s0]))
        f.append(key(70, ps0, s.lset[s0]))
        f.append(key(71, wn0, s.lset[n0]))
        f.append(key(72, pn0, s.lset[n0]))
        // The second stack word and the label context of s0.
        f.append(key(73, P[s1], ps0, pn0))
        f.append(key(74, W[s1], P[s1]))
        f.append(key(75, L[s0], ps0, pn0))
        f.append(key(76, L[s0], s.rset[s0], pn0))
        f.append(key(77, ps0, pn0, s.head[s0] >= 0 ? 1 : 0))
        f.append(key(78, pn0, P[n0 - 1]))
        f.append(key(79, ps0, P[s0 == none ? none : s0 + 1], pn0))
        // Coarse tags, words in between, more lexical context.
        let U = a.u
        let n3 = n0 + 3 <= s.root ? n0 + 3 : none
        let puncts = s0 == none ? 7 : UInt64(min(a.punctsUpTo[n0 - 1] - a.punctsUpTo[s0], 3))
        let verbs = s0 == none ? 7 : UInt64(min(a.verbsUpTo[n0 - 1] - a.verbsUpTo[s0], 2))
        f.append(key(80, U[s0], U[n0]))
        f.append(key(81, U[s0], U[n0], U[n1]))
        f.append(key(82, ps0, pn0, puncts))
        f.append(key(83, ps0, pn0, verbs))
        f.append(key(84, wn0, wn1))
        f.append(key(85, pn1, pn2, P[n3]))
        f.append(key(86, ws0, pn0, pn1))
        f.append(key(87, ps0, wn0, pn1))
        f.append(key(88, U[s1], U[s0], U[n0]))
        f.append(key(89, U[s0h], U[s0], pair(U[n0], d)))
        let S = a.suffix
        f.append(key(90, S[s0], pn0))
        f.append(key(91, ps0, S[n0]))
        f.append(key(92, S[n0], pn1))
        f.append(key(93, S[s0], S[n0]))
        f.append(key(94, a.caps[s0] | a.caps[n0] << 2, ps0, pn0))
    }

    /// Features for labelling the arc head -> dep.
    static func label(_ s: ParseState, _ a: ParserAtoms, head h: Int, dep d: Int, into f: inout [UInt64]) {
        let none = s.none
        let W = a.w, P = a.p, L = s.label
        let dir: UInt64 = d < h ? 1 : 2
        let wd = W[d], pd = P[d], wh = W[h], ph = P[h]
        let dist = UInt64(min(abs(h - d), 8)) | dir << 8
        let hh = s.head[h] >= 0 ? Int(s.head[h]) : none
        let dl = Int(s.lc1[d]), dr = Int(s.rc1[d])
        f.append(key(100, dir))
        f.append(key(101, dir, wd, pd))
        f.append(key(102, dir, wd))
        f.append(key(103, dir, pd))
        f.append(key(104, dir, wh, ph))
        f.append(key(105, dir, wh))
        f.append(key(106, dir, ph))
        f.append(key(107, dir, ph, pd))
        f.append(key(108, dir, wh, pd))
        f.append(key(109, dir, ph, wd))
        f.append(key(110, dir, wh, wd))
        f.append(key(111, dist, ph, pd))
        f.append(key(112, dist, pd))
        f.append(key(113, dir, pd, L[dl]))
        f.append(key(114, dir, pd, L[dr]))
        f.append(key(115, dir, pd, P[dl]))
        f.append(key(116, dir, pd, P[dr]))
        f.append(key(117, dir, pd, W[dl]))
        f.append(key(118, dir, pd, W[dr]))
        f.append(key(119, dir, ph, pair(pd, s.lset[h])))
        f.append(key(120, dir, ph, pair(pd, s.rset[h])))
        f.append(key(121, dir, ph, pair(pd, L[h])))
        f.append(key(122, dir, pd, pair(P[d - 1], P[d + 1])))
        f.append(key(123, dir, ph, pair(P[h - 1 < 0 ? none : h - 1], P[h + 1 > none ? none : h + 1])))
        f.append(key(124, dir, pd, pair(s.lset[d], s.rset[d])))
        f.append(key(125, dir, ph, pair(pd, P[hh])))
        f.append(key(126, dir, wd, ph))
        f.append(key(127, dir, pd, pair(s.lv[d], s.rv[d])))
        f.append(key(128, dir, wh, pair(pd, s.lset[h] | s.rset[h])))
        f.append(key(129, dir, pd, pair(ph, P[dl])))
        f.append(key(130, dir, pd, pair(ph, P[dr])))
        f.append(key(131, dir, ph, pair(wd, P[d + 1])))
        let U = a.u
        f.append(key(132, dir, a.u[d], U[h]))
        f.append(key(134, dir, a.suffix[d], ph))
        f.append(key(135, dir, pd, a.suffix[h]))
        f.append(key(133, dir, wd, pair(U[h], UInt64(min(abs(a.punctsUpTo[max(h, d) - 1] - a.punctsUpTo[min(h, d)]), 2)))))
    }
}
