import Foundation
import GRDB
import KGraphModel

/// The store's file format: identification, tables, migrations.
enum Schema {
    /// `PRAGMA application_id` of every kgraph store: 'KGRF'.
    static let applicationID: Int32 = 0x4B47_5246
    /// The schema version this code writes and reads. Stored in `kgraph_meta` under `schema_version`.
    static let currentVersion = 3

    static func configuration(readonly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.foreignKeysEnabled = true
        configuration.label = "kgraph"
        return configuration
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                PRAGMA application_id = \(applicationID);
                CREATE TABLE kgraph_meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                INSERT INTO kgraph_meta (key, value) VALUES ('schema_version', '1');
                CREATE TABLE documents (
                    path TEXT PRIMARY KEY NOT NULL,
                    fingerprint TEXT NOT NULL,
                    length INTEGER NOT NULL,
                    built_at TEXT NOT NULL
                );
                CREATE TABLE entities (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    norm_name TEXT NOT NULL
                );
                CREATE INDEX entities_norm_name ON entities (norm_name);
                CREATE INDEX entities_type ON entities (type);
                CREATE TABLE aliases (
                    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
                    alias TEXT NOT NULL,
                    norm_alias TEXT NOT NULL,
                    PRIMARY KEY (entity_id, alias)
                ) WITHOUT ROWID;
                CREATE INDEX aliases_norm_alias ON aliases (norm_alias);
                CREATE TABLE mentions (
                    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
                    document TEXT NOT NULL REFERENCES documents (path),
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    UNIQUE (entity_id, document, start, "end")
                );
                CREATE INDEX mentions_document ON mentions (document);
                CREATE TABLE relations (
                    id INTEGER PRIMARY KEY,
                    subject TEXT NOT NULL REFERENCES entities (id),
                    predicate TEXT NOT NULL,
                    object TEXT NOT NULL REFERENCES entities (id),
                    UNIQUE (subject, predicate, object)
                );
                CREATE INDEX relations_object ON relations (object);
                CREATE TABLE evidence (
                    relation_id INTEGER NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
                    document TEXT NOT NULL REFERENCES documents (path),
                    sentence TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    source TEXT NOT NULL DEFAULT '',
                    UNIQUE (relation_id, document, start, "end", source)
                );
                CREATE INDEX evidence_document ON evidence (document);
                """)
        }
        // v2: a relation may be negated ("did not meet"), a fact of its own beside the affirmed
        // one. SQLite cannot widen a UNIQUE constraint in place, so the table is rebuilt with
        // its ids (the evidence points at them); foreign keys are checked once it is done.
        // Relations gain their lemma (the predicate itself for those stored before), aliases the
        // reason they were merged ('' for those stored before).
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                ALTER TABLE aliases ADD COLUMN reason TEXT NOT NULL DEFAULT '';
                CREATE TABLE relations_v2 (
                    id INTEGER PRIMARY KEY,
                    subject TEXT NOT NULL REFERENCES entities (id),
                    predicate TEXT NOT NULL,
                    object TEXT NOT NULL REFERENCES entities (id),
                    lemma TEXT NOT NULL,
                    negated INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
                    UNIQUE (subject, predicate, object, negated)
                );
                INSERT INTO relations_v2 (id, subject, predicate, object, lemma)
                    SELECT id, subject, predicate, object, predicate FROM relations;
                DROP TABLE relations;
                ALTER TABLE relations_v2 RENAME TO relations;
                CREATE INDEX relations_object ON relations (object);
                UPDATE kgraph_meta SET value = '2' WHERE key = 'schema_version';
                """)
        }
        // v3: each piece of evidence keeps the confidence of its reading (NULL for evidence
        // stored before: not measured); a relation's confidence is computed from them.
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                ALTER TABLE evidence ADD COLUMN confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1));
                UPDATE kgraph_meta SET value = '3' WHERE key = 'schema_version';
                """)
        }
        return migrator
    }

    /// Creates a new store at `path`, with its parent directory. On failure, removes what it created.
    static func create(path: String) throws -> DatabaseQueue {
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw StoreError(path: path, message: "cannot create the directory \(parent.path) (\(error.localizedDescription))")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            try migrator.migrate(queue)
            return queue
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: path + suffix)
            }
            throw StoreError.wrap(error, path: path, doing: "cannot create the store")
        }
    }

    /// Checks, without modifying it, that the existing file at `path` is a kgraph store this
    /// code can read, and returns its schema version.
    static func checkExisting(path: String) throws -> Int {
        func refuse(_ reason: String) -> StoreError {
            StoreError(path: path, message: "not a kgraph store (\(reason))")
        }

        // The header first: a clear answer for text files, images and empty files,
        // without handing them to SQLite at all.
        let header: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            header = try handle.read(upToCount: 100) ?? Data()
        } catch {
            throw StoreError(path: path, message: "cannot read the file (\(error.localizedDescription))")
        }
        if header.isEmpty { throw refuse("empty file") }
        if !header.starts(with: Array("SQLite format 3\u{0}".utf8)) {
            throw refuse("not an SQLite database")
        }

        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw refuse("not an SQLite database, or a damaged one: \(error.message ?? "\(error.resultCode)")")
        } catch {
            throw StoreError.wrap(error, path: path, doing: "cannot open the file")
        }
        defer { try? queue.close() }

        let found: (applicationID: Int32, hasMeta: Bool, version: String?)
        do {
            found = try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let hasMeta = try db.tableExists("kgraph_meta")
                let version = hasMeta
                    ? try String.fetchOne(db, sql: "SELECT value FROM kgraph_meta WHERE key = 'schema_version'")
                    : nil
                return (applicationID, hasMeta, version)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw refuse("not an SQLite database, or a damaged one: \(error.message ?? "\(error.resultCode)")")
        } catch {
            throw StoreError.wrap(error, path: path, doing: "cannot read the file")
        }

        if found.applicationID != applicationID {
            if found.applicationID != 0 {
                throw refuse(String(format: "an SQLite database of another application, application_id 0x%08X", UInt32(bitPattern: found.applicationID)))
            }
            if !found.hasMeta {
                throw refuse("an SQLite database without kgraph's application_id nor a kgraph_meta table")
            }
            if found.version == nil {
                throw refuse("an SQLite database whose kgraph_meta table has no schema_version")
            }
        }
        guard let text = found.version else {
            throw StoreError(path: path, message: "damaged kgraph store (no schema_version in kgraph_meta)")
        }
        guard let version = Int(text), version >= 1 else {
            throw StoreError(path: path, message: "damaged kgraph store (schema_version \"\(text)\" is not a version number)")
        }
        if version > currentVersion {
            throw StoreError(path: path, message: "kgraph store of schema version \(version), newer than this kgraph reads (\(currentVersion)): use a newer kgraph")
        }
        return version
    }
}
