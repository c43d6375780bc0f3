import Foundation

/// A gold word of a treebank placed in its document's raw text.
public struct GoldWord: Sendable, Hashable {
    /// Unicode-scalar span in the document text, end exclusive.
    public var start: Int
    public var end: Int
    public var upos: String
    public var xpos: String
    /// Document-level index of the head word, or -1 for a sentence root.
    public var head: Int
    public var deprel: String
}

/// A treebank document rebuilt as raw text, as a user would feed it: sentences of a paragraph
/// joined by a space (or nothing, where the treebank says so), paragraphs by a blank line.
public struct TreebankDocument: Sendable {
    public var id: String
    public var text: String
    public var words: [GoldWord]
    /// Surface tokens (a multiword token such as "don't" is one), scalar spans.
    public var tokens: [Range<Int>]
    /// Sentences as scalar spans.
    public var sentences: [Range<Int>]

    /// Groups sentences into documents by `# newdoc` and paragraphs by `# newpar`.
    public static func documents(from sentences: [CoNLLUSentence]) -> [TreebankDocument] {
        var out: [TreebankDocument] = []
        var doc: TreebankDocument?
        var text = String.UnicodeScalarView()
        var count = 0
        func finish() {
            if var d = doc { d.text = String(text); out.append(d) }
        }
        for s in sentences {
            if let id = s.comment("newdoc id") ?? (s.comments.contains("newdoc") ? "doc\(out.count + 1)" : nil) {
                finish()
                doc = TreebankDocument(id: id, text: "", words: [], tokens: [], sentences: [])
                text = String.UnicodeScalarView()
                count = 0
            }
            if doc == nil { doc = TreebankDocument(id: "doc1", text: "", words: [], tokens: [], sentences: []) }
            let sentenceText = Array((s.text ?? s.forms.joined(separator: " ")).unicodeScalars)
            if count > 0 {
                let sep: String = s.comments.contains(where: { $0.hasPrefix("newpar") }) ? "\n\n" : " "
                text.append(contentsOf: sep.unicodeScalars)
                count += sep.unicodeScalars.count
            }
            let base = count
            text.append(contentsOf: sentenceText)
            count += sentenceText.count
            doc!.place(s, text: sentenceText, base: base)
        }
        finish()
        return out
    }

    /// Finds each surface token of `s` in its text, left to right, and records words and tokens.
    private mutating func place(_ s: CoNLLUSentence, text: [Unicode.Scalar], base: Int) {
        let first = words.count
        var pos = 0
        func find(_ form: String) -> Range<Int> {
            let f = Array(form.unicodeScalars)
            while pos < text.count && text[pos].properties.isWhitespace { pos += 1 }
            var at = pos
            // The treebank's text and forms agree nearly always; otherwise search ahead.
            if !(at + f.count <= text.count && Array(text[at..<(at + f.count)]) == f) {
                at = pos
                var found: Int?
                while at + f.count <= text.count {
                    if Array(text[at..<(at + f.count)]) == f { found = at; break }
                    at += 1
                }
                guard let hit = found else { return pos..<pos }
                at = hit
            }
            pos = at + f.count
            return at..<(at + f.count)
        }
        let mwtAt = Dictionary(s.multiwords.map { ($0.first, $0) }, uniquingKeysWith: { a, _ in a })
        var spans: [Range<Int>] = Array(repeating: 0..<0, count: s.words.count)
        var i = 0
        while i < s.words.count {
            let id = s.words[i].id
            if let m = mwtAt[id], m.last >= m.first {
                let r = find(m.form)
                tokens.append((base + r.lowerBound)..<(base + r.upperBound))
                let n = min(m.last - m.first + 1, s.words.count - i)
                let parts = s.words[i..<(i + n)].map(\.form)
                if parts.joined() == m.form {
                    var a = r.lowerBound
                    for k in 0..<n {
                        let len = parts[k].unicodeScalars.count
                        spans[i + k] = a..<(a + len)
                        a += len
                    }
                } else {
                    for k in 0..<n { spans[i + k] = r }
                }
                i += n
            } else {
                let r = find(s.words[i].form)
                tokens.append((base + r.lowerBound)..<(base + r.upperBound))
                spans[i] = r
                i += 1
            }
        }
        for (k, w) in s.words.enumerated() {
            let h = (w.head ?? 0) > 0 ? first + (w.head! - 1) : -1
            words.append(GoldWord(start: base + spans[k].lowerBound, end: base + spans[k].upperBound,
                                  upos: w.upos, xpos: w.xpos, head: h, deprel: w.deprel))
        }
        if let a = words[first...].first, let b = words[first...].last { sentences.append(a.start..<b.end) }
    }
}

