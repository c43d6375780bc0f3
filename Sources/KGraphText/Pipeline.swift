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

    // The stages, in order. Each adds its layer to the document.

    public func tokenize(path: String, text: String) -> Document {
        var doc = Document(path: path, text: text)
        tokenizer.tokenize(&doc)
        return doc
    }

    /// Part-of-speech tags and lemmas.
    public func tag(_ doc: inout Document) {
        tagger.tag(&doc)
        lemmatizer.lemmatize(&doc)
    }

    /// Entity spans.
    public func recognize(_ doc: inout Document) {
        recognizer.recognize(&doc)
    }

    public func extract(_ doc: Document) -> [SpanRelation] {
        extractor.relations(in: doc)
    }

    /// Tokens, sentences, tags, lemmas and entities: the analysis `kgraph annotate` prints.
    public func annotate(path: String, text: String) -> Document {
        var doc = tokenize(path: path, text: text)
        tag(&doc)
        recognize(&doc)
        return doc
    }

    public func analyze(path: String, text: String) -> AnalyzedDocument {
        let doc = annotate(path: path, text: text)
        return AnalyzedDocument(document: doc, relations: extract(doc))
    }
}
