import Foundation

/// A document with its relations: the text pipeline's output.
public struct AnalyzedDocument: Sendable {
    public var document: Document
    public var relations: [SpanRelation]
}

/// text -> Document (tokens, sentences, tags, lemmas, spans) -> relations. One interface for the
/// extractor, whatever models and rules stand behind it.
public struct TextPipeline: Sendable {
    public var tokenizer = Tokenizer()
    public let tagger: PerceptronTagger
    public let lemmatizer: Lemmatizer
    public var recognizer: any EntityRecognizer
    public var extractor: any RelationExtractor
    public let lexicon: Lexicon

    public init(lexicon: Lexicon, tagger: PerceptronTagger) {
        self.lexicon = lexicon
        self.tagger = tagger
        self.lemmatizer = Lemmatizer(lexicon: lexicon)
        self.recognizer = LexiconRecognizer(lexicon: lexicon)
        self.extractor = PatternRelationExtractor(lexicon: lexicon)
    }

    /// Loads the models from the models folder.
    public static func load(models: URL = ModelLocation.directory()) throws -> TextPipeline {
        TextPipeline(lexicon: try Lexicon.load(from: models.appendingPathComponent(ModelLocation.lexiconFile)),
                     tagger: try PerceptronTagger.load(from: models.appendingPathComponent(TaggerTraining.modelFile)))
    }

    /// Tokens, sentences, tags and lemmas: the analysis `kgraph annotate` prints.
    public func annotate(path: String, text: String) -> Document {
        var doc = Document(path: path, text: text)
        tokenizer.tokenize(&doc)
        tagger.tag(&doc)
        lemmatizer.lemmatize(&doc)
        return doc
    }

    public func analyze(path: String, text: String) -> AnalyzedDocument {
        var doc = annotate(path: path, text: text)
        recognizer.recognize(&doc)
        return AnalyzedDocument(document: doc, relations: extractor.relations(in: doc))
    }
}
