import Foundation

/// A document with its relations: the text pipeline's output.
public struct AnalyzedDocument: Sendable {
    public var document: Document
    public var relations: [SpanRelation]
}

/// text -> Document (tokens, sentences, spans) -> relations. One interface for the extractor,
/// whatever recognizer and relation rules stand behind it.
public struct TextPipeline: Sendable {
    public var tokenizer = Tokenizer()
    public var recognizer: any EntityRecognizer
    public var extractor: any RelationExtractor
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.recognizer = LexiconRecognizer(lexicon: lexicon)
        self.extractor = PatternRelationExtractor(lexicon: lexicon)
    }

    /// Loads the lexicon from the models folder.
    public static func load(models: URL = ModelLocation.directory()) throws -> TextPipeline {
        TextPipeline(lexicon: try Lexicon.load(from: models.appendingPathComponent(ModelLocation.lexiconFile)))
    }

    public func analyze(path: String, text: String) -> AnalyzedDocument {
        var doc = Document(path: path, text: text)
        tokenizer.tokenize(&doc)
        recognizer.recognize(&doc)
        return AnalyzedDocument(document: doc, relations: extractor.relations(in: doc))
    }
}
