import ArgumentParser
import Foundation
import KGraphText

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the committed models on the held-out corpora (so far: the tagger on UD EWT, gold tokens).")

    @Option(help: "The corpora folder (ud-english-ewt/ inside).")
    var corpora: String = "../shared/corpora"

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        let dir = modelOptions.directory
        let tagger = try PerceptronTagger.load(from: dir.appendingPathComponent(TaggerTraining.modelFile))
        let parser = try DependencyParser.load(from: dir.appendingPathComponent(ParserTraining.modelFile))
        let ewt = URL(fileURLWithPath: corpora).appendingPathComponent("ud-english-ewt")
        for split in ["dev", "test"] {
            let file = ewt.appendingPathComponent("en_ewt-ud-\(split).conllu")
            let score = TaggerTraining.evaluate(tagger, on: try CoNLLU.read(file))
            print(String(format: "EWT %@ (gold tokens): UPOS %.2f%%  XPOS %.2f%%  (%d tokens)",
                         split, score.upos * 100, score.xpos * 100, score.tokens))
            let parse = ParserTraining.evaluate(parser, tagger, on: try CoNLLU.read(file))
            print(String(format: "EWT %@ (gold tokens, predicted tags): UAS %.2f%%  LAS %.2f%%  (%d words)",
                         split, parse.uas * 100, parse.las * 100, parse.words))
        }
    }
}
