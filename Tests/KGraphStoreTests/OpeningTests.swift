import Foundation
import GRDB
import KGraphModel
import Testing
@testable import KGraphStore

@Suite("Opening a store")
struct OpeningTests {
    @Test func createsTheFileItsDirectoryAndTheSchema() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("out", "deep", "x.sqlite")
        #expect(!FileManager.default.fileExists(atPath: path))
        do {
            let store = try GraphStore(path: path)
            #expect(store.path == path)
            let summary = try store.summary()
            #expect(summary.documents == 0 && summary.relations == 0 && summary.evidence == 0)
            #expect(summary.entities == 0)
            #expect(Set(summary.entitiesByType.keys) == Set(EntityType.allCases))
        }
        #expect(FileManager.default.fileExists(atPath: path))

        // It is marked as kgraph's.
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        let (applicationID, version, tables) = try queue.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"),
             try String.fetchOne(db, sql: "SELECT value FROM kgraph_meta WHERE key = 'schema_version'"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        }
        try queue.close()
        #expect(applicationID == 0x4B47_5246)
        #expect(version == "3")
        for table in ["aliases", "documents", "entities", "evidence", "kgraph_meta", "mentions", "relations"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
    }

    @Test func reopensWhatItWrote() throws {
        let dir = try TemporaryDirectory()
        try dir.store().write(World.a, documents: [document("a.txt")])
        let reopened = try dir.store()
        #expect(try reopened.graph() == World.a)
        #expect(try reopened.documents() == [document("a.txt")])
    }

    @Test func reopeningDoesNotModifyTheFile() throws {
        let dir = try TemporaryDirectory()
        try dir.store().write(World.a, documents: [document("a.txt")])
        let before = try FileSnapshot(dir.path("graph.sqlite"))
        _ = try dir.store().graph()
        #expect(try FileSnapshot(dir.path("graph.sqlite")) == before)
    }

    /// Files that are no kgraph store, by name and content.
    static let foreignFiles: [(name: String, bytes: [UInt8])] = [
        ("notes.sqlite", Array("Just some notes.\nNot a database.\n".utf8)),
        ("random.sqlite", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ ($0 >> 3) &* 31) }),
        ("picture.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52] + Array(repeating: 0x42, count: 64)),
        ("corrupt.sqlite", Array("SQLite format 3\u{0}".utf8) + Array(repeating: 0xFF, count: 4080)),
        ("empty.sqlite", []),
    ]

    @Test(arguments: foreignFiles.indices)
    func refusesAFileThatIsNotAStoreAndLeavesItAlone(_ index: Int) throws {
        let (name, bytes) = Self.foreignFiles[index]
        let dir = try TemporaryDirectory()
        let path = dir.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let before = try FileSnapshot(path)

        let error = #expect(throws: StoreError.self) { try GraphStore(path: path) }
        #expect(error?.path == path)
        #expect(error?.description.hasPrefix("\(path): not a kgraph store (") == true, "\(String(describing: error))")
        #expect(error?.description.contains("\n") == false)
        #expect(try FileSnapshot(path) == before)
    }

    @Test func refusesAnotherApplicationsDatabase() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE foo (id INTEGER PRIMARY KEY, bar TEXT); INSERT INTO foo (bar) VALUES ('baz')")
            }
            try queue.close()
        }
        let before = try FileSnapshot(path)
        let error = #expect(throws: StoreError.self) { try GraphStore(path: path) }
        #expect(error?.description.hasPrefix("\(path): not a kgraph store (") == true, "\(String(describing: error))")
        #expect(try FileSnapshot(path) == before)
    }

    @Test func refusesADatabaseWithAnotherApplicationID() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                // Even with a kgraph_meta table, another application's id wins.
                try db.execute(sql: """
                    PRAGMA application_id = 1234;
                    CREATE TABLE kgraph_meta (key TEXT PRIMARY KEY, value TEXT);
                    INSERT INTO kgraph_meta VALUES ('schema_version', '1');
                    """)
            }
            try queue.close()
        }
        let before = try FileSnapshot(path)
        let error = #expect(throws: StoreError.self) { try GraphStore(path: path) }
        #expect(error?.description.contains("another application") == true, "\(String(describing: error))")
        #expect(try FileSnapshot(path) == before)
    }

    @Test func refusesAStoreOfANewerSchema() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("graph.sqlite")
        try GraphStore(path: path).write(World.a, documents: [document("a.txt")])
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "UPDATE kgraph_meta SET value = '7' WHERE key = 'schema_version'") }
            try queue.close()
        }
        let before = try FileSnapshot(path)
        let error = #expect(throws: StoreError.self) { try GraphStore(path: path) }
        #expect(error?.description.hasPrefix(path + ": ") == true)
        #expect(error?.message.contains("schema version 7") == true, "\(String(describing: error))")
        #expect(error?.message.contains("newer") == true)
        #expect(try FileSnapshot(path) == before)
    }

    @Test func refusesADirectory() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("folder")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let error = #expect(throws: StoreError.self) { try GraphStore(path: path) }
        #expect(error?.description.hasPrefix("\(path): not a kgraph store") == true)
    }

    @Test func cannotCreateUnderAFile() throws {
        let dir = try TemporaryDirectory()
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir.path("file")))
        let path = dir.path("file", "graph.sqlite")
        let error = #expect(throws: StoreError.self) { try GraphStore(path: path) }
        #expect(error?.description.hasPrefix(path + ": ") == true)
    }
}
