import Foundation

/// The kinds of node a kgraph graph holds. The raw values are the type names of
/// the JSON schema and the store: keep them stable.
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case person = "Person"
    case state = "State"
    case place = "Place"
    case organization = "Organization"
    case event = "Event"

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where a fact was read: a document, and the sentence in it.
/// Offsets count Unicode scalars from the start of the document's text, end exclusive.
public struct Evidence: Sendable, Hashable, Codable {
    /// The document's path as it was given to the build.
    public var document: String
    /// The sentence's text.
    public var sentence: String
    /// Offset of the sentence's first scalar in the document.
    public var start: Int
    /// Offset one past the sentence's last scalar.
    public var end: Int
    /// Where the fact comes from besides the text, e.g. "GeoNames" for a "located in" edge
    /// drawn from the gazetteer for a place the sentence mentions; nil when the sentence says it.
    public var source: String?
    /// How likely this reading is right, from 0 to 1: the measured precision of the pattern that
    /// read it (see `kgraph eval`'s calibration). Nil for evidence stored before confidences were.
    public var confidence: Double?

    public init(document: String, sentence: String, start: Int, end: Int, source: String? = nil, confidence: Double? = nil) {
        self.document = document
        self.sentence = sentence
        self.start = start
        self.end = end
        self.source = source
        self.confidence = confidence
    }
}

/// One real-world entity: a node of the graph.
public struct Entity: Sendable, Hashable, Codable, Identifiable {
    /// Stable key: the type and the normalized canonical name, e.g. "person:jonathan powell".
    public var id: String
    /// The canonical name, e.g. "Jonathan Powell".
    public var name: String
    public var type: EntityType
    /// Other names it goes by in the texts ("Powell", "US", "U.S."), sorted, without the name itself.
    public var aliases: [String]
    /// Why each alias was taken for this entity ("surname of the full name in the same
    /// document", "another name of the state in iso-codes or GeoNames"), by alias.
    public var reasons: [String: String]

    public init(id: String, name: String, type: EntityType, aliases: [String] = [], reasons: [String: String] = [:]) {
        self.id = id
        self.name = name
        self.type = type
        self.aliases = aliases
        self.reasons = reasons
    }

    enum CodingKeys: String, CodingKey { case id, name, type, aliases, reasons }

    /// Reads graphs written before merge reasons were kept: missing `reasons` are empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decode(EntityType.self, forKey: .type)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        reasons = try c.decodeIfPresent([String: String].self, forKey: .reasons) ?? [:]
    }

    /// The id for a name of a type: the type's raw value lowercased, a colon, the normalized name.
    public static func makeID(type: EntityType, name: String) -> String {
        type.rawValue.lowercased() + ":" + normalize(name)
    }

    /// Lowercased, without diacritics, with runs of white space folded to one space and periods
    /// dropped, so that "U.S." and "US", "António" and "Antonio", "Keir  Starmer" and "keir starmer" meet.
    public static func normalize(_ name: String) -> String {
        // ASCII names (nearly all) take a byte loop: the same result, without Character iteration.
        // In ASCII, Character.isWhitespace holds exactly for tab, LF, VT, FF, CR (and CR LF) and space.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            var pendingSpace = false
            for b in name.utf8 {
                if b == UInt8(ascii: ".") { continue }
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    pendingSpace = !bytes.isEmpty
                    continue
                }
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        var pendingSpace = false
        let folded = name.unicodeScalars.allSatisfy(\.isASCII) ? name.lowercased()
            : name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        for var ch in folded {
            if ch == "." { continue }
            // Typographic apostrophes are the plain one: "Côte d’Ivoire", "O’Brien".
            if ch == "’" || ch == "‘" { ch = "'" }
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(ch)
        }
        return out
    }
}

