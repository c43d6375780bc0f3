import Foundation
import GRDB
import KGraphModel

extension GraphStore {
    /// The whole stored graph: entities with their aliases, relations with all their evidence
    /// (sorted by document, start, end, source), and mentions.
    public func graph() throws -> Graph {
        try perform("cannot read the graph") {
            try dbQueue.read { db in
                let reader = Reader(db: db, path: path)
                let aliases = try reader.allAliases()
                let reasons = try reader.allReasons()
                let entities = try Row.fetchAll(db, sql: "SELECT id, name, type FROM entities").map { row in
                    try reader.entity(row, aliases: aliases, reasons: reasons)
                }
                var evidenceByRelation: [Int64: [Evidence]] = [:]
                let evidenceRows = try Row.fetchCursor(db, sql: """
                    SELECT relation_id, document, sentence, start, "end", source, confidence FROM evidence
                    """)
                while let row = try evidenceRows.next() {
                    evidenceByRelation[row[0], default: []].append(Reader.evidence(row, from: 1))
                }
                var relations: [Relation] = []
                let relationRows = try Row.fetchCursor(db, sql: "SELECT id, subject, predicate, object, negated, lemma FROM relations")
                while let row = try relationRows.next() {
                    let id: Int64 = row[0]
                    relations.append(Relation(
                        subject: row[1], predicate: row[2], object: row[3], lemma: row[5], negated: row[4],
                        evidence: Reader.sorted(evidenceByRelation[id] ?? [])))
                }
                var mentions: [Mention] = []
                let mentionRows = try Row.fetchCursor(db, sql: """
                    SELECT entity_id, document, start, "end", text FROM mentions
                    """)
                while let row = try mentionRows.next() {
                    mentions.append(Mention(entity: row[0], document: row[1], start: row[2], end: row[3], text: row[4]))
                }
                return Graph(entities: entities, relations: relations, mentions: mentions)
            }
        }
    }

    /// Counts of what the store holds.
    public func summary() throws -> StoreSummary {
        try perform("cannot read the summary") {
            try dbQueue.read { db in
                var byType: [EntityType: Int] = [:]
                for type in EntityType.allCases { byType[type] = 0 }
                for row in try Row.fetchAll(db, sql: "SELECT type, COUNT(*) FROM entities GROUP BY type") {
                    let name: String = row[0]
                    guard let type = EntityType(rawValue: name) else {
                        throw StoreError(path: path, message: "damaged kgraph store (unknown entity type \"\(name)\")")
                    }
                    byType[type] = row[1]
                }
                return StoreSummary(
                    documents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0,
                    entitiesByType: byType,
                    relations: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM relations") ?? 0,
                    evidence: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM evidence") ?? 0)
            }
        }
    }

    /// The entity of that id, with its aliases; nil when the store has none.
    public func entity(id: String) throws -> Entity? {
        try perform("cannot read the entity \"\(id)\"") {
            try dbQueue.read { db in try Reader(db: db, path: path).entities(ids: [id]).first }
        }
    }

    /// Every entity of a type, with its aliases and their reasons, sorted by id.
    public func entities(ofType type: EntityType) throws -> [Entity] {
        try perform("cannot read the entities") {
            try dbQueue.read { db in
                let reader = Reader(db: db, path: path)
                let ids = try String.fetchAll(db, sql: "SELECT id FROM entities WHERE type = ? ORDER BY id", arguments: [type.rawValue])
                return try reader.entities(ids: ids)
            }
        }
    }

    /// The documents the store was built from, sorted by path: lets a build skip unchanged ones.
    public func documents() throws -> [StoredDocument] {
        try perform("cannot read the documents") {
            try dbQueue.read { db in
                try Row.fetchAll(db, sql: "SELECT path, fingerprint, length FROM documents ORDER BY path").map {
                    StoredDocument(path: $0[0], fingerprint: $0[1], length: $0[2])
                }.sorted { $0.path < $1.path }
            }
        }
    }
}

/// Row decoding shared by the queries.
struct Reader {
    let db: Database
    let path: String

