import Foundation

/// A document with its relations: the text pipeline's output.
public struct AnalyzedDocument: Sendable {
    public var document: Document
    public var relations: [SpanRelation]
}

/// text -> Document (tokens, sentences, tags, lemmas, dependencies, spans) -> relations. One interface for the
/// extractor, whatever models and rules stand behind it.
public struct TextPipeline: Sendable {
    public var tokenizer = Tokenizer()
    public let segmenter: SentenceSegmenter
    public let tagger: PerceptronTagger
    public let lemmatizer: Lemmatizer
    public let parser: DependencyParser
    public let entityTagger: NamedEntityTagger
    public var recognizer: any EntityRecognizer
    public var extractor: any RelationExtractor
    public let lexicon: Lexicon

    public init(lexicon: Lexicon, segmenter: SentenceSegmenter, tagger: PerceptronTagger, parser: DependencyParser,
                entityTagger: NamedEntityTagger) {
        self.lexicon = lexicon
        self.segmenter = segmenter
        self.entityTagger = entityTagger
        self.tagger = tagger
        self.parser = parser
        self.lemmatizer = Lemmatizer(lexicon: lexicon)
        self.recognizer = LexiconRecognizer(lexicon: lexicon)
        self.extractor = DependencyRelationExtractor(lexicon: lexicon)
    }

    /// Loads the models from the models folder.
    public static func load(models: URL = ModelLocation.directory()) throws -> TextPipeline {
        let lexicon = try Lexicon.load(from: models.appendingPathComponent(ModelLocation.lexiconFile))
        return TextPipeline(
            lexicon: lexicon,
            segmenter: try SentenceSegmenter.load(from: models.appendingPathComponent(SentenceSegmenter.modelFile)),
            tagger: try PerceptronTagger.load(from: models.appendingPathComponent(TaggerTraining.modelFile)),
            parser: try DependencyParser.load(from: models.appendingPathComponent(ParserTraining.modelFile)),
            entityTagger: try NamedEntityTagger.load(from: models.appendingPathComponent(NERTraining.modelFile), lexicon: lexicon))
    }

    // The stages, in order. Each adds its layer to the document.

    /// A Markdown article (".md") is read with its marks blanked out (`Markup.plain`), so its
    /// offsets are the file's; plain text is read as it is.
    public func tokenize(path: String, text: String) -> Document {
        var doc = Document(path: path, text: path.lowercased().hasSuffix(".md") ? Markup.plain(text) : text)
        tokenizer.tokenize(&doc)
        segmenter.segment(&doc)
        Dateline.split(&doc, lexicon: lexicon)
        return doc
    }

    /// Part-of-speech tags and lemmas.
    public func tag(_ doc: inout Document) {
        tagger.tag(&doc)
        lemmatizer.lemmatize(&doc)
    }

    /// Heads and dependency relations.
    public func parse(_ doc: inout Document) {
        parser.parse(&doc)
    }

    /// Entity tags from the trained recognizer, then typed spans (gazetteers, titles, references).
    public func recognize(_ doc: inout Document) {
        entityTagger.tag(&doc)
        recognizer.recognize(&doc)
    }

    public func extract(_ doc: Document) -> [SpanRelation] {
        extractor.relations(in: doc)
    }

    /// Tokens, sentences, tags, lemmas and entities: the analysis `kgraph annotate` prints.
    public func annotate(path: String, text: String) -> Document {
        var doc = tokenize(path: path, text: text)
        tag(&doc)
        parse(&doc)
        recognize(&doc)
        return doc
    }

    public func analyze(path: String, text: String) -> AnalyzedDocument {
        let doc = annotate(path: path, text: text)
        return AnalyzedDocument(document: doc, relations: extract(doc))
    }
}
