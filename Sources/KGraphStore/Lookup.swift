import Foundation
import GRDB
import KGraphModel

extension GraphStore {
    /// Finds the entity a person means by `name`, ignoring case, periods and extra spaces.
    ///
    /// Tries in turn: the entities' names; their aliases; for a one-word name, persons whose last
    /// name it is and entities with it as a whole word of their name or of an alias. The first try
    /// that matches answers: `.found` for one entity, `.ambiguous` (by type, then name) for several.
    /// When none matches, `.unknown` suggests up to five entities with a close name, best first.
    public func lookup(_ name: String) throws -> NameLookup {
        let query = Entity.normalize(name)
        if query.isEmpty { return .unknown(suggestions: []) }
        return try perform("cannot look up \"\(name)\"") {
            try dbQueue.read { db in
                let reader = Reader(db: db, path: path)
                // 1. Names.
                let byName = try String.fetchAll(db, sql: "SELECT id FROM entities WHERE norm_name = ?", arguments: [query])
                if let answer = try Self.answer(byName, reader) { return answer }
                // 2. Aliases.
                let byAlias = try String.fetchAll(db, sql: "SELECT DISTINCT entity_id FROM aliases WHERE norm_alias = ?", arguments: [query])
                if let answer = try Self.answer(byAlias, reader) { return answer }

                let all = try NameIndex(reader: reader)
                // 3. One word: surnames, and whole words of names and aliases.
                if !query.contains(" ") {
                    let matches = all.items.filter { item in
                        (item.entity.type == .person && item.name.split(separator: " ").last.map(String.init) == query)
                            || ([item.name] + item.aliases).contains { Self.hasWholeWord(query, in: $0) }
                    }
                    if let answer = Self.answer(matches.map(\.entity)) { return answer }
                }
                return .unknown(suggestions: all.suggestions(for: query, limit: 5))
            }
        }
    }

    private static func answer(_ ids: [String], _ reader: Reader) throws -> NameLookup? {
        answer(try reader.entities(ids: ids))
    }

    private static func answer(_ entities: [Entity]) -> NameLookup? {
        switch entities.count {
        case 0: return nil
        case 1: return .found(entities[0])
        default: return .ambiguous(entities.sorted(by: byTypeThenName))
        }
    }

    static func byTypeThenName(_ a: Entity, _ b: Entity) -> Bool {
        (a.type, a.name, a.id) < (b.type, b.name, b.id)
    }

    /// Whether `word` occurs in `text` between non-alphanumeric characters or the ends.
    static func hasWholeWord(_ word: String, in text: String) -> Bool {
        let needle = Array(word)
        let haystack = Array(text)
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            let end = start + needle.count
            if haystack[start..<end].elementsEqual(needle)
                && (start == 0 || !isWordCharacter(haystack[start - 1]))
                && (end == haystack.count || !isWordCharacter(haystack[end])) {
                return true
            }
        }
        return false
    }
}

/// Every entity with its normalized name and aliases, for the fuzzy tries.
private struct NameIndex {
    struct Item {
        var entity: Entity
        var name: String
        var aliases: [String]
    }

    var items: [Item] = []

    init(reader: Reader) throws {
        var normalizedAliases: [String: [String]] = [:]
        var aliases: [String: [String]] = [:]
        let aliasRows = try Row.fetchCursor(reader.db, sql: "SELECT entity_id, alias, norm_alias FROM aliases")
        while let row = try aliasRows.next() {
            aliases[row[0], default: []].append(row[1])
            normalizedAliases[row[0], default: []].append(row[2])
        }
        let rows = try Row.fetchCursor(reader.db, sql: "SELECT id, name, type, norm_name FROM entities")
        while let row = try rows.next() {
            let entity = try reader.entity(row, aliases: aliases)
            items.append(Item(entity: entity, name: row[3], aliases: normalizedAliases[entity.id] ?? []))
        }
    }

    /// Entities whose name, an alias, or a word of the name is within a small edit distance of
    /// `query` or starts with it; best first.
    func suggestions(for query: String, limit: Int) -> [Entity] {
        let target = Array(query.unicodeScalars)
        // Edits allowed: two, or a third of the length when longer; always fewer than the length.
        let allowed = min(max(2, target.count / 3), target.count - 1)
        var scored: [(score: Int, entity: Entity)] = []
        for item in items {
            var best = Int.max
            // Whole strings score a little better than single words of the name.
            let candidates: [(String, Int)] = [(item.name, 0)] + item.aliases.map { ($0, 0) }
                + item.name.split(separator: " ").map { (String($0), 1) }
            for (candidate, penalty) in candidates {
                let scalars = Array(candidate.unicodeScalars)
                // Scores are in half edits: d edits score 4d; a prefix match scores 6 (1.5 edits).
                if let distance = levenshtein(target, scalars, limit: allowed) {
                    best = min(best, 4 * distance + penalty)
                }
                if target.count >= 2 && scalars.count > target.count && scalars.starts(with: target) {
                    best = min(best, 6 + penalty)
                }
            }
            if best != Int.max { scored.append((best, item.entity)) }
        }
        scored.sort { a, b in
            a.score != b.score ? a.score < b.score : GraphStore.byTypeThenName(a.entity, b.entity)
        }
        return scored.prefix(limit).map(\.entity)
    }
}

/// The edit distance between `a` and `b` when it is at most `limit`, else nil.
func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
    if limit < 0 || abs(a.count - b.count) > limit { return nil }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        var rowMinimum = current[0]
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            rowMinimum = min(rowMinimum, current[j])
        }
        if rowMinimum > limit { return nil }
        swap(&previous, &current)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
}
