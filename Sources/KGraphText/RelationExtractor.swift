import KGraphModel

/// A relation between two spans of a document, read from one sentence.
public struct SpanRelation: Sendable, Hashable {
    public var subject: Int
    public var predicate: String
    public var object: Int
    public var sentence: Int
    /// The sentence denies the relation ("did not visit").
    public var negated: Bool = false
    /// The predicate with its verb in the base form ("engage in" for "engaged in"); a role
    /// ("president of") is its own lemma.
    public var lemma: String = ""
}

/// Finds relations between the spans of a document.
public protocol RelationExtractor: Sendable {
    func relations(in doc: Document) -> [SpanRelation]
}