    func damaged(_ what: String) -> StoreError {
        StoreError(path: path, message: "damaged kgraph store (\(what))")
    }

    /// Every alias, by entity id, sorted.
    func allAliases() throws -> [String: [String]] {
        var aliases: [String: [String]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT entity_id, alias FROM aliases")
        while let row = try rows.next() {
            aliases[row[0], default: []].append(row[1])
        }
        return aliases
    }

    /// Why each alias was merged, by entity id and alias (aliases stored without one are left out).
    func allReasons() throws -> [String: [String: String]] {
        var reasons: [String: [String: String]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT entity_id, alias, reason FROM aliases WHERE reason != ''")
        while let row = try rows.next() {
            reasons[row[0], default: [:]][row[1]] = row[2]
        }
        return reasons
    }

    /// An entity from a row of (id, name, type); its aliases from `aliases`, their reasons from `reasons`.
    func entity(_ row: Row, aliases: [String: [String]], reasons: [String: [String: String]] = [:]) throws -> Entity {
        let id: String = row[0]
        let name: String = row[1]
        let typeName: String = row[2]
        guard let type = EntityType(rawValue: typeName) else {
            throw damaged("the entity \"\(id)\" has the unknown type \"\(typeName)\"")
        }
        let kept = (aliases[id] ?? []).filter { $0 != name }.sorted()
        let why = (reasons[id] ?? [:]).filter { kept.contains($0.key) }
        return Entity(id: id, name: name, type: type, aliases: kept, reasons: why)
    }

    /// The entities of these ids that the store has, in the order of `ids`.
    func entities(ids: [String]) throws -> [Entity] {
        let entityStatement = try db.cachedStatement(sql: "SELECT id, name, type FROM entities WHERE id = ?")
        let aliasStatement = try db.cachedStatement(sql: "SELECT alias, reason FROM aliases WHERE entity_id = ?")
        var result: [Entity] = []
        for id in ids {
            guard let row = try Row.fetchOne(entityStatement, arguments: [id]) else { continue }
            let rows = try Row.fetchAll(aliasStatement, arguments: [id])
            var reasons: [String: String] = [:]
            for r in rows where (r[1] as String) != "" { reasons[r[0]] = r[1] }
            result.append(try entity(row, aliases: [id: rows.map { $0[0] }], reasons: [id: reasons]))
        }
        return result
    }

    /// The relation of that row id with all its evidence.
    func relation(rowID: Int64) throws -> Relation? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT subject, predicate, object, negated, lemma FROM relations WHERE id = ?", arguments: [rowID])
        else { return nil }
        let evidence = try Row.fetchAll(db, sql: """
            SELECT document, sentence, start, "end", source, confidence FROM evidence WHERE relation_id = ?
            """, arguments: [rowID]).map { Reader.evidence($0, from: 0) }
        return Relation(subject: row[0], predicate: row[1], object: row[2], lemma: row[4], negated: row[3],
                        evidence: Reader.sorted(evidence))
    }

    /// Evidence from the columns (document, sentence, start, end, source, confidence) starting at `index`.
    static func evidence(_ row: Row, from index: Int) -> Evidence {
        let source: String = row[index + 4]
        return Evidence(
            document: row[index], sentence: row[index + 1], start: row[index + 2], end: row[index + 3],
            source: source.isEmpty ? nil : source, confidence: row[index + 5])
    }

    /// Evidence in (document, start, end, source) order, no source first.
    static func sorted(_ evidence: [Evidence]) -> [Evidence] {
        evidence.sorted {
            ($0.document, $0.start, $0.end, $0.source ?? "", $0.sentence)
                < ($1.document, $1.start, $1.end, $1.source ?? "", $1.sentence)
        }
    }
}
