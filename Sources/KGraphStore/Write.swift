import Foundation
import GRDB
import KGraphModel

extension GraphStore {
    /// Writes the result of one build in one transaction.
    ///
    /// `documents` are the documents this build read. The facts the store held from those
    /// documents (mentions, evidence) are replaced by the ones of `graph`; facts of other
    /// documents stay. Entities take their name and type from `graph`, and their aliases are the
    /// union of the stored ones and the new ones, each with the first reason given for it. Relations left without evidence and entities
    /// left without mentions and relations are then deleted.
    ///
    /// Writing the same build twice leaves the store as after the first write. Every mention and
    /// evidence must name a document among `documents` or already stored, and every relation and
    /// mention an entity of `graph` or of the store; otherwise this throws and the store keeps
    /// what it had before.
    public func write(_ graph: Graph, documents: [StoredDocument]) throws {
        let builtAt = Date().ISO8601Format()
        try perform("cannot write") {
            try dbQueue.write { db in
                try Writer(db: db, path: path).write(graph, documents: documents, builtAt: builtAt)
            }
        }
    }
}

private struct Writer {
    let db: Database
    let path: String

    func fail(_ message: String) -> StoreError {
        StoreError(path: path, message: "cannot write: \(message)")
    }

    func write(_ graph: Graph, documents: [StoredDocument], builtAt: String) throws {
        // Documents: upsert, then drop the facts the store had from them.
        let upsertDocument = try db.cachedStatement(sql: """
            INSERT INTO documents (path, fingerprint, length, built_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (path) DO UPDATE SET
                fingerprint = excluded.fingerprint, length = excluded.length, built_at = excluded.built_at
            """)
        let deleteMentions = try db.cachedStatement(sql: "DELETE FROM mentions WHERE document = ?")
        let deleteEvidence = try db.cachedStatement(sql: "DELETE FROM evidence WHERE document = ?")
        for document in documents {
            try upsertDocument.execute(arguments: [document.path, document.fingerprint, document.length, builtAt])
            try deleteMentions.execute(arguments: [document.path])
            try deleteEvidence.execute(arguments: [document.path])
        }
        let knownDocuments = Set(try String.fetchAll(db, sql: "SELECT path FROM documents"))

        // Entities and their aliases.
        let upsertEntity = try db.cachedStatement(sql: """
            INSERT INTO entities (id, name, type, norm_name) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, type = excluded.type, norm_name = excluded.norm_name
            """)
        let deleteAlias = try db.cachedStatement(sql: "DELETE FROM aliases WHERE entity_id = ? AND alias = ?")
        let insertAlias = try db.cachedStatement(sql: """
            INSERT INTO aliases (entity_id, alias, norm_alias, reason) VALUES (?, ?, ?, ?)
            ON CONFLICT (entity_id, alias) DO UPDATE SET
                reason = CASE WHEN aliases.reason = '' THEN excluded.reason ELSE aliases.reason END
            """)
        var knownEntities = Set<String>()
        for entity in graph.entities {
            if entity.id.isEmpty { throw fail("an entity named \"\(entity.name)\" has an empty id") }
            try upsertEntity.execute(arguments: [entity.id, entity.name, entity.type.rawValue, Entity.normalize(entity.name)])
            // The name itself is never an alias.
            try deleteAlias.execute(arguments: [entity.id, entity.name])
            for alias in entity.aliases where alias != entity.name && !alias.isEmpty {
                // The first reason recorded for an alias stays.
                try insertAlias.execute(arguments: [entity.id, alias, Entity.normalize(alias), entity.reasons[alias] ?? ""])
            }
            knownEntities.insert(entity.id)
        }
        let entityExists = try db.cachedStatement(sql: "SELECT 1 FROM entities WHERE id = ?")
        func checkEntity(_ id: String, _ what: @autoclosure () -> String) throws {
            if knownEntities.contains(id) { return }
            guard try Int.fetchOne(entityExists, arguments: [id]) != nil else {
                throw fail("\(what()) names the entity \"\(id)\", which is neither in the graph nor in the store")
            }
            knownEntities.insert(id)
        }
        func checkDocument(_ document: String, _ what: @autoclosure () -> String) throws {
            guard knownDocuments.contains(document) else {
                throw fail("\(what()) is in the document \"\(document)\", which is neither among the documents written nor in the store")
            }
        }

        // Mentions.
        let insertMention = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO mentions (entity_id, document, start, "end", text) VALUES (?, ?, ?, ?, ?)
            """)
        for mention in graph.mentions {
            try checkEntity(mention.entity, "a mention \"\(mention.text)\"")
            try checkDocument(mention.document, "a mention \"\(mention.text)\" of \"\(mention.entity)\"")
            try insertMention.execute(arguments: [mention.entity, mention.document, mention.start, mention.end, mention.text])
        }

        // Relations and their evidence.
        let insertRelation = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO relations (subject, predicate, object, negated, lemma) VALUES (?, ?, ?, ?, ?)
            """)
        let relationID = try db.cachedStatement(sql: """
            SELECT id FROM relations WHERE subject = ? AND predicate = ? AND object = ? AND negated = ?
            """)
        let insertEvidence = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO evidence (relation_id, document, sentence, start, "end", source, confidence)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for relation in graph.relations {
            let label = "the relation \"\(relation.subject)\" -\(relation.negated ? "not " : "")\(relation.predicate)-> \"\(relation.object)\""
            try checkEntity(relation.subject, label)
            try checkEntity(relation.object, label)
            let keyArguments: StatementArguments = [relation.subject, relation.predicate, relation.object, relation.negated]
            try insertRelation.execute(arguments: keyArguments + [relation.lemma])
            guard let id = try Int64.fetchOne(relationID, arguments: keyArguments) else {
                throw fail("\(label) could not be stored")
            }
            for evidence in relation.evidence {
                try checkDocument(evidence.document, "evidence of \(label)")
                try insertEvidence.execute(arguments: [
                    id, evidence.document, evidence.sentence, evidence.start, evidence.end, evidence.source ?? "", evidence.confidence,
                ])
            }
        }

        // What lost its support goes.
        try db.execute(sql: """
            DELETE FROM relations
            WHERE NOT EXISTS (SELECT 1 FROM evidence WHERE evidence.relation_id = relations.id)
            """)
        try db.execute(sql: """
            DELETE FROM entities
            WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE mentions.entity_id = entities.id)
              AND NOT EXISTS (SELECT 1 FROM relations WHERE relations.subject = entities.id)
              AND NOT EXISTS (SELECT 1 FROM relations WHERE relations.object = entities.id)
            """)
    }
}
