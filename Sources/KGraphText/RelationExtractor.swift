import KGraphModel

/// A relation between two spans of a document, read from one sentence.
public struct SpanRelation: Sendable, Hashable {
    public var subject: Int
    public var predicate: String
    public var object: Int
    public var sentence: Int
}

/// Finds relations between the spans of a document.
public protocol RelationExtractor: Sendable {
    func relations(in doc: Document) -> [SpanRelation]
}

/// Relation rules over tokens and spans: titles ("US President Donald Trump" gives president of),
/// subject-verb-object with an optional preposition, passives with "by", "where" clauses after a
/// place, events held in a place, and "A-B relations" between two states.
public struct PatternRelationExtractor: RelationExtractor {
    public let lexicon: Lexicon
    /// Lemma -> irregular past form ("meet" -> "met"), from WordNet's exceptions, made once.
    private let irregularPast: [String: String]

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        var past: [String: String] = [:]
        for (form, lemma) in lexicon.verbExceptions where !form.hasSuffix("n") {
            if let old = past[lemma], old <= form { continue }
            past[lemma] = form // the first form in sorted order, as before
        }
        self.irregularPast = past
    }

    public func relations(in doc: Document) -> [SpanRelation] {
        var out: [SpanRelation] = []
        var spanAt: [Int: Int] = [:] // first token -> span index
        for (k, s) in doc.spans.enumerated() { spanAt[s.tokens.lowerBound] = spanAt[s.tokens.lowerBound] ?? k }
        let words = doc.tokens.map { $0.text }
        let lower = words.map { $0.lowercased() }

        for (k, span) in doc.spans.enumerated() {
            let sentence = doc.sentenceIndex(ofToken: span.tokens.lowerBound)
            let bound = doc.sentences[sentence].upperBound
            // Titles: "Ukrainian President Volodymyr Zelensky".
            if let st = span.titleOf, let title = span.title, !GeneralVocabulary.honorifics.contains(title) {
                out.append(SpanRelation(subject: k, predicate: title + " of", object: st, sentence: sentence))
            }
            var t = headEnd(doc, k, lower)
            // "A-B relations": two states joined by a hyphen before a noun of dealings.
            if span.type == .state, t + 1 < bound, words[t] == "-", let other = spanAt[t + 1], doc.spans[other].type == .state {
                let after = doc.spans[other].tokens.upperBound
                if after < bound, GeneralVocabulary.dealingNouns.contains(lower[after]) {
                    out.append(SpanRelation(subject: k, predicate: lower[after] + " with", object: other, sentence: sentence))
                }
                continue
            }
            // An event in a place: "a summit in Lancaster House".
            if span.type == .event, t + 1 < bound, lower[t] == "in" || lower[t] == "at",
               let o = spanAt[t + 1], [.place, .state].contains(doc.spans[o].type) {
                out.append(SpanRelation(subject: k, predicate: "held in", object: o, sentence: sentence))
                continue
            }
            // "Kursk where Ukrainian forces have been engaged": the subject acted in the place.
            if [.place, .state].contains(span.type), t < bound {
                var w = t
                if w < bound, words[w] == "," { w += 1 }
                if w < bound, lower[w] == "where", let s = spanAt[w + 1] {
                    var v = headEnd(doc, s, lower)
                    if v < bound, !doc.spans[s].isCommonNoun { while v < bound, !GeneralVocabulary.clauseBreakers.contains(lower[v]), isModifier(lower[v]) { v += 1 } }
                    if v < bound, let verb = verbLabel(lower, v) {
                        let prep = v + 1 < bound && GeneralVocabulary.prepositions.contains(lower[v + 1]) ? lower[v + 1] : "in"
                        out.append(SpanRelation(subject: s, predicate: verb + " " + prep, object: k, sentence: sentence))
                    }
                    continue
                }
            }
            // Skip an aside after the subject: ", including …," or a short apposition.
            if t < bound, words[t] == ",", span.tokens.lowerBound > 0 {
                let before = doc.sentences[sentence].lowerBound..<span.tokens.lowerBound
                if before.contains(where: { lower[$0] == "including" || lower[$0] == "like" }) { t += 1 }
            }
            if span.type == .person && span.isReference && lower[span.tokens.lowerBound] != "he" && lower[span.tokens.lowerBound] != "she" { continue }
            // Subject, auxiliaries and adverbs, a verb.
            var v = t
            var negated = false
            var passive = false
            var copula = false
            while v < bound {
                let w = lower[v]
                if GeneralVocabulary.negations.contains(w) { negated = true; v += 1; continue }
                if GeneralVocabulary.copulas.contains(w) && w != "'s" && w != "’s" { copula = true; v += 1; continue }
                if GeneralVocabulary.auxiliaries.contains(w) || (w.hasSuffix("ly") && w.count > 4 && lexicon.verbLemma(w) == nil) { v += 1; continue }
                break
            }
            guard v < bound, !negated else { continue }
            // "X was/were in Washington": for a person or organization, a visit.
            if copula, [.person, .organization].contains(span.type), lower[v] == "in" || lower[v] == "at",
               let o = spanAt[v + 1], [.place, .state].contains(doc.spans[o].type) {
                out.append(SpanRelation(subject: k, predicate: "visited", object: o, sentence: sentence))
                continue
            }
            guard let verb = verbLabel(lower, v), isVerbPosition(lower, v) else { continue }
            passive = copula && (lower[v].hasSuffix("ed") || lexicon.verbExceptions[lower[v]] != nil)
            // The object: determiners, numbers, adverbs, at most one preposition, then a span.
            var o = v + 1
            var prep: String? = nil
            while o < bound, spanAt[o] == nil {
                let w = lower[o]
                if GeneralVocabulary.determiners.contains(w) || w.allSatisfy(\.isNumber) || (w.hasSuffix("ly") && w.count > 4) { o += 1; continue }
                if prep == nil, GeneralVocabulary.prepositions.contains(w) { prep = w; o += 1; continue }
                break
            }
            guard o < bound, var obj = spanAt[o], obj != k else { continue }
            // "by Kenyan President William Ruto": the titled person, not the state before the title.
            if doc.spans[obj].type == .state, let p = doc.spans.firstIndex(where: { $0.titleOf == obj }) { obj = p }
            if doc.spans[obj].type == .person && doc.spans[obj].isReference { continue }
            if passive && prep == "by" {
                out.append(SpanRelation(subject: obj, predicate: verb, object: k, sentence: sentence))
            } else {
                let label = prep.map { verb + " " + $0 } ?? verb
                out.append(SpanRelation(subject: k, predicate: label, object: obj, sentence: sentence))
            }
        }
        return out
    }

    /// Where the subject phrase of a span ends: after a demonym, the noun it stands before
    /// ("Iraqi forces", "French troops") belongs to it.
    private func headEnd(_ doc: Document, _ k: Int, _ lower: [String]) -> Int {
        let span = doc.spans[k]
        var t = span.tokens.upperBound
        if span.type == .state, span.tokens.count == 1, lexicon.demonyms[Lexicon.key(doc.tokens[span.tokens.lowerBound].text)] != nil,
           t < doc.tokens.count, doc.tokens[t].text == lower[t], lower[t].first?.isLetter == true,
           !GeneralVocabulary.functionWords.contains(lower[t]), !GeneralVocabulary.auxiliaries.contains(lower[t]) {
            t += 1
        }
        return t
    }

    private func isModifier(_ w: String) -> Bool {
        GeneralVocabulary.auxiliaries.contains(w) || GeneralVocabulary.copulas.contains(w) || (w.hasSuffix("ly") && w.count > 4)
    }

    /// A verb form in a position where it can be a verb: lowercase, not a noun after a determiner.
    private func isVerbPosition(_ lower: [String], _ v: Int) -> Bool {
        v == 0 || !GeneralVocabulary.determiners.contains(lower[v - 1])
    }

    /// The past-tense label of the verb at a position, or nil when the word is no finite verb we trust.
    func verbLabel(_ lower: [String], _ v: Int) -> String? {
        let w = lower[v]
        guard w.count > 2, !GeneralVocabulary.functionWords.contains(w), !GeneralVocabulary.prepositions.contains(w),
              let lemma = lexicon.verbLemma(w) else { return nil }
        if w.hasSuffix("ed") { return w }
        if let l = lexicon.verbExceptions[w], l != w { return w } // "met", "went"
        if w.hasSuffix("ing") { return nil }
        if w.hasSuffix("s") && w != lemma { return past(of: lemma) } // "pushes"
        return nil // a bare form is too often a noun ("support", "talks")
    }

    func past(of lemma: String) -> String {
        if let f = irregularPast[lemma] { return f }
        if lemma.hasSuffix("e") { return lemma + "d" }
        if lemma.hasSuffix("y"), let p = lemma.dropLast().last, !"aeiou".contains(p) { return lemma.dropLast() + "ied" }
        return lemma + "ed"
    }
}
