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

    /// How many tokens the title took before the name: its words, and two more for each hyphen,
    /// which the tokenizer cuts out ("secretary-general" was "Secretary", "-", "General").
    public var titleTokenCount: Int {
        guard let title else { return 0 }
        return title.split(separator: " ").count + 2 * title.filter { $0 == "-" }.count
    }
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
    /// Whether the text is wrapped at a fixed width (most of its single line breaks fall inside
    /// sentences), so that no single line break ends a sentence by itself; set by the tokenizer.
    public var wrapsLines = false
    public var spans: [EntitySpan] = []

    // The analysis per token, filled by the pipeline's stages (empty until a stage has run).
    /// Universal and Penn Treebank part-of-speech tags.
    public var upos: [String] = []
    public var xpos: [String] = []
    /// Lemmas ("_" where unknown).
    public var lemmas: [String] = []
    /// Head token index in the document, or -1 for the root of its sentence.
    public var heads: [Int] = []
    /// Universal Dependencies relation to the head.
    public var deprels: [String] = []
    /// IOB2 entity tags ("B-PER", "I-LOC", "O").
    public var entityTags: [String] = []

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    public func string(_ range: Range<Int>) -> String {
        range.isEmpty ? "" : Tokenizer.string(scalars, range.lowerBound, range.upperBound)
    }

    /// Scalar range of a token range.
    public func scalarRange(_ tokens: Range<Int>) -> Range<Int> {
        self.tokens[tokens.lowerBound].start..<self.tokens[tokens.upperBound - 1].end
    }

    /// Whether token `t` is the first of its sentence.
    public func opensSentence(_ t: Int) -> Bool {
        !sentences.isEmpty && sentences[sentenceIndex(ofToken: t)].lowerBound == t
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

    /// Words that do not end an English sentence: articles, prepositions, conjunctions, possessives,
    /// auxiliaries, and the abbreviations of address.
    static let continuing: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "from",
        "into", "onto", "upon", "as", "than", "that", "which", "who", "whose", "whom", "its", "their", "his",
        "her", "our", "my", "your", "these", "those", "is", "are", "was", "were", "be", "been", "has", "have",
        "had", "will", "would", "shall", "should", "can", "could", "must", "not", "per", "via", "between",
        "among", "against", "during", "including", "such", "both", "either", "neither", "each", "every",
        "if", "because", "although", "though", "whether", "very", ",", "-", "–", "—", "mr.", "mrs.", "ms.",
        "dr.", "h.e.", "st.", "mr", "mrs", "ms", "dr",
    ]

    /// Whether the scalar at `k` ends a line: a line feed, a paragraph separator, or a carriage
    /// return not followed by a line feed (CR LF is one break).
    static func endsLine(_ s: [Unicode.Scalar], _ k: Int) -> Bool {
        let c = s[k]
        return c == "\n" || c == "\u{2029}" || (c == "\r" && (k + 1 >= s.count || s[k + 1] != "\n"))
    }

    /// The line breaks among the scalars `r` (the white space between two tokens).
    static func lineBreaks(_ s: [Unicode.Scalar], in r: Range<Int>) -> Int {
        r.reduce(0) { endsLine(s, $1) ? $0 + 1 : $0 }
    }

    /// Whether a line break between two words only wraps a paragraph's line (text wrapped at a
    /// fixed width, as speeches and wire copy are): one break, no blank line, and the next line
    /// opens with a lower-case letter or the line ends in a word no sentence ends in ("and",
    /// "of", "Mr.") or in a word cut at its hyphen ("Timor-"). Other line breaks end sentences:
    /// headlines, paragraphs, list items.
    public static func wrapsLine(after previous: String, before next: String, newlines: Int) -> Bool {
        guard newlines == 1 else { return false }
        if let f = next.unicodeScalars.first, f.properties.isLowercase { return true }
        // A word cut at the line's end: "Timor-" + "Leste".
        if previous.count > 2, previous.hasSuffix("-") { return true }
        return continuing.contains(previous.lowercased())
    }

    public func tokenize(_ doc: inout Document) {
        let s = doc.scalars
        var tokens: [Token] = []
        var breaks: [Int] = [] // token indices that start after a line break, ascending
        var i = 0
        var newlines = 0 // line breaks in the white space before the next token
        var single: [Int] = [] // tokens after one line break that may end a sentence
        var wrapped = 0, singles = 0
        func emit(_ a: Int, _ b: Int) {
            let text = Self.string(s, a, b)
            if newlines > 0 {
                if newlines == 1 && !tokens.isEmpty { singles += 1 }
                if tokens.isEmpty || !Self.wrapsLine(after: tokens[tokens.count - 1].text, before: text, newlines: newlines) {
                    breaks.append(tokens.count)
                    if newlines == 1 && !tokens.isEmpty { single.append(tokens.count) }
                } else {
                    wrapped += 1
                }
                newlines = 0
            }
            tokens.append(Token(start: a, end: b, text: text))
        }
        while i < s.count {
            let c = s[i]
            if Self.isSpace(c) {
                if Self.endsLine(s, i) { newlines += 1 }
                i += 1
                continue
            }
            // A word-ish chunk up to white space.
            var j = i
            while j < s.count && !Self.isSpace(s[j]) { j += 1 }
            if Self.isItIs(s, i, j) {
                emit(i, i + 2)
                emit(i + 2, j)
            } else {
                splitChunk(s, i, j, emit)
            }
            i = j
        }
        doc.tokens = tokens
        // Text wrapped at a fixed width: two single line breaks or more inside a sentence, half of all
        // single breaks or more. Its other single breaks are left to the punctuation ("Mr. Ban" + "Ki-moon").
        doc.wrapsLines = wrapped >= 2 && 2 * wrapped >= singles
        var breakBefore = [Bool](repeating: false, count: tokens.count + 1)
        for t in breaks { breakBefore[t] = true }
        if doc.wrapsLines { for t in single { breakBefore[t] = false } }
        doc.sentences = sentences(tokens, breakBefore: breakBefore)
    }

    private static let leading: ScalarSet = ["\"", "'", "(", "[", "{", "“", "‘", "«", "<", "*", "_", "#", "`"]
    private static let trailing: ScalarSet = ["\"", "'", ")", "]", "}", "”", "’", "»", ",", ";", ":", "!", "?", ".", ">", "…", "*", "_", "`"]
    private static let dashes: ScalarSet = ["—", "–"]
    private static let apostrophes: ScalarSet = ["'", "’", "`"]
    /// Sentence punctuation: a run of these is one token ("?!", "...").
    private static let enders: ScalarSet = [".", "!", "?"]
    private static let emoticons: Set<String> = [":)", ":(", ":-)", ":-(", ";)", ";-)", ":D", ":P", ":p", ":/", "=)"]
    /// Bound prefixes that keep their hyphen ("e-mail", "non-violent"); other hyphens between
    /// words separate them, as in Universal Dependencies English.
    static let hyphenPrefixes: Set<String> = [
        "e", "a", "co", "non", "pre", "post", "re", "anti", "pro", "ex", "multi", "mid", "semi", "neo", "sub",
        "socio", "psycho", "cross", "counter", "intra", "micro", "macro", "mega", "ultra", "quasi",
        "pseudo", "bi", "tri", "uni", "over", "under", "de", "dis", "mis", "un", "meta", "infra", "trans",
        "extra", "hyper", "geo", "euro", "afro", "cyber",
    ]
    /// Clitics split off a word's end, longest first ("n't" before "t").
    private static let clitics: [[Unicode.Scalar]] = ["n't", "'ll", "'re", "'ve", "'s", "'m", "'d"].map { Array($0.unicodeScalars) }
    /// Fused forms written as one word, split as Universal Dependencies English does.
    private static let fused: [String: [Int]] = [
        "cannot": [3], "gonna": [3], "wanna": [3], "gotta": [3],
        "dont": [2], "doesnt": [4], "didnt": [3], "cant": [2], "wont": [2], "isnt": [2], "arent": [3],
        "wasnt": [3], "werent": [4], "couldnt": [5], "wouldnt": [5], "shouldnt": [6], "havent": [4],
        "hasnt": [3], "hadnt": [3], "im": [1], "ive": [1], "thats": [4], "whats": [4], "theres": [5],
        "youre": [3], "theyre": [4], "alot": [1],
    ]

    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.value < 128 ? (c == " " || (c.value >= 9 && c.value <= 13)) : c.properties.isWhitespace
    }

    /// Does s[a..<b] contain `pattern`?
    private static func contains(_ s: [Unicode.Scalar], _ a: Int, _ b: Int, _ pattern: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        guard b - a >= p.count else { return false }
        outer: for i in a...(b - p.count) {
            for k in 0..<p.count where s[i + k] != p[k] { continue outer }
            return true
        }
        return false
    }

    private func text(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String { Self.string(s, a, b) }

    /// The string of s[a..<b]; ASCII runs (most tokens) are written as bytes directly.
    static func string(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String {
        if s[a..<b].allSatisfy({ $0.value < 128 }) {
            return String(unsafeUninitializedCapacity: b - a) { buf in
                for k in a..<b { buf[k - a] = UInt8(truncatingIfNeeded: s[k].value) }
                return b - a
            }
        }
        return String(String.UnicodeScalarView(s[a..<b]))
    }

    private func splitChunk(_ s: [Unicode.Scalar], _ a0: Int, _ b0: Int, _ emit: (Int, Int) -> Void) {
        var a = a0, b = b0
        guard a < b else { return }
        // Web addresses stay whole, but for punctuation around them.
        let isWeb = Self.contains(s, a, b, "://") || (b - a > 4 && text(s, a, a + 4).lowercased() == "www.")
            || (Self.contains(s, a, b, "@") && Self.contains(s, a, b, "."))
        if isWeb {
            // A name glued to its address: Andre"<andre@example.com>.
            if let lt = (a..<b).first(where: { s[$0] == "<" }), lt > a, s[lt - 1] == "\"" {
                splitChunk(s, a, lt, emit)
                splitChunk(s, lt, b, emit)
                return
            }
            while a < b && Self.leading.contains(s[a]) { emit(a, a + 1); a += 1 }
            var e = b
            while e > a && Self.trailing.contains(s[e - 1]) && s[e - 1] != "/" { e -= 1 }
            if a < e { emit(a, e) }
            if e < b { emit(e, b) }
            return
        }
        if b - a <= 3, Self.emoticons.contains(text(s, a, b)) { emit(a, b); return }
        // Dashes inside a chunk split it: "backing—especially".
        if let d = (a..<b).first(where: { Self.dashes.contains(s[$0]) || (s[$0] == "-" && $0 + 1 < b && s[$0 + 1] == "-") }) {
            var len = 1
            while d + len < b && s[d + len] == s[d] { len += 1 }
            if d > a { splitChunk(s, a, d, emit) }
            emit(d, d + len)
            if d + len < b { splitChunk(s, d + len, b, emit) }
            return
        }
        // Web text leaves out spaces: an ellipsis ("okay...so", "...and") or a comma between words
        // ("years,and"; not "10,000") separates them.
        if let (p, len) = Self.innerSeparator(s, a, b) {
            if p > a { splitChunk(s, a, p, emit) }
            emit(p, p + len)
            if p + len < b { splitChunk(s, p + len, b, emit) }
            return
        }
        // Leading punctuation, a run of one character at a time ("<<", "``"); not the apostrophe
        // of a year or decade ("'73", "'90s").
        while a < b && Self.leading.contains(s[a]) && !Self.isShortYear(s, a, b) {
            var e = a + 1
            while e < b && s[e] == s[a] && s[a] != "\"" && s[a] != "(" { e += 1 }
            if e == b { break }
            emit(a, e)
            a = e
        }
        // Trailing punctuation, peeled from the end.
        var tail: [(Int, Int)] = []
        while b > a {
            let c = s[b - 1]
            guard Self.trailing.contains(c) else { break }
            if b - a >= 2, s[b - 2] == ":" || s[b - 2] == ";", Self.emoticons.contains(text(s, b - 2, b)) {
                tail.append((b - 2, b))
                b -= 2
                continue
            }
            if c == "." && !(b - a >= 2 && Self.enders.contains(s[b - 2])) {
                let word = text(s, a, b - 1).lowercased()
                // Keep the period of abbreviations, initials and dotted acronyms ("U.S.", "J.").
                let letters = word.unicodeScalars.filter { $0 != "." }
                if Self.abbreviations.contains(word) || (word.contains(".") && letters.count <= 6 && !letters.isEmpty)
                    || (letters.count == 1 && s[a].properties.isAlphabetic) {
                    break
                }
            }
            // A run: sentence punctuation together ("?!", "..."), others by repeated character.
            var start = b - 1
            if Self.enders.contains(c) {
                while start > a && Self.enders.contains(s[start - 1]) { start -= 1 }
            } else if c != "\"" && c != ")" {
                while start > a && s[start - 1] == c { start -= 1 }
            }
            tail.append((start, b))
            b = start
        }
        if a < b { splitWord(s, a, b, emit) }
        for t in tail.reversed() { emit(t.0, t.1) }
    }

    /// An apostrophe and two digits, maybe with a plural "s", then at most trailing punctuation:
    /// a year or a decade ("'73", "'90s,").
    static func isShortYear(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        guard apostrophes.contains(s[a]), a + 2 < b, isASCIIDigit(s[a + 1]), isASCIIDigit(s[a + 2]) else { return false }
        var e = a + 3
        if e < b && s[e] == "s" { e += 1 }
        return (e..<b).allSatisfy { trailing.contains(s[$0]) && !apostrophes.contains(s[$0]) }
    }

    @inline(__always)
    static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    /// Words that follow "it's" but hardly ever the possessive "its": articles, negation, adverbs
    /// and prepositions.
    static let afterItIs: Set<String> = [
        "a", "an", "the", "not", "no", "so", "very", "really", "all", "still", "just", "also",
        "been", "now", "too", "in", "for", "from", "between", "about", "like", "always", "never",
        "nothing", "something", "getting", "going", "gonna", "ok", "okay",
    ]

    /// "its" written for "it's" (web text): the chunk s[a..<b] is "its" and the next word is one of
    /// `afterItIs`.
    static func isItIs(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        guard b - a == 3, s[a].value | 0x20 == 0x69, s[a + 1].value | 0x20 == 0x74, s[a + 2] == "s" else { return false }
        var k = b
        while k < s.count && Self.isSpace(s[k]) && s[k] != "\n" { k += 1 }
        var e = k
        while e < s.count && s[e].value < 128 && s[e].properties.isAlphabetic { e += 1 }
        guard e > k else { return false }
        let next = string(s, k, e).lowercased()
        return afterItIs.contains(next)
    }

    /// The first ellipsis (two or more periods, or "…") that is not at the chunk's end, or comma
    /// with a letter on one side, inside s[a..<b]: its start and length.
    static func innerSeparator(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> (Int, Int)? {
        @inline(__always) func letter(_ i: Int) -> Bool {
            s[i].value < 128 ? (s[i].value | 0x20 >= 97 && s[i].value | 0x20 <= 122) : s[i].properties.isAlphabetic
        }
        var i = a
        while i < b {
            let c = s[i]
            if c == "." || c == "…" {
                var e = i + 1
                while e < b && (s[e] == "." || s[e] == "…") { e += 1 }
                if (e - i >= 2 || c == "…") && e < b && (i > a || letter(e) || s[e].properties.numericType == .decimal) {
                    return (i, e - i)
                }
                i = e
                continue
            }
            if c == ",", i > a, i + 1 < b, letter(i - 1) || letter(i + 1),
               letter(i - 1) || s[i - 1].properties.numericType == .decimal,
               letter(i + 1) || s[i + 1].properties.numericType == .decimal {
                return (i, 1)
            }
            i += 1
        }
        return nil
    }

    /// A word without surrounding punctuation: clitics, fused forms, hyphens, slashes, currency and
    /// percent signs.
    private func splitWord(_ s: [Unicode.Scalar], _ a: Int, _ b: Int, _ emit: (Int, Int) -> Void) {
        // Clitics: "Starmer's", "don't", "I'm", "they'll"; a plural possessive "parents'".
        let hasApostrophe = (max(a, b - 4)..<b).contains { Self.apostrophes.contains(s[$0]) }
        // A decade keeps its "'s" ("the 80's", "the 1990's").
        if hasApostrophe, b - a == 4 || b - a == 6, Self.apostrophes.contains(s[b - 2]), s[b - 1] == "s",
           s[b - 3] == "0", (a..<(b - 2)).allSatisfy({ Self.isASCIIDigit(s[$0]) }) {
            emit(a, b)
            return
        }
        for c in Self.clitics where hasApostrophe && b - a > c.count {
            var match = true
            for (k, x) in c.enumerated() {
                let y = s[b - c.count + k]
                if Self.apostrophes.contains(x) { if !Self.apostrophes.contains(y) { match = false; break } }
                else if y != x && !(y.value < 128 && y.value | 0x20 == x.value) { match = false; break }
            }
            if match {
                splitWord(s, a, b - c.count, emit)
                emit(b - c.count, b)
                return
            }
        }
        if b - a >= 3, Self.apostrophes.contains(s[b - 1]), s[b - 2] == "s" || s[b - 2] == "S" {
            splitWord(s, a, b - 1, emit)
            emit(b - 1, b)
            return
        }
        if b - a >= 2 && b - a <= 8, "taems".unicodeScalars.contains(s[b - 1]) || "TAEMS".unicodeScalars.contains(s[b - 1]),
           let cuts = Self.fused[text(s, a, b).lowercased()] {
            var p = a
            for c in cuts { emit(p, a + c); p = a + c }
            emit(p, b)
            return
        }
        func isDigit(_ i: Int) -> Bool { s[i].properties.numericType == .decimal }
        func isAlnum(_ i: Int) -> Bool { s[i].properties.isAlphabetic || isDigit(i) }
        // A minus before a currency sign: "-$", "-$20".
        if b - a >= 2, s[a] == "-", s[a + 1] == "$" || s[a + 1] == "€" || s[a + 1] == "£" {
            emit(a, a + 1)
            splitWord(s, a + 1, b, emit)
            return
        }
        // "$20" and "100%".
        if b - a >= 2, s[a] == "$" || s[a] == "€" || s[a] == "£", isDigit(a + 1) {
            emit(a, a + 1)
            splitWord(s, a + 1, b, emit)
            return
        }
        if b - a >= 2, s[b - 1] == "%", isDigit(b - 2) {
            splitWord(s, a, b - 1, emit)
            emit(b - 1, b)
            return
        }
        // An abbreviation written with full stops before a hyphen and a word: "U.S.-led",
        // "U.N.-backed", "U.S.-Iraqi" (as "NATO-led" is cut).
        if let h = (a..<b).first(where: { s[$0] == "-" }), h - a >= 4, h + 1 < b, s[h + 1].properties.isAlphabetic,
           (a..<h).allSatisfy({ ($0 - a) % 2 == 0 ? s[$0].properties.isUppercase : s[$0] == "." }) {
            emit(a, h)
            emit(h, h + 1)
            splitWord(s, h + 1, b, emit)
            return
        }
        // Hyphens between words, unless after a bound prefix or inside a number such as a phone number.
        var hyphens: [Int] = []
        if b - a >= 3 {
            for h in (a + 1)..<(b - 1) where s[h] == "-" && isAlnum(h - 1) && isAlnum(h + 1) { hyphens.append(h) }
        }
        if !hyphens.isEmpty {
            let allNumeric = (a..<b).allSatisfy { isDigit($0) || s[$0] == "-" }
            // Numbers that keep their hyphens: "713-853-3989", "853-7906" (a phone number's three
            // and four digits) and dates such as "01-Feb-02".
            let parts = hyphens.count + 1
            let phone = allNumeric && parts == 2 && hyphens[0] - a == 3 && b - hyphens[0] - 1 == 4
            let date = parts == 3 && isDigit(a) && isDigit(b - 1)
                && ((hyphens[0] + 1)..<hyphens[1]).allSatisfy { s[$0].properties.isAlphabetic }
            if !(allNumeric && hyphens.count >= 2) && !phone && !date {
                var p = a
                for h in hyphens {
                    let left = text(s, p, h)
                    if p == a && Self.hyphenPrefixes.contains(left.lowercased()) { continue }
                    emit(p, h)
                    emit(h, h + 1)
                    p = h + 1
                }
                if p > a {
                    emit(p, b)
                    return
                }
            }
        }
        // "b/c", "w/o", "n/a": one letter on each side of a slash, one word.
        if b - a == 3, s[a + 1] == "/", s[a].properties.isAlphabetic, s[a + 2].properties.isAlphabetic {
            emit(a, b)
            return
        }
        // "and/or": a slash between letters.
        if let sl = (a..<b).first(where: { s[$0] == "/" && $0 > a && $0 + 1 < b }),
           (a..<b).allSatisfy({ s[$0] == "/" || s[$0].properties.isAlphabetic }) {
            emit(a, sl)
            emit(sl, sl + 1)
            splitWord(s, sl + 1, b, emit)
            return
        }
        emit(a, b)
    }

    /// `breakBefore[i]`: token i starts after a line break.
    private func sentences(_ tokens: [Token], breakBefore breaks: [Bool]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for i in tokens.indices {
            if i > start && breaks[i] {
                out.append(start..<i)
                start = i
                continue
            }
            let t = tokens[i].text
            guard let last = t.unicodeScalars.last, t.unicodeScalars.allSatisfy({ Self.enders.contains($0) || $0 == "…" }) else { continue }
            // A bare full stop, "!" or "?" ends a sentence even before a lowercase word (web text);
            // an ellipsis only before a capital.
            let strong = last != "…" && !t.hasSuffix("..")
            // Closing quotes and brackets stay with the sentence.
            var end = i + 1
            while end < tokens.count, !breaks[end], ["\"", "”", "’", "'", ")"].contains(tokens[end].text) { end += 1 }
            if end < tokens.count, !breaks[end] {
                let next = tokens[end].text.unicodeScalars.first!
                guard next.properties.isUppercase || next.properties.numericType != nil || ["\"", "“", "("].contains(next)
                    || (strong && next.properties.isLowercase) else { continue }
            }
            out.append(start..<end)
            start = end
        }
        if start < tokens.count { out.append(start..<tokens.count) }
        return out
    }
}

/// A set of scalars for the tokenizer's punctuation tests: ASCII members answer from a bit mask,
/// others from a `Set` (the same answers as a `Set<Unicode.Scalar>`, without hashing ASCII).
struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    private var low: UInt64 = 0, high: UInt64 = 0
    private var other: Set<Unicode.Scalar> = []

    init(arrayLiteral elements: Unicode.Scalar...) {
        for c in elements {
            switch c.value {
            case 0..<64: low |= 1 << UInt64(c.value)
            case 64..<128: high |= 1 << UInt64(c.value - 64)
            default: other.insert(c)
            }
        }
    }

    @inline(__always)
    func contains(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0..<64: low & (1 << UInt64(c.value)) != 0
        case 64..<128: high & (1 << UInt64(c.value - 64)) != 0
        default: !other.isEmpty && other.contains(c)
        }
    }
}
