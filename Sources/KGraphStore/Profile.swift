import Foundation
import GRDB
import KGraphModel

/// Everything the store knows of one entity: what `kgraph query entity` shows.
public struct EntityProfile: Sendable, Hashable {
    /// A document that names the entity, with how many times.
    public struct Naming: Sendable, Hashable {
        public var document: String
        public var mentions: Int

        public init(document: String, mentions: Int) {
            self.document = document
            self.mentions = mentions
        }
    }

    public var entity: Entity
    /// The documents that name it, by path.
    public var documents: [Naming]
    /// Every relation it takes part in, as subject or object, with all its evidence: most
    /// evidence first, then by key.
    public var relations: [Relation]

    public init(entity: Entity, documents: [Naming], relations: [Relation]) {
        self.entity = entity
        self.documents = documents
        self.relations = relations
    }
}

extension GraphStore {
    /// The entity of that id with its documents and relations; nil when the store has none.
    public func profile(id: String) throws -> EntityProfile? {
        try perform("cannot read the entity \"\(id)\"") {
            try dbQueue.read { db in
                let reader = Reader(db: db, path: path)
                guard let entity = try reader.entities(ids: [id]).first else { return nil }
                let documents = try Row.fetchAll(db, sql: """
                    SELECT document, COUNT(*) FROM mentions WHERE entity_id = ? GROUP BY document ORDER BY document
                    """, arguments: [id]).map { EntityProfile.Naming(document: $0[0], mentions: $0[1]) }
                let rowIDs = try Int64.fetchAll(db, sql: """
                    SELECT id FROM relations WHERE subject = ? UNION SELECT id FROM relations WHERE object = ?
                    """, arguments: [id, id])
                let relations = try rowIDs.compactMap { try reader.relation(rowID: $0) }.sorted {
                    $0.evidence.count != $1.evidence.count ? $0.evidence.count > $1.evidence.count : $0.key < $1.key
                }
                return EntityProfile(entity: entity, documents: documents, relations: relations)
            }
        }
    }
}
