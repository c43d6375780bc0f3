import Foundation
import KGraphModel
import KGraphText

/// One sentence of the relation gold set with the relations a reader finds in it, as
/// (subject, relation lemma, object) with the entities' names as the text gives them.
public struct GoldSentence: Sendable, Hashable, Codable {
    public var id: String
    public var source: String
    public var text: String
    public var relations: [[String]]
}

/// Precision and recall of extracted relations against the gold set: a relation found counts
/// when some gold relation of its sentence has the same lemma, a subject that is the found
/// subject's name or one of its aliases, and likewise the object (an event matches by its
/// head noun as well: "summit" and "the virtual summit", "air strikes" and "coalition air strikes"). Names compare as `Entity.normalize`
/// does. Denied relations and edges drawn from the gazetteer (GeoNames "located in") are not
/// claims read from the text and are left out.
public struct RelationScore: Sendable, Hashable {
    public var sentences = 0
    public var gold = 0
    public var found = 0
    /// Found relations that match a gold one, and gold ones some found relation matches.
    public var foundCorrect = 0
    public var goldFound = 0
    /// Every found relation that matches nothing, and every gold one missed, for reading.
    public var wrong: [(sentence: String, relation: [String])] = []
    public var missed: [(sentence: String, relation: [String])] = []
    /// Found relations by their confidence (to two decimals): how many, and how many right.
    public var calibration: [Double: (found: Int, correct: Int)] = [:]

