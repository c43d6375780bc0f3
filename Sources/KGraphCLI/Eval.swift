import ArgumentParser
import Foundation
import KGraphBuild
import KGraphText

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the committed models: EWT tags, lemmas and parses (gold tokens and raw text), UNER entities.")

    @Option(help: "The corpora folder (ud-english-ewt/, uner-english-ewt/ inside).")
    var corpora: String = "../shared/corpora"

    @Option(help: "A relation gold set: one JSON sentence a line with its (subject, lemma, object) relations; repeat for several.")
    var relationsGold: [String] = ["Tests/Gold/relations.jsonl", "Tests/Gold/relations-dev2.jsonl", "Tests/Gold/relations-dev3.jsonl",
                                   "Tests/Gold/relations-dev4.jsonl", "Tests/Gold/relations-fresh.jsonl", "Tests/Gold/relations-fresh2.jsonl",
                                   "Tests/Gold/relations-fresh3.jsonl", "Tests/Gold/relations-fresh4.jsonl"]

    @Flag(help: "Also list the relations found that are not in the gold set, and the gold ones missed.")
    var showRelations = false

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        let dir = modelOptions.directory
        let tagger = try PerceptronTagger.load(from: dir.appendingPathComponent(TaggerTraining.modelFile))
        let parser = try DependencyParser.load(from: dir.appendingPathComponent(ParserTraining.modelFile))
        let lexicon = try Lexicon.load(from: dir.appendingPathComponent(ModelLocation.lexiconFile))
        let ewt = URL(fileURLWithPath: corpora).appendingPathComponent("ud-english-ewt")
        for split in ["dev", "test"] {
            let file = ewt.appendingPathComponent("en_ewt-ud-\(split).conllu")
            let sentences = try CoNLLU.read(file)
            let score = TaggerTraining.evaluate(tagger, on: sentences)
            let lemmas = Lemmatizer(lexicon: lexicon).accuracy(on: sentences, tagger: tagger)
            print(String(format: "EWT %@ (gold tokens): UPOS %.2f%%  XPOS %.2f%%  lemmas %.2f%%  (%d words)",
                         split, score.upos * 100, score.xpos * 100, 100 * Double(lemmas.correct) / Double(lemmas.words), score.tokens))
            let parse = ParserTraining.evaluate(parser, tagger, on: sentences)
            print(String(format: "EWT %@ (gold tokens, predicted tags): UAS %.2f%%  LAS %.2f%%  (%d words)",
                         split, parse.uas * 100, parse.las * 100, parse.words))
        }
        let pipeline = try modelOptions.pipeline()
        for split in ["dev", "test"] {
            let docs = TreebankDocument.documents(from: try CoNLLU.read(ewt.appendingPathComponent("en_ewt-ud-\(split).conllu")))
            // From raw text, then again with the treebank's sentence boundaries in place of the
            // splitter's: the difference is what sentence splitting costs the parse.
            for goldSentences in [false, true] {
                let s = RawTextEvaluation.evaluate(docs) { gold, text in
                    var doc = pipeline.tokenize(path: gold.id, text: text)
                    if goldSentences { gold.splitAtItsSentences(&doc) }
                    pipeline.tagger.tag(&doc)
                    pipeline.parse(&doc)
                    return doc
                }
                print(String(format: "EWT %@ (raw text%@, F1): words %.2f  sentences %.2f  UPOS %.2f  XPOS %.2f  UAS %.2f  LAS %.2f",
                             split, goldSentences ? ", gold sentence boundaries" : "", s.words.f1 * 100, s.sentences.f1 * 100,
                             s.upos.f1 * 100, s.xpos.f1 * 100, s.uas.f1 * 100, s.las.f1 * 100))
            }
        }
        func line(_ name: String, _ r: RelationScore) -> String {
            String(format: "%@ P %.2f%%  R %.2f%%  F1 %.2f%%  (%d sentences, gold %d, found %d, correct %d)", name,
                   100 * r.precision, 100 * r.recall, 100 * r.f1, r.sentences, r.gold, r.found, r.foundCorrect)
        }
        // The held-out sets (files named "*fresh*": annotated blind, not used to choose rules) are
        // also scored together, the figure the issue's targets are read on.
        var heldOut = RelationScore()
        var heldOutFiles: [String] = []
        for file in relationsGold {
            let gold = try RelationEvaluation.read(URL(fileURLWithPath: file))
            let relations = RelationEvaluation.evaluate(gold, pipeline: pipeline, builder: GraphBuilder(lexicon: pipeline.lexicon))
            if URL(fileURLWithPath: file).lastPathComponent.contains("fresh") {
                heldOut.add(relations.overall)
                heldOutFiles.append(URL(fileURLWithPath: file).lastPathComponent)
            }
            print("Relations (\(file), subject and object by any alias, relation by lemma):")
            print(line("overall", relations.overall))
            for (source, r) in relations.bySource.sorted(by: { $0.key < $1.key }) where relations.bySource.count > 1 {
                print(line("  " + source, r))
            }
            // Does a relation's confidence say how often relations like it are right?
            print("  calibration (confidence: correct/found): " + relations.overall.calibration.sorted { $0.key < $1.key }
                .map { String(format: "%.2f: %d/%d", $0.key, $0.value.correct, $0.value.found) }.joined(separator: ", "))
            if showRelations {
                for w in relations.overall.wrong { print("  not in gold  \(w.sentence): \(w.relation.joined(separator: " | "))") }
                for m in relations.overall.missed { print("  missed       \(m.sentence): \(m.relation.joined(separator: " | "))") }
            }
        }
        if heldOutFiles.count > 1 {
            print("Relations, held-out sets together (\(heldOutFiles.joined(separator: ", "))):")
            print(line("overall", heldOut))
        }
        let ner = try NamedEntityTagger.load(from: dir.appendingPathComponent(NERTraining.modelFile), lexicon: lexicon)
        var unerTest: [NERTraining.Sentence] = []
        for split in ["dev", "test"] { // dev is part of the recognizer's training data; test is held out
            let sentences = try NERTraining.readUNER(NERTraining.unerFile(corpora: URL(fileURLWithPath: corpora), split: split))
            if split == "test" { unerTest = sentences }
            print("UNER EWT \(split) (\(split == "dev" ? "trained on" : "held out"), exact mentions, EVT as O):\n"
                  + NERTraining.evaluate(ner, tagger: tagger, sentences: sentences).summary)
        }
        // The names the graph gets: the tagger's mentions after the recognizer's gazetteers and rules.
        print("UNER EWT test (held out, the recognizer's names from raw text, exact mentions):\n"
              + RecognizerEvaluation.evaluate(pipeline, on: unerTest).summary)
    }
}