/// A directed, labelled edge with every piece of evidence behind it.
public struct Relation: Sendable, Hashable, Codable {
    /// Entity id of the subject.
    public var subject: String
    /// A short verb phrase or role: "convened", "visited", "engaged in", "president of".
    public var predicate: String
    /// Entity id of the object.
    public var object: String
    /// The predicate with its verb in the base form, for matching and filtering: "convene",
    /// "visit", "engage in"; a role ("president of") is its own lemma.
    public var lemma: String
    /// The text denies the fact ("did not meet"): a separate edge from the affirmed one, never
    /// a connection between its ends.
    public var negated: Bool
    /// Every place the fact was read, in document and offset order, without repeats.
    public var evidence: [Evidence]

    /// `lemma` defaults to the predicate.
    public init(subject: String, predicate: String, object: String, lemma: String? = nil, negated: Bool = false,
                evidence: [Evidence]) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.lemma = lemma ?? predicate
        self.negated = negated
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey { case subject, predicate, object, lemma, negated, evidence, confidence, count }

    /// Writes the stored fields and, for readers, the confidence (when known) and the count.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(subject, forKey: .subject)
        try c.encode(predicate, forKey: .predicate)
        try c.encode(object, forKey: .object)
        try c.encode(lemma, forKey: .lemma)
        try c.encode(negated, forKey: .negated)
        try c.encode(evidence, forKey: .evidence)
        try c.encodeIfPresent(confidence.map { ($0 * 1000).rounded() / 1000 }, forKey: .confidence)
        try c.encode(count, forKey: .count)
    }

    /// Reads graphs written before negation and lemmas were kept: a missing `negated` is false,
    /// a missing `lemma` the predicate.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        subject = try c.decode(String.self, forKey: .subject)
        predicate = try c.decode(String.self, forKey: .predicate)
        object = try c.decode(String.self, forKey: .object)
        lemma = try c.decodeIfPresent(String.self, forKey: .lemma) ?? predicate
        negated = try c.decodeIfPresent(Bool.self, forKey: .negated) ?? false
        evidence = try c.decode([Evidence].self, forKey: .evidence)
    }

    /// How likely the fact is right, from the confidences of its evidence: each reading is an
    /// independent chance to be right (1 - the product of 1 - c). Nil when no evidence has one.
    public var confidence: Double? {
        let known = evidence.compactMap(\.confidence)
        guard !known.isEmpty else { return nil }
        return 1 - known.reduce(1) { $0 * (1 - min(max($1, 0), 1)) }
    }

    /// How many times the fact was read.
    public var count: Int { evidence.count }

    /// What makes two relations the same fact.
    public var key: RelationKey { RelationKey(subject: subject, predicate: predicate, object: object, negated: negated) }
}

public struct RelationKey: Sendable, Hashable, Codable, Comparable {
    public var subject: String
    public var predicate: String
    public var object: String
    public var negated: Bool

    public init(subject: String, predicate: String, object: String, negated: Bool = false) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.negated = negated
    }

    public static func < (a: RelationKey, b: RelationKey) -> Bool {
        (a.subject, a.predicate, a.object, a.negated ? 1 : 0) < (b.subject, b.predicate, b.object, b.negated ? 1 : 0)
    }
}

/// One place in a document where an entity is named.
public struct Mention: Sendable, Hashable, Codable {
    public var entity: String
    public var document: String
    /// Unicode-scalar offsets into the document's text, end exclusive.
    public var start: Int
    public var end: Int
    public var text: String

    public init(entity: String, document: String, start: Int, end: Int, text: String) {
        self.entity = entity
        self.document = document
        self.start = start
        self.end = end
        self.text = text
    }
}

/// A whole graph: entities sorted by id, relations sorted by key, mentions in document order.
public struct Graph: Sendable, Hashable, Codable {
    public var entities: [Entity]
    public var relations: [Relation]
    /// Where each entity is named; may be empty for a graph read back only for drawing.
    public var mentions: [Mention]

    public init(entities: [Entity] = [], relations: [Relation] = [], mentions: [Mention] = []) {
        self.entities = entities.sorted { $0.id < $1.id }
        self.relations = relations.sorted { $0.key < $1.key }
        self.mentions = mentions.sorted { ($0.document, $0.start, $0.end, $0.entity) < ($1.document, $1.start, $1.end, $1.entity) }
    }

    /// Entities by id.
    public var entitiesByID: [String: Entity] {
        Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
