import KGraphModel

/// A token: a range of Unicode scalars of its document's text.
public struct Token: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var text: String
}

/// A typed entity span over tokens, as the recognizer found it.
public struct EntitySpan: Sendable, Hashable {
    /// Token indices, end exclusive.
    public var tokens: Range<Int>
    public var type: EntityType
    /// The name to resolve on: titles stripped, a demonym replaced by its state's name.
    public var name: String
    /// A title or role that stood before the name ("President"), lowercased.
    public var title: String?
    /// For a title with a state before it ("US President Donald Trump"): that state's span index.
    public var titleOf: Int?
    /// GeoNames/iso-codes key for states and places (ISO code or place key).
    public var gazetteerKey: String?
    /// A pronoun or a definite description standing for an earlier mention.
    public var isReference: Bool = false
    /// An event named by a common noun ("a virtual summit"): scoped to its document.
    public var isCommonNoun: Bool = false
}

/// A text and its analysis. The document owns the text; tokens, sentences and spans index into it.
public struct Document: Sendable {
    public var path: String
    public var text: String
    /// The text's Unicode scalars: offsets count these.
    public var scalars: [Unicode.Scalar]
    public var tokens: [Token] = []
    /// Token ranges, one per sentence.
    public var sentences: [Range<Int>] = []
    public var spans: [EntitySpan] = []

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    public func string(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range])
        return String(s)
    }

    /// Scalar range of a token range.
    public func scalarRange(_ tokens: Range<Int>) -> Range<Int> {
        self.tokens[tokens.lowerBound].start..<self.tokens[tokens.upperBound - 1].end
    }

    public func sentenceIndex(ofToken t: Int) -> Int {
        var lo = 0, hi = sentences.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if sentences[mid].lowerBound <= t { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}

/// Splits text into tokens with scalar offsets, and tokens into sentences.
public struct Tokenizer: Sendable {
    /// Words that keep their final period.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "sr", "jr", "prof", "gen", "col", "lt", "capt", "sgt", "rev", "sen",
        "rep", "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "vs", "etc", "inc", "ltd", "co", "corp", "mt", "ft", "approx", "est", "dept", "univ", "fig",
    ]

    public init() {}

    public func tokenize(_ doc: inout Document) {
        let s = doc.scalars
        var tokens: [Token] = []
        var breaks = Set<Int>() // token indices that start after a line break
        var i = 0
        var sawNewline = false
        func emit(_ a: Int, _ b: Int) {
            if sawNewline { breaks.insert(tokens.count); sawNewline = false }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s[a..<b])
            tokens.append(Token(start: a, end: b, text: String(v)))
        }
        while i < s.count {
            let c = s[i]
            if c.properties.isWhitespace {
                if c == "\n" || c == "\r" || c == "\u{2029}" { sawNewline = true }
                i += 1
                continue
            }
            // A word-ish chunk up to white space.
            var j = i
            while j < s.count && !s[j].properties.isWhitespace { j += 1 }
            splitChunk(s, i, j, emit)
            i = j
        }
        doc.tokens = tokens
        doc.sentences = sentences(tokens, breaks: breaks)
    }

    private static let leading: Set<Unicode.Scalar> = ["\"", "'", "(", "[", "{", "“", "‘", "«", "<", "*", "_", "#"]
    private static let trailing: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "}", "”", "’", "»", ",", ";", ":", "!", "?", ".", ">", "…", "*", "_"]
    private static let dashes: Set<Unicode.Scalar> = ["—", "–"]

    private func splitChunk(_ s: [Unicode.Scalar], _ a0: Int, _ b0: Int, _ emit: (Int, Int) -> Void) {
        var a = a0, b = b0
        // Dashes inside a chunk split it: "backing—especially".
        if let d = (a..<b).first(where: { Self.dashes.contains(s[$0]) || (s[$0] == "-" && $0 + 1 < b && s[$0 + 1] == "-") }) {
            let len = s[d] == "-" ? 2 : 1
            if d > a { splitChunk(s, a, d, emit) }
            emit(d, d + len)
            if d + len < b { splitChunk(s, d + len, b, emit) }
            return
        }
        while a < b && Self.leading.contains(s[a]) { emit(a, a + 1); a += 1 }
        // "US-Ukrainian": a hyphen between two capitalized parts separates two names.
        if let h = (a..<b).first(where: { s[$0] == "-" && $0 > a && $0 + 1 < b && s[$0 + 1].properties.isUppercase && s[a].properties.isUppercase }) {
            splitChunk(s, a, h, emit)
            emit(h, h + 1)
            splitChunk(s, h + 1, b, emit)
            return
        }
        var tail: [(Int, Int)] = []
        while b > a {
            let c = s[b - 1]
            guard Self.trailing.contains(c) else { break }
            if c == "." {
                let word = String(String.UnicodeScalarView(s[a..<(b - 1)])).lowercased()
                // Keep the period of abbreviations, initials and dotted acronyms ("U.S.", "J.").
                let letters = word.unicodeScalars.filter { $0 != "." }
                if Self.abbreviations.contains(word) || (word.contains(".") && letters.count <= 6)
                    || (letters.count == 1 && s[a].properties.isUppercase) {
                    break
                }
            }
            tail.append((b - 1, b))
            b -= 1
        }
        if a < b {
            // Possessive and contractions: "Starmer's", "don't".
            var core = b
            if b - a > 2, s[b - 2] == "'" || s[b - 2] == "’", s[b - 1] == "s" || s[b - 1] == "S" {
                core = b - 2
            } else if b - a > 3, s[b - 3] == "n", s[b - 2] == "'" || s[b - 2] == "’", s[b - 1] == "t" {
                core = b - 3
            }
            emit(a, core)
            if core < b { emit(core, b) }
        }
        for t in tail.reversed() { emit(t.0, t.1) }
    }

    private func sentences(_ tokens: [Token], breaks: Set<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for i in tokens.indices {
            if i > start && breaks.contains(i) {
                out.append(start..<i)
                start = i
                continue
            }
            let t = tokens[i].text
            guard t == "." || t == "!" || t == "?" || t == "…" else { continue }
            // Closing quotes and brackets stay with the sentence.
            var end = i + 1
            while end < tokens.count, !breaks.contains(end), ["\"", "”", "’", "'", ")"].contains(tokens[end].text) { end += 1 }
            if end < tokens.count, breaks.contains(end) == false {
                let next = tokens[end].text.unicodeScalars.first!
                guard next.properties.isUppercase || next.properties.numericType != nil || ["\"", "“", "("].contains(next) else { continue }
            }
            out.append(start..<end)
            start = end
        }
        if start < tokens.count { out.append(start..<tokens.count) }
        return out
    }
}
