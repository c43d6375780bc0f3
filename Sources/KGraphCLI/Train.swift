import ArgumentParser
import Foundation
import KGraphText

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the models and lexicons under models/ from the corpora, deterministically.")

    @Option(help: "The corpora folder (geonames/, gmb-voa-partial/, uner-english-ewt/, ud-english-ewt/).")
    var corpora: String = "../shared/corpora"

    @Option(help: "WordNet 3.0 database folder (Debian's wordnet-base).")
    var wordnet: String = "/usr/share/wordnet"

    @Option(help: "iso-codes JSON folder (Debian's iso-codes).")
    var isoCodes: String = "/usr/share/iso-codes/json"

    @Option(help: "Where to write the models.")
    var out: String = "models"

    @Option(help: "The relation gold sets (*.jsonl) whose GMB sentences training leaves out, so that scoring on them stays held out.")
    var gold: String = "Tests/Gold"

    @Flag(help: "Retrain only the part-of-speech tagger (leave the lexicon as it is).")
    var taggerOnly = false

    @Flag(help: "Retrain only the sentence splitter.")
    var sentencesOnly = false

    @Flag(help: "Retrain only the dependency parser (behind the tagger already in --out).")
    var parserOnly = false

    @Flag(help: "Retrain only the named-entity recognizer (behind the lexicon and tagger already in --out).")
    var nerOnly = false

    @Flag(help: "Rebuild only the lexicon (the models read it, so retrain them if its gazetteers changed).")
    var lexiconOnly = false

    func run() throws {
        let started = Date()
        let dir = URL(fileURLWithPath: out)
        if parserOnly {
            print(try ParserTraining.run(corpora: URL(fileURLWithPath: corpora), out: dir).summary)
            return
        }
        let heldOut = try HeldOutGold.gmbSentences(in: URL(fileURLWithPath: gold))
        if nerOnly {
            print(try NERTraining.run(corpora: URL(fileURLWithPath: corpora), out: dir,
                                      lexicon: try Lexicon.load(from: dir.appendingPathComponent(ModelLocation.lexiconFile)),
                                      tagger: try PerceptronTagger.load(from: dir.appendingPathComponent(TaggerTraining.modelFile)),
                                      heldOutGMB: heldOut).summary)
            return
        }
        if sentencesOnly {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            print(try SentenceTraining.run(corpora: URL(fileURLWithPath: corpora), out: dir))
            return
        }
        if taggerOnly {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            print(try TaggerTraining.run(corpora: URL(fileURLWithPath: corpora), out: dir,
                                           wordnet: URL(fileURLWithPath: wordnet)).summary)
            return
        }
        let sources = LexiconSources(corpora: URL(fileURLWithPath: corpora), wordnet: URL(fileURLWithPath: wordnet),
                                     isoCodes: URL(fileURLWithPath: isoCodes), heldOutGMB: heldOut)
        let text = try LexiconBuilder(sources: sources).build()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent(ModelLocation.lexiconFile)
        try text.write(to: file, atomically: true, encoding: .utf8)
        print("wrote \(file.path): \(text.utf8.count) bytes, \(text.split(separator: "\n").count) entries (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)")
        if lexiconOnly { return }
        // The sentence splitter, on EWT train's raw text.
        print(try SentenceTraining.run(corpora: URL(fileURLWithPath: corpora), out: dir))
        // The part-of-speech tagger, trained on UD English-EWT train and scored on dev and test (gold tokens).
        let report = try TaggerTraining.run(corpora: URL(fileURLWithPath: corpora), out: dir,
                                           wordnet: URL(fileURLWithPath: wordnet))
        print(report.summary)
        // The dependency parser, trained on EWT train with jackknifed tags, scored with tagger.bin's tags.
        print(try ParserTraining.run(corpora: URL(fileURLWithPath: corpora), out: dir).summary)
        // The named-entity recognizer, on the POS tags of the tagger just made (see NamedEntityTagger).
        let ner = try NERTraining.run(corpora: URL(fileURLWithPath: corpora), out: dir, lexicon: try Lexicon.load(from: file),
                                      tagger: try PerceptronTagger.load(from: report.model), heldOutGMB: heldOut)
        print(ner.summary)
    }
}
