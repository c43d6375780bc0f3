extension DependencyParser {
    /// Parses every sentence of a tagged document: heads become document token indices, -1 for
    /// a sentence's root.
    public func parse(_ doc: inout Document) {
        doc.heads = Array(repeating: -1, count: doc.tokens.count)
        doc.deprels = Array(repeating: "root", count: doc.tokens.count)
        guard doc.upos.count == doc.tokens.count else { return }
        for sentence in doc.sentences where !sentence.isEmpty {
            let arcs = parse(words: doc.tokens[sentence].map(\.text), upos: Array(doc.upos[sentence]),
                             xpos: Array(doc.xpos[sentence]))
            for (k, arc) in arcs.enumerated() {
                doc.heads[sentence.lowerBound + k] = arc.head == 0 ? -1 : sentence.lowerBound + arc.head - 1
                doc.deprels[sentence.lowerBound + k] = arc.deprel
            }
            Self.verbalRoot(&doc, sentence)
        }
    }

    /// A root tagged as a plural noun with a subject before it, and no copula or determiner, breaks
    /// UD's rules for a nominal predicate: it is a verb in the third person ("Kari Barber reports
    /// from Conakry"), and what the parse hung on it as a noun's modifiers are the verb's obliques.
    static func verbalRoot(_ doc: inout Document, _ sentence: Range<Int>) {
        guard let r = sentence.first(where: { doc.heads[$0] == -1 }), doc.upos[r] == "NOUN", doc.xpos[r] == "NNS",
              doc.tokens[r].text.hasSuffix("s"), doc.tokens[r].text.first?.isLowercase == true else { return }
        let kids = sentence.filter { doc.heads[$0] == r }
        guard kids.contains(where: { $0 < r && doc.deprels[$0] == "nsubj" }),
              !kids.contains(where: { ["cop", "det", "amod", "nummod", "nmod:poss", "compound"].contains(doc.deprels[$0]) }) else { return }
        doc.upos[r] = "VERB"
        doc.xpos[r] = "VBZ"
        for k in kids where doc.deprels[k].hasPrefix("nmod") { doc.deprels[k] = "obl" + doc.deprels[k].dropFirst(4) }
    }
}

extension NamedEntityTagger {
    /// Tags every sentence of a tagged document with IOB2 entity tags.
    public func tag(_ doc: inout Document) {
        doc.entityTags = Array(repeating: "O", count: doc.tokens.count)
        guard doc.upos.count == doc.tokens.count else { return }
        for sentence in doc.sentences where !sentence.isEmpty {
            let tags = tag(words: doc.tokens[sentence].map(\.text), upos: Array(doc.upos[sentence]), xpos: Array(doc.xpos[sentence]))
            for (k, t) in tags.enumerated() { doc.entityTags[sentence.lowerBound + k] = t }
        }
    }
}
