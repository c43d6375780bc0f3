import ArgumentParser
import Foundation
import KGraphText

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the committed models on the held-out corpora (the tagger on UD EWT and the recognizer on UNER EWT, gold tokens).")

    @Option(help: "The corpora folder (ud-english-ewt/, uner-english-ewt/ inside).")
    var corpora: String = "../shared/corpora"

    @OptionGroup var modelOptions: ModelOptions

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
        let lexicon = try Lexicon.load(from: dir.appendingPathComponent(ModelLocation.lexiconFile))
        let ner = try NamedEntityTagger.load(from: dir.appendingPathComponent(NERTraining.modelFile), lexicon: lexicon)
        for split in ["dev", "test"] { // dev is part of the recognizer's training data; test is held out
            let file = NERTraining.unerFile(corpora: URL(fileURLWithPath: corpora), split: split)
            print("UNER EWT \(split) (\(split == "dev" ? "trained on" : "held out"), exact mentions, EVT as O):\n"
                  + (try NERTraining.evaluate(ner, tagger: tagger, file: file)).summary)
        }
    }
}
