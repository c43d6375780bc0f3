/// Writes a document's analysis as CoNLL-U: a `# newdoc id` line, then per sentence `# sent_id`,
/// `# text` and one line per token, with `TokenRange=START:END` (Unicode scalars of the document,
/// end exclusive) and the entity tag (`NER=B-PER`) in MISC.
public enum CoNLLUWriter {
    public static func write(_ doc: Document) -> String {
        var out = "# newdoc id = \(oneLine(doc.path))\n"
        for (k, sentence) in doc.sentences.enumerated() where !sentence.isEmpty {
            out += "# sent_id = \(k + 1)\n"
            out += "# text = \(oneLine(doc.string(doc.scalarRange(sentence))))\n"
            for t in sentence {
                let tok = doc.tokens[t]
                let id = t - sentence.lowerBound + 1
                var head = "_", deprel = "_"
                if doc.heads.count == doc.tokens.count {
                    let h = doc.heads[t]
                    head = h < 0 ? "0" : String(h - sentence.lowerBound + 1)
                    deprel = doc.deprels[t]
                }
                var misc = ["TokenRange=\(tok.start):\(tok.end)"]
                if doc.entityTags.count == doc.tokens.count { misc.append("NER=\(doc.entityTags[t])") }
                if t + 1 < sentence.upperBound, doc.tokens[t + 1].start == tok.end { misc.append("SpaceAfter=No") }
                let cols = [String(id), field(tok.text), field(doc.lemmas.count == doc.tokens.count ? doc.lemmas[t] : "_"),
                            doc.upos.count == doc.tokens.count ? doc.upos[t] : "_",
                            doc.xpos.count == doc.tokens.count ? doc.xpos[t] : "_",
                            "_", head, deprel, "_", misc.joined(separator: "|")]
                out += cols.joined(separator: "\t") + "\n"
            }
            out += "\n"
        }
        return out
    }

    /// A comment value on one line.
    static func oneLine(_ s: String) -> String {
        String(s.map { $0.isNewline ? " " : $0 })
    }

    /// A FORM or LEMMA column: no tabs or line breaks (a token never has them; stay safe).
    static func field(_ s: String) -> String {
        s.isEmpty ? "_" : String(s.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
