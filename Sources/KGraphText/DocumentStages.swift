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
        }
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
