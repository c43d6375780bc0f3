/// Lemmas from the part-of-speech tag and WordNet's word lists and exceptions (in the lexicon),
/// with WordNet's "morphy" detachment rules. A form whose lemma cannot be found is "_".
public struct Lemmatizer: Sendable {
    let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Clitics and pronouns: closed classes of English, lemmatized as UD English does.
    static let closed: [String: String] = [
        "'s": "be", "’s": "be", "'re": "be", "’re": "be", "'m": "be", "’m": "be", "am": "be", "'ll": "will",
        "’ll": "will", "'ve": "have", "’ve": "have", "'d": "would", "’d": "would", "n't": "not", "n’t": "not",
        "ca": "can", "wo": "will", "sha": "shall", "me": "I", "mine": "my", "us": "we", "ours": "our", "him": "he",
        "hers": "her", "them": "they", "theirs": "their", "yours": "your", "na": "to", "ta": "to", "gon": "go",
        "an": "a", "these": "this", "those": "that", "s": "be", "nt": "not", "ve": "have", "m": "be", "u": "you",
        "might": "might", "men": "man", "women": "woman", "children": "child",
    ]

    static let irregularAdjectives: [String: String] = [
        "better": "good", "best": "good", "worse": "bad", "worst": "bad", "further": "far", "furthest": "far",
        "farther": "far", "farthest": "far", "less": "less", "least": "least", "more": "more", "most": "most",
    ]

    private static let nounRules: [(String, String)] = [
        ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"), ("s", ""),
    ]
    private static let adjectiveRules: [(String, String)] = [("er", ""), ("est", ""), ("er", "e"), ("est", "e")]

    /// The lemma of one word given its tags, or "_".
    public func lemma(_ form: String, upos: String, xpos: String) -> String {
        let low = form.lowercased()
        if xpos == "NNP" && upos != "PROPN" { return form }
        switch upos {
        case "PUNCT", "SYM", "NUM", "X":
            return form
        case "PROPN":
            return xpos == "NNPS" && form.hasSuffix("s") && form.count > 3 ? String(form.dropLast()) : form
        case "ADJ" where form.first?.isUppercase == true && xpos == "JJ":
            return form // "American", "Sunni": adjectives of names keep their capital
        case "PRON", "DET":
            if low == "i" { return "I" }
            return Self.closed[low] ?? low
        case "AUX", "VERB":
            if xpos == "MD" { return Self.closed[low] ?? low }
            if low == "'s" || low == "’s" || low == "s" { return xpos == "VBZ" ? "be" : low }
            if let c = Self.closed[low], ["'s", "’s", "'d", "’d"].contains(low) == false || upos == "AUX" { return c }
            if let l = lexicon.verbLemma(low) { return l }
            return xpos == "VB" || xpos == "VBP" ? low : "_"
        case "NOUN":
            guard xpos == "NNS" else { return low }
            if let c = Self.closed[low] { return c }
            if lexicon.commonWords.contains(low), !low.hasSuffix("s") { return low } // "people", "data"
            if let l = Self.detach(low, Self.nounRules, known: lexicon.commonWords) { return l }
            return lexicon.commonWords.contains(low) ? low : "_"
        case "ADJ":
            guard xpos == "JJR" || xpos == "JJS" else { return low }
            if let l = Self.irregularAdjectives[low] { return l }
            var stem = low
            if let l = Self.detach(low, Self.adjectiveRules, known: lexicon.commonWords) { stem = l }
            // "bigger" -> "big": a doubled consonant.
            else if low.hasSuffix("er") || low.hasSuffix("est") {
                let base = low.hasSuffix("er") ? low.dropLast(2) : low.dropLast(3)
                if let last = base.last, base.dropLast().last == last, lexicon.commonWords.contains(String(base.dropLast())) {
                    stem = String(base.dropLast())
                } else { return "_" }
            }
            return stem
        case "PART":
            if xpos == "POS" { return "'s" }
            return Self.closed[low] ?? low
        default:
            return low
        }
    }

    static func detach(_ w: String, _ rules: [(String, String)], known: Set<String>) -> String? {
        for (suffix, replacement) in rules where w.hasSuffix(suffix) && w.count > suffix.count + 1 {
            let cand = String(w.dropLast(suffix.count)) + replacement
            if known.contains(cand) { return cand }
        }
        return nil
    }

    /// Share of words of gold-tokenized sentences whose lemma (from predicted tags) is the gold lemma.
    public func accuracy(on sentences: [CoNLLUSentence], tagger: PerceptronTagger) -> (correct: Int, words: Int) {
        var correct = 0, words = 0
        for s in sentences {
            for (w, t) in zip(s.words, tagger.tag(s.forms)) {
                words += 1
                if lemma(w.form, upos: t.upos, xpos: t.xpos) == w.lemma { correct += 1 }
            }
        }
        return (correct, words)
    }

    /// Lemmatizes a tagged document.
    public func lemmatize(_ doc: inout Document) {
        guard doc.upos.count == doc.tokens.count else { return }
        doc.lemmas = doc.tokens.indices.map { lemma(doc.tokens[$0].text, upos: doc.upos[$0], xpos: doc.xpos[$0]) }
    }
}
