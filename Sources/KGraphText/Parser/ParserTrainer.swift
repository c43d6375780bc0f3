import Foundation

extension DependencyParser {
    /// Trains on sentences with gold trees, using the tags the sentences carry (give it predicted
    /// tags to make it robust to tagger errors). Deterministic: the sentence order and the
    /// exploration come from SplitMix64 generators with a fixed seed.
    ///
    /// Training follows Goldberg & Nivre's dynamic oracle: from the second iteration on, the
    /// parser follows its own (possibly wrong) transitions with probability `explore` and learns
    /// the best continuation from there. Non-projective gold trees are projectivized by lifting
    /// (Nivre & Nilsson 2005, without encoding the lift in the label); trees that would need a
    /// second root, or whose heads are missing or cyclic, are skipped.
    ///
    /// With `members` above one, that many parsers are trained from different seeds (two at a
    /// time) and their averaged weights averaged again: for linear scorers this is the ensemble
    /// that sums the members' scores, at the cost of one parser when parsing.
    static func train(sentences: [CoNLLUSentence], iterations: Int = 15, seed: UInt64 = 0x5EED,
                      explore: Double = 0.75, pruneBelow: Float = 1.5, members: Int = 1) -> DependencyParser {
        let all = trainMembers(members, seed: seed) {
            trainers(sentences: sentences, iterations: iterations, seed: $0, explore: explore)
        }
        return DependencyParser(labels: all[0].labels,
                                transitions: PerceptronTrainer.averaged(all.map(\.transitions), pruneBelow: pruneBelow),
                                labeller: PerceptronTrainer.averaged(all.map(\.labeller), pruneBelow: pruneBelow))
    }

    /// The labels and the two perceptrons before averaging.
    static func trainers(sentences: [CoNLLUSentence], iterations: Int, seed: UInt64, explore: Double)
        -> (labels: [String], transitions: PerceptronTrainer, labeller: PerceptronTrainer) {
        // Labels: every deprel plus "root".
        var labelSet: Set<String> = ["root"]
        for s in sentences { for w in s.words { labelSet.insert(w.deprel) } }
        let labels = labelSet.sorted()
        var labelID: [String: Int] = [:]
        for (i, l) in labels.enumerated() { labelID[l] = i }
        let rootLabel = labelID["root"]!

        struct Sent { var atoms: ParserAtoms; var gold: [Int]; var goldLabel: [Int] }
        var data: [Sent] = []
        data.reserveCapacity(sentences.count)
        for s in sentences where !s.words.isEmpty {
            guard let gold = Projectivity.projectivized(s.heads) else { continue }
            let g = [-1] + gold.map { $0 == 0 ? gold.count + 1 : $0 } + [-1]
            let gl = [rootLabel] + s.words.map { labelID[$0.deprel]! } + [rootLabel]
            data.append(Sent(atoms: ParserAtoms(words: s.forms, upos: s.upos, xpos: s.xpos), gold: g, goldLabel: gl))
        }

        var trans = PerceptronTrainer()
        var labeller = PerceptronTrainer()
        var feats: [UInt64] = [], rows: [Int32] = []
        var scores = [Float](repeating: 0, count: Move.count)
        var lscores = [Float](repeating: 0, count: labels.count)
        var costs = [Int](repeating: 0, count: Move.count)
        var rng = SplitMix64(seed: seed)
        var order = Array(data.indices)

        func lookup(_ t: PerceptronTrainer, _ feats: [UInt64], _ rows: inout [Int32]) {
            rows.removeAll(keepingCapacity: true)
            for k in feats { if let r = t.row(k) { rows.append(r) } }
        }

        for it in 0..<iterations {
            rng.shuffle(&order)
            let exploring = it > 0 && explore > 0
            for si in order {
                let s = data[si]
                var st = ParseState(n: s.gold.count - 2)
                while !st.done {
                    if let forced = st.forced {
                        st.apply(forced, label: rootLabel)
                        continue
                    }
                    feats.removeAll(keepingCapacity: true)
                    ParserFeatures.transition(st, s.atoms, into: &feats)
                    lookup(trans, feats, &rows)
                    for m in 0..<Move.count { scores[m] = 0 }
                    trans.score(rows, into: &scores)
                    let pred = st.best(scores)
                    Oracle.costs(st, gold: s.gold, into: &costs)
                    var minCost = Int.max
                    for m in 0..<Move.count where st.valid(m) { minCost = min(minCost, costs[m]) }
                    var bestOK = -1
                    for m in 0..<Move.count where st.valid(m) && costs[m] == minCost {
                        if bestOK < 0 || scores[m] > scores[bestOK] { bestOK = m }
                    }
                    trans.tick()
                    var next = pred
                    if costs[pred] > minCost {
                        let active = feats.map { trans.intern($0) }
                        trans.update(active, truth: bestOK, guess: pred)
                        if !(exploring && Self.unit(&rng) < explore) { next = bestOK }
                    }
                    var label = rootLabel
                    if let (h, d) = st.arc(next), h != st.root {
                        feats.removeAll(keepingCapacity: true)
                        ParserFeatures.label(st, s.atoms, head: h, dep: d, into: &feats)
                        lookup(labeller, feats, &rows)
                        for c in 0..<lscores.count { lscores[c] = 0 }
                        labeller.score(rows, into: &lscores)
                        let guess = Self.argmax(lscores, excluding: rootLabel)
                        label = guess
                        if s.gold[d] == h {
                            let truth = s.goldLabel[d]
                            labeller.tick()
                            if guess != truth {
                                let active = feats.map { labeller.intern($0) }
                                labeller.update(active, truth: truth, guess: guess)
                            }
                            if !exploring { label = truth }
                        }
                    }
                    st.apply(next, label: label)
                }
            }
        }
        return (labels, trans, labeller)
    }

