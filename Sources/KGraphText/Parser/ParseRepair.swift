import Foundation

/// Repairs of parses that break UD's own rules, applied to the parser's output.
enum ParseRepair {
    /// `arcs`: one (head, deprel) per word, heads 1-based with 0 for the root, as
    /// `DependencyParser.parse` returns them.
    static func repair(words: [String], upos: [String], xpos: [String], arcs: inout [(head: Int, deprel: String)]) {
        let n = arcs.count
        guard n > 2, upos.count == n else { return }
        func children(_ h: Int) -> [Int] { (1...n).filter { arcs[$0 - 1].head == h } }
        /// Whether `a` lies in the subtree of `b` (or is `b`).
        func within(_ a: Int, _ b: Int) -> Bool {
            var k = a, steps = 0
            while k != 0 && steps <= n {
                if k == b { return true }
                k = arcs[k - 1].head
                steps += 1
            }
            return false
        }
        func hasSubject(_ v: Int) -> Bool {
            children(v).contains { ["nsubj", "nsubj:pass", "csubj", "expl"].contains(arcs[$0 - 1].deprel) }
        }
        // A passive's agent has "by": a nominal the parse gave as agent without it is the subject of
        // the next verb that has none ("In a statement issued Tuesday, Mr. Annan criticized").
        for i in 1...n where arcs[i - 1].deprel == "obl:agent" && ["NOUN", "PROPN", "PRON"].contains(upos[i - 1]) {
            guard !children(i).contains(where: { words[$0 - 1].lowercased() == "by" }),
                  let v = ((i + 1)...n).first(where: { upos[$0 - 1] == "VERB" && !within($0, i) }),
                  !hasSubject(v), !within(v, i) else { continue }
            let passive = children(v).contains { arcs[$0 - 1].deprel == "aux:pass" }
            arcs[i - 1] = (v, passive ? "nsubj:pass" : "nsubj")
        }
    }
}
