import Foundation
import GRDB
import KGraphModel

/// A failure of the store: one readable line naming the store's file and the problem,
/// e.g. `out/x.sqlite: not a kgraph store (not an SQLite database)`.
public struct StoreError: Error, CustomStringConvertible, LocalizedError, Sendable {
    /// The store's path as it was given to `GraphStore(path:)`.
    public var path: String
    /// What went wrong, without the path.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
    public var errorDescription: String? { description }
}

/// A document a build read: its path as given to the build and a fingerprint of its content.
public struct StoredDocument: Sendable, Hashable {
    public var path: String
    /// A fingerprint of the content (e.g. a hash), opaque to the store.
    public var fingerprint: String
    /// The content's length (the build decides the unit; the store only keeps it).
    public var length: Int

    public init(path: String, fingerprint: String, length: Int) {
        self.path = path
        self.fingerprint = fingerprint
        self.length = length
    }
}

/// What a store holds, counted.
public struct StoreSummary: Sendable, Hashable {
    public var documents: Int
    /// Every entity type, with 0 for the types the store has none of.
    public var entitiesByType: [EntityType: Int]
    public var relations: Int
    /// Rows of evidence over all relations.
    public var evidence: Int

    public init(documents: Int, entitiesByType: [EntityType: Int], relations: Int, evidence: Int) {
        self.documents = documents
        self.entitiesByType = entitiesByType
        self.relations = relations
        self.evidence = evidence
    }

    /// All entities, whatever their type.
    public var entities: Int { entitiesByType.values.reduce(0, +) }
}

/// The answer to a name asked of the store.
public enum NameLookup: Sendable, Equatable {
    /// Exactly one entity goes by that name.
    case found(Entity)
    /// Several do, sorted by type, then name.
    case ambiguous([Entity])
    /// None does; up to five entities with a close name, best first.
    case unknown(suggestions: [Entity])
}

/// One step of a path between two entities.
public struct PathHop: Sendable, Hashable {
    public var from: Entity
    public var to: Entity
    /// The edge followed, with all its evidence.
    public var relation: Relation
    /// True when the hop follows the edge subject -> object; false when it goes against it.
    public var forward: Bool

    public init(from: Entity, to: Entity, relation: Relation, forward: Bool) {
        self.from = from
        self.to = to
        self.relation = relation
        self.forward = forward
    }
}

/// A kgraph graph kept in an SQLite file, through GRDB.
///
/// Opening never modifies a file that is not a kgraph store: such a file is checked
/// read-only and refused with a `StoreError`.
public final class GraphStore: Sendable {
    /// The store's path as given.
    public let path: String
    let dbQueue: DatabaseQueue

    /// Opens the store at `path`, creating it (and its parent directory) when no file is there.
    ///
    /// Throws `StoreError` when the file exists but is not a kgraph store (a text file, an image,
    /// an empty file, another application's SQLite database) or is a store of a newer schema;
    /// such a file is left untouched.
    public init(path: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw StoreError(path: path, message: "not a kgraph store (it is a directory)")
            }
            let version = try Schema.checkExisting(path: path)
            do {
                dbQueue = try DatabaseQueue(path: path, configuration: Schema.configuration())
                if version < Schema.currentVersion {
                    try Schema.migrator.migrate(dbQueue)
                }
            } catch {
                throw StoreError.wrap(error, path: path, doing: "cannot open the store")
            }
        } else {
            dbQueue = try Schema.create(path: path)
        }
    }

    /// Runs `body`, turning any error other than a `StoreError` into one that names the store.
    func perform<T>(_ doing: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw StoreError.wrap(error, path: path, doing: doing)
        }
    }
}

extension StoreError {
    /// `error` as a `StoreError` of the store at `path`; `doing` says what failed.
    static func wrap(_ error: any Error, path: String, doing: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        if let databaseError = error as? DatabaseError {
            let detail = databaseError.message ?? "\(databaseError.resultCode)"
            return StoreError(path: path, message: "\(doing): \(detail) (SQLite error \(databaseError.extendedResultCode.rawValue))")
        }
        let text = (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
        return StoreError(path: path, message: "\(doing): \(text.split(separator: "\n").first.map(String.init) ?? text)")
    }
}