    static func unit(_ rng: inout SplitMix64) -> Double { Double(rng.next() >> 11) * 0x1p-53 }
}

/// Goldberg & Nivre's (2012) dynamic oracle for arc-eager with the root at the end of the
/// buffer: the number of gold arcs each transition makes unreachable.
enum Oracle {
    /// `gold[i]` is the gold head of word i, n + 1 for the root (index 0 and n + 1 unused).
    /// Costs of invalid moves are left unspecified; all are 0 when the move is forced.
    static func costs(_ st: ParseState, gold: [Int], into c: inout [Int]) {
        let s0 = st.s0, b = st.b, n = st.n
        guard b <= n, !st.stack.isEmpty else {
            for m in 0..<Move.count { c[m] = 0 }
            return
        }
        // Gold dependents of s0 in the buffer (b included).
        var s0KidsInBuffer = 0
        for k in b...n where gold[k] == s0 { s0KidsInBuffer += 1 }
        // Headless stack words whose gold head is b, and whether b's gold head is on the stack.
        var headlessKidsOfB = 0
        var headOnStack = false
        let gb = gold[b]
        for x in st.stack {
            let k = Int(x)
            if st.head[k] < 0 && gold[k] == b { headlessKidsOfB += 1 }
            if k == gb { headOnStack = true }
        }
        c[Move.shift] = (headOnStack ? 1 : 0) + headlessKidsOfB
        c[Move.reduce] = s0KidsInBuffer
        c[Move.left] = (gold[s0] > b ? 1 : 0) + s0KidsInBuffer
        c[Move.right] = (gb != s0 && (gb > b || headOnStack) ? 1 : 0) + headlessKidsOfB
    }
}

/// Projectivity checks and lifting.
enum Projectivity {
    /// Heads (1-based words, 0 = root) made projective by repeatedly lifting the shortest
    /// non-projective arc to the head's head; nil when the heads are not a tree with one root
    /// dependent or lifting would give the root a second dependent.
    static func projectivized(_ heads: [Int]) -> [Int]? {
        let n = heads.count
        guard n > 0, heads.allSatisfy({ $0 >= 0 && $0 <= n }), heads.filter({ $0 == 0 }).count == 1 else { return nil }
        var h = [-1] + heads
        // Every word must reach the root.
        for i in 1...n {
            var k = i, steps = 0
            while k != 0 { k = h[k]; steps += 1; if steps > n { return nil } }
        }
        while true {
            var worst = -1, worstLen = Int.max
            for d in 1...n where !isProjective(h, d) {
                let len = abs(h[d] - d)
                if len < worstLen { worst = d; worstLen = len }
            }
            if worst < 0 { return Array(h.dropFirst()) }
            let up = h[h[worst]]
            if up <= 0 { return nil }
            h[worst] = up
        }
    }

    /// Whether the arc into `d` is projective: its head dominates every word between them.
    static func isProjective(_ h: [Int], _ d: Int) -> Bool {
        let head = h[d]
        let lo = min(head, d), hi = max(head, d)
        if hi - lo < 2 { return true }
        for k in (lo + 1)..<hi {
            var a = k
            while a != head && a != 0 { a = h[a] }
            if a != head { return false }
        }
        return true
    }
}