/// Precision, recall and F1 of one kind of unit.
public struct PRF: Sendable, Hashable {
    public var gold = 0
    public var system = 0
    public var correct = 0
    public init() {}
    public var precision: Double { system == 0 ? 0 : Double(correct) / Double(system) }
    public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    public static func += (a: inout PRF, b: PRF) {
        a.gold += b.gold
        a.system += b.system
        a.correct += b.correct
    }
}

/// Scores of an analysis made from raw text against the treebank, as in the CoNLL 2018 shared
/// task: a system word counts only if its span matches a gold word's exactly; UPOS, XPOS, UAS and
/// LAS are F1 over words (LAS compares the universal part of the relation, before ':').
public struct RawTextScore: Sendable, Hashable {
    public var tokens = PRF()
    public var sentences = PRF()
    public var words = PRF()
    public var upos = PRF()
    public var xpos = PRF()
    public var uas = PRF()
    public var las = PRF()
    public init() {}

    public static func += (a: inout RawTextScore, b: RawTextScore) {
        a.tokens += b.tokens
        a.sentences += b.sentences
        a.words += b.words
        a.upos += b.upos
        a.xpos += b.xpos
        a.uas += b.uas
        a.las += b.las
    }

    /// Scores one analysed document (tags and parse may be empty: their scores are then zero).
    public static func score(_ doc: Document, against gold: TreebankDocument) -> RawTextScore {
        var s = RawTextScore()
        let sysSpans = doc.tokens.map { $0.start..<$0.end }
        let goldTokens = Set(gold.tokens)
        s.tokens.gold = gold.tokens.count
        s.tokens.system = sysSpans.count
        s.tokens.correct = sysSpans.filter { goldTokens.contains($0) }.count

        let sysSentences = doc.sentences.filter { !$0.isEmpty }.map { doc.scalarRange($0) }
        let goldSentences = Set(gold.sentences)
        s.sentences.gold = gold.sentences.count
        s.sentences.system = sysSentences.count
        s.sentences.correct = sysSentences.filter { goldSentences.contains($0) }.count

        var goldAt: [Range<Int>: Int] = [:]
        for (i, w) in gold.words.enumerated() where goldAt[w.start..<w.end] == nil { goldAt[w.start..<w.end] = i }
        // system token -> gold word, and back.
        var align = [Int](repeating: -1, count: sysSpans.count)
        var back = [Int](repeating: -1, count: gold.words.count)
        for (t, r) in sysSpans.enumerated() {
            if let g = goldAt[r], back[g] == -1 { align[t] = g; back[g] = t }
        }
        for unit in [\RawTextScore.words, \.upos, \.xpos, \.uas, \.las] {
            s[keyPath: unit].gold = gold.words.count
            s[keyPath: unit].system = sysSpans.count
        }
        let tagged = doc.upos.count == sysSpans.count
        let parsed = doc.heads.count == sysSpans.count && doc.deprels.count == sysSpans.count
        for (t, g) in align.enumerated() where g >= 0 {
            let w = gold.words[g]
            s.words.correct += 1
            if tagged && doc.upos[t] == w.upos { s.upos.correct += 1 }
            if tagged && doc.xpos[t] == w.xpos { s.xpos.correct += 1 }
            guard parsed else { continue }
            let h = doc.heads[t]
            let headRight = (h < 0 && w.head < 0) || (h >= 0 && w.head >= 0 && align[h] == w.head)
            if headRight {
                s.uas.correct += 1
                if universal(doc.deprels[t]) == universal(w.deprel) { s.las.correct += 1 }
            }
        }
        return s
    }

    static func universal(_ deprel: String) -> Substring {
        deprel.split(separator: ":", maxSplits: 1).first ?? Substring(deprel)
    }
}

extension TreebankDocument {
    /// Replaces a tokenized document's sentences with this treebank document's: a sentence starts
    /// at each token that begins where a gold sentence begins (for measuring the splitter's cost).
    public func splitAtItsSentences(_ doc: inout Document) {
        let starts = Set(sentences.map(\.lowerBound))
        var out: [Range<Int>] = []
        var first = 0
        for (i, t) in doc.tokens.enumerated() where i > first && starts.contains(t.start) {
            out.append(first..<i)
            first = i
        }
        if first < doc.tokens.count { out.append(first..<doc.tokens.count) }
        doc.sentences = out
    }
}

public enum RawTextEvaluation {
    /// Analyses each treebank document's raw text with `analyze` and sums the scores.
    public static func evaluate(_ documents: [TreebankDocument], analyze: (TreebankDocument, String) -> Document) -> RawTextScore {
        var total = RawTextScore()
        for d in documents { total += RawTextScore.score(analyze(d, d.text), against: d) }
        return total
    }
}