    public var precision: Double { found == 0 ? 0 : Double(foundCorrect) / Double(found) }
    public var recall: Double { gold == 0 ? 0 : Double(goldFound) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    public init() {}

    public static func == (a: RelationScore, b: RelationScore) -> Bool {
        (a.sentences, a.gold, a.found, a.foundCorrect, a.goldFound) == (b.sentences, b.gold, b.found, b.foundCorrect, b.goldFound)
    }
    public func hash(into h: inout Hasher) { h.combine(sentences); h.combine(gold); h.combine(found); h.combine(foundCorrect) }
}

public enum RelationEvaluation {
    /// Reads the gold set: one JSON object per line; a bad line throws naming the file and line.
    public static func read(_ url: URL) throws -> [GoldSentence] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw EvaluationError("\(url.path): cannot read the relation gold set (\(error.localizedDescription))")
        }
        var out: [GoldSentence] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do {
                let s = try JSONDecoder().decode(GoldSentence.self, from: Data(line.utf8))
                guard s.relations.allSatisfy({ $0.count == 3 }) else { throw EvaluationError("a relation is not [subject, lemma, object]") }
                out.append(s)
            } catch {
                throw EvaluationError("\(url.path):\(n + 1): not a gold sentence (\(error))")
            }
        }
        return out
    }

    /// Scores one resolved sentence against its gold relations.
    /// `stateID` gives the entity id of the state a gold name names in the gazetteers, if any, so
    /// that "Britain" in the gold set matches the United Kingdom the text called "British".
    /// `groupOf` gives the name a gold argument is the members or agents of, if any ("Israeli army"
    /// -> "Israeli", "al-Qaida sympathizers" -> "al-Qaida", "Pakistan's military" -> "Pakistan"):
    /// the extractor reads those as the state or group itself, as issue 4 asks.
    public static func score(_ resolved: ResolvedDocument, gold: GoldSentence,
                             stateID: (String) -> String? = { _ in nil },
                             groupOf: (String) -> String? = { _ in nil }) -> RelationScore {
        var s = RelationScore()
        s.sentences = 1
        s.gold = gold.relations.count
        let entities = Dictionary(resolved.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let found = resolved.relations.filter { r in !r.negated && r.evidence.contains { $0.source == nil } }
        func names(_ id: String) -> Set<String> {
            guard let e = entities[id] else { return [Entity.normalize(id)] }
            var all = Set(([e.name] + e.aliases).map(Entity.normalize))
            if e.type == .event, let head = e.name.split(separator: " ").last { all.insert(Entity.normalize(String(head))) }
            return all
        }
        /// A gold name against an entity: one of its names, or for an event the two head nouns
        /// ("air strikes" and "coalition air strikes" are one event).
        func named(_ id: String, _ gold: String) -> Bool {
            let all = names(id)
            if all.contains(Entity.normalize(gold)) || stateID(gold) == id { return true }
            if entities[id]?.type != .event, let group = groupOf(gold) { return named(id, group) }
            guard entities[id]?.type == .event, let head = gold.split(separator: " ").last else { return false }
            return all.contains(Entity.normalize(String(head)))
        }
        func matches(_ r: Relation, _ g: [String]) -> Bool {
            Entity.normalize(r.lemma) == Entity.normalize(g[1]) && named(r.subject, g[0]) && named(r.object, g[2])
        }
        s.found = found.count
        for r in found {
            let right = gold.relations.contains(where: { matches(r, $0) })
            let bucket = ((r.confidence ?? 0) * 100).rounded() / 100
            s.calibration[bucket, default: (0, 0)].found += 1
            if right { s.calibration[bucket, default: (0, 0)].correct += 1 }
            if right {
                s.foundCorrect += 1
            } else {
                s.wrong.append((gold.id, [entities[r.subject]?.name ?? r.subject, r.lemma, entities[r.object]?.name ?? r.object]))
            }
        }
        for g in gold.relations {
            if found.contains(where: { matches($0, g) }) { s.goldFound += 1 } else { s.missed.append((gold.id, g)) }
        }
        return s
    }

    /// The name a gold argument is the members or agents of, if any: its last word a state's agents
    /// or a plural of people, dropped with the lower-case words before it and a possessive mark
    /// ("Israeli army" -> "Israeli", "NATO foreign ministers" -> "NATO", "Pakistan's military" ->
    /// "Pakistan").
    public static func groupName(_ name: String, lexicon: Lexicon) -> String? {
        var words = name.split(separator: " ").map(String.init)
        guard words.count >= 2, let last = words.last?.lowercased() else { return nil }
        let singular = last.hasSuffix("s") ? String(last.dropLast()) : last
        guard GeneralVocabulary.stateAgentNouns.contains(last) || lexicon.peopleNouns.contains(singular) else { return nil }
        words.removeLast()
        // And the lower-case words before it: "NATO foreign ministers", "U.S. security forces".
        while words.count >= 2, let w = words.last, w == w.lowercased(), w.first?.isLetter == true { words.removeLast() }
        var rest = words.joined(separator: " ")
        for marker in GeneralVocabulary.possessiveMarkers where rest.hasSuffix(marker) { rest = String(rest.dropLast(marker.count)) }
        return rest.isEmpty ? nil : rest
    }

    /// Runs the pipeline and the resolver on every gold sentence (each its own document) and
    /// sums the scores, by source and overall.
    public static func evaluate(_ gold: [GoldSentence], pipeline: TextPipeline, builder: GraphBuilder)
        -> (overall: RelationScore, bySource: [String: RelationScore]) {
        var overall = RelationScore()
        var bySource: [String: RelationScore] = [:]
        for g in gold {
            let resolved = builder.resolve(pipeline.analyze(path: g.id, text: g.text))
            let lexicon = pipeline.lexicon
            let s = score(resolved, gold: g, stateID: { name in
                (lexicon.state(named: name) ?? lexicon.stateForDemonym(name)).map { Entity.makeID(type: .state, name: $0.name) }
            }, groupOf: { groupName($0, lexicon: lexicon) })
            overall.add(s)
            bySource[g.source, default: RelationScore()].add(s)
        }
        return (overall, bySource)
    }
}

extension RelationScore {
    public mutating func add(_ o: RelationScore) {
        sentences += o.sentences
        gold += o.gold
        found += o.found
        foundCorrect += o.foundCorrect
        goldFound += o.goldFound
        wrong += o.wrong
        missed += o.missed
        for (c, n) in o.calibration {
            calibration[c, default: (0, 0)].found += n.found
            calibration[c, default: (0, 0)].correct += n.correct
        }
    }
}

/// A problem with an evaluation file, one line naming it.
public struct EvaluationError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
