import KGraphModel

/// A relation between two spans of a document, read from one sentence.
public struct SpanRelation: Sendable, Hashable {
    public var subject: Int
    public var predicate: String
    public var object: Int
    public var sentence: Int
    /// The sentence denies the relation ("did not visit").
    public var negated: Bool = false
}

/// Finds relations between the spans of a document.
public protocol RelationExtractor: Sendable {
    func relations(in doc: Document) -> [SpanRelation]
}
