import ArgumentParser
import Foundation
import KGraphText

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the committed models on the held-out corpora (so far: the tagger on UD EWT, gold tokens).")

    @Option(help: "The corpora folder (ud-english-ewt/ inside).")
    var corpora: String = "../shared/corpora"

    @OptionGroup var modelOptions: ModelOptions

    @Flag(help: "Also measure the tagger's speed (words per second, one core, gold tokens of EWT dev).")
    var speed = false

    func run() throws {
        let dir = modelOptions.directory
        let tagger = try PerceptronTagger.load(from: dir.appendingPathComponent(TaggerTraining.modelFile))
        let ewt = URL(fileURLWithPath: corpora).appendingPathComponent("ud-english-ewt")
        for split in ["dev", "test"] {
            let file = ewt.appendingPathComponent("en_ewt-ud-\(split).conllu")
            let score = TaggerTraining.evaluate(tagger, on: try CoNLLU.read(file))
            print(String(format: "EWT %@ (gold tokens): UPOS %.2f%%  XPOS %.2f%%  (%d tokens)",
                         split, score.upos * 100, score.xpos * 100, score.tokens))
        }
        if speed {
            let sentences = try CoNLLU.read(ewt.appendingPathComponent("en_ewt-ud-dev.conllu")).map(\.forms)
            let words = sentences.reduce(0) { $0 + $1.count }
            // Thread CPU time, so that other processes on the machine disturb the figure less.
            func cpu() -> Double {
                var ts = timespec()
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
                return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
            }
            var best = Double.infinity
            var check = 0
            for _ in 0..<10 {
                let t = cpu()
                for s in sentences { check &+= tagger.tagIndices(s).count }
                best = min(best, cpu() - t)
            }
            print(String(format: "tagger speed: %.0f words/s (best of 10 passes over EWT dev, %d words, one thread, CPU time)",
                         Double(words) / best, words))
            _ = check
        }
        let tokenizer = Tokenizer()
        for split in ["dev", "test"] {
            let docs = TreebankDocument.documents(from: try CoNLLU.read(ewt.appendingPathComponent("en_ewt-ud-\(split).conllu")))
            let s = RawTextEvaluation.evaluate(docs) { id, text in
                var doc = Document(path: id, text: text)
                tokenizer.tokenize(&doc)
                tagger.tag(&doc)
                return doc
            }
            print(String(format: "EWT %@ (raw text, F1): words %.2f  sentences %.2f  UPOS %.2f  XPOS %.2f  UAS %.2f  LAS %.2f",
                         split, s.words.f1 * 100, s.sentences.f1 * 100, s.upos.f1 * 100,
                         s.xpos.f1 * 100, s.uas.f1 * 100, s.las.f1 * 100))
        }
    }
}
