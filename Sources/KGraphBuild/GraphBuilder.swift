import KGraphModel
import KGraphText

/// One document's facts with its entities resolved: ids are the graph's ids.
public struct ResolvedDocument: Sendable {
    public var path: String
    public var entities: [Entity]
    public var mentions: [Mention]
    public var relations: [Relation]
    /// Persons named by one word after a title that the document resolved to nobody longer
    /// ("Secretary-General Ban" where the text never writes "Ban Ki-moon"), by id: the build may
    /// find the one person whose name has it before its last word.
    public var titledLoneNames: Set<String> = []
}

/// Documents -> graph: resolves the spans of each document to entities (names, surnames, titles,
/// pronouns, demonyms, definite event references), then merges documents into one graph.
public struct GraphBuilder: Sendable {
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Whether a person's name (with at most five title words and adjectives before it) follows a
    /// common noun for a person and "of", or is that noun's possessor: "the nephew of former
    /// Turkish president Suleyman Demirel", "Demirel's nephew".
    func modifiesPersonNoun(_ doc: Document, _ span: EntitySpan) -> Bool {
        guard doc.upos.count == doc.tokens.count, doc.lemmas.count == doc.tokens.count else { return false }
        func personNoun(_ t: Int) -> Bool {
            t >= 0 && t < doc.tokens.count && doc.upos[t] == "NOUN" && lexicon.personNouns.contains(doc.lemmas[t])
        }
        let end = span.tokens.upperBound
        if end + 1 < doc.tokens.count, GeneralVocabulary.possessiveMarkers.contains(doc.tokens[end].text), personNoun(end + 1) { return true }
        var t = span.tokens.lowerBound - 1
        let stop = t - 5
        while t > stop, t >= 0, ["ADJ", "PROPN", "NOUN"].contains(doc.upos[t]) || doc.tokens[t].text == "-" { t -= 1 }
        return t >= 1 && doc.tokens[t].text.lowercased() == "of" && personNoun(t - 1)
    }

    /// Resolves one analyzed document.
    public func resolve(_ analyzed: AnalyzedDocument) -> ResolvedDocument {
        let doc = analyzed.document
        let spans = doc.spans
        var ids = [String?](repeating: nil, count: spans.count)
        var names: [String: String] = [:]       // id -> canonical name
        var types: [String: EntityType] = [:]
        var aliases: [String: Set<String>] = [:]
        var reasons: [String: [String: String]] = [:]   // id -> alias -> why it was merged
        var titledLone: Set<String> = []

        // What a person is called: the name, with its title before a given name alone ("Pope
        // Francis": "Francis" is nobody's surname).
        func called(_ s: EntitySpan) -> String {
            guard let t = s.title, GeneralVocabulary.givenNameTitles.contains(t), !s.name.contains(" ") else { return s.name }
            return t.prefix(1).uppercased() + t.dropFirst() + " " + s.name
        }
        // Full names of the document's persons, by their last word (not a state's name taken for
        // a person's, which is the state: see below).
        var fullByLast: [String: Set<String>] = [:]
        for s in spans where s.type == .person && !s.isReference && lexicon.state(named: s.name) == nil {
            let name = called(s)
            let words = name.split(separator: " ")
            if words.count >= 2 { fullByLast[String(words.last!), default: []].insert(name) }
        }
        // And by their other capitalized words, for names whose family name is not the last word
        // ("Ban Ki-moon", "Luiz Inácio Lula da Silva").
        var fullByOther: [String: Set<String>] = [:]
        // (Not a name the recognizer ran on into "of": "Putin of Russia".)
        for names in fullByLast.values {
            for name in names where !name.contains(" of ") {
                for w in Self.otherNameWords(name) { fullByOther[w, default: []].insert(name) }
            }
        }
        /// A lone surname stands for the document's one full name that ends with it; a lone name
        /// after a title that ends no full name, for the one full name that has it before its last
        /// word ("Mr. Ban" and "Secretary-General Ban" for Ban Ki-moon, "President Xi" for Xi
        /// Jinping, "President Lula" for Luiz Inácio Lula da Silva).
        func fullName(_ name: String, titled: Bool = false) -> String {
            guard !name.contains(" ") else { return name }
            if let c = fullByLast[name] { return c.count == 1 ? c.first! : name }
            if titled, let c = fullByOther[name], c.count == 1 { return c.first! }
            return name
        }
        func register(_ k: Int, _ type: EntityType, _ name: String, id: String) {
            ids[k] = id
            types[id] = type
            if let old = names[id], old.count >= name.count { } else { names[id] = name }
            aliases[id, default: []].insert(name)
        }
        for (k, s) in spans.enumerated() {
            // (As the text writes it: "Mazar-e-Sharif", not "Mazar - e - Sharif".)
            let surface = doc.string(doc.scalarRange(s.tokens))
            switch s.type {
            case .person where s.isReference && !GeneralVocabulary.personPronouns.contains(s.name):
                // "the Prime Minister": the one person of the document with that title, if one.
                let holders = Set(spans.indices.filter { spans[$0].type == .person && !spans[$0].isReference
                    && spans[$0].title.map { Lexicon.key($0) } == s.name }.map { Entity.makeID(type: .person, name: fullName(spans[$0].name, titled: true)) })
                if holders.count == 1 { ids[k] = holders.first! }
            case .person where s.isReference:
                // The nearest earlier named person, within this and the two sentences before.
                let sent = doc.sentenceIndex(ofToken: s.tokens.lowerBound)
                for j in stride(from: k - 1, through: 0, by: -1) {
                    if doc.sentenceIndex(ofToken: spans[j].tokens.lowerBound) < sent - 2 { break }
                    guard spans[j].type == .person, !spans[j].isReference, let id = ids[j] else { continue }
                    // A person named only to say whose relative or aide somebody is ("the nephew of
                    // Suleyman Demirel") stands behind that somebody, the likelier antecedent: the
                    // pronoun is left unresolved.
                    if !modifiesPersonNoun(doc, spans[j]) { ids[k] = id }
                    break
                }
            case .person where fullName(called(s), titled: s.title != nil) == called(s) && lexicon.state(named: s.name) != nil:
                // A state's whole name taken for a person's, and nobody's name in the document, is
                // the state: "Do we agree, Mr. United States?" (a delegate addressed by his state).
                let state = lexicon.state(named: s.name)!
                let id = Entity.makeID(type: .state, name: state.name)
                register(k, .state, state.name, id: id)
                aliases[id, default: []].insert(surface)
            case .person:
                let name = called(s)
                let full = fullName(name, titled: s.title != nil)
                let id = Entity.makeID(type: .person, name: full)
                if s.title != nil, !full.contains(" ") { titledLone.insert(id) }
                register(k, .person, full, id: id)
                aliases[id, default: []].insert(s.name)
                let titled = full.split(separator: " ").first.map { GeneralVocabulary.givenNameTitles.contains($0.lowercased()) } ?? false
                if full != s.name, titled, reasons[id]?[s.name] == nil {
                    reasons[id, default: [:]][s.name] = "the given name of \(full), who is called by it with the title"
                } else if full != s.name, !full.hasSuffix(" " + s.name), reasons[id]?[s.name] == nil {
                    reasons[id, default: [:]][s.name] = "a name of \(full)'s before the last, after a title: the one person of the same document whose name has it"
                } else if full != s.name, reasons[id]?[s.name] == nil {
                    reasons[id, default: [:]][s.name] = "surname of \(full), the one person of the same document with that last name"
                }
            case .event where s.isCommonNoun:
                let head = s.name.split(separator: " ").last.map(String.init) ?? s.name
                if s.isReference, let j = (0..<k).last(where: { spans[$0].isCommonNoun && spans[$0].name.split(separator: " ").last.map(String.init) == head && ids[$0] != nil }) {
                    ids[k] = ids[j]
                } else {
                    register(k, .event, s.name, id: Entity.makeID(type: .event, name: s.name) + "@" + doc.path)
                }
            default:
                let id = Entity.makeID(type: s.type, name: s.name)
                register(k, s.type, s.name, id: id)
                if s.type != .state || lexicon.stateForDemonym(surface) == nil { aliases[id, default: []].insert(surface) }
                // A place is known with or without the division noun that follows or ends its name:
                // "Kunar" of "Kunar province", "Sumatra" of "Sumatra Island".
                func alias(_ a: String, _ why: String) {
                    aliases[id, default: []].insert(a)
                    if reasons[id]?[a] == nil { reasons[id, default: [:]][a] = why }
                }
                if s.type == .place {
                    let words = surface.split(separator: " ")
                    if words.count >= 2, let last = words.last?.lowercased(), Self.isPlaceKindNoun(last) {
                        alias(words.dropLast().joined(separator: " "), "the place's name without the noun for what kind of place it is")
                    }
                    let after = s.tokens.upperBound
                    if after < doc.tokens.count, Self.isPlaceKindNoun(doc.tokens[after].text) {
                        alias(surface + " " + doc.tokens[after].text, "the place's name with the noun for its kind that the text puts after it")
                    }
                }
                // An organization's name with "The" is also known without it ("The Washington Post").
                for name in [s.name, surface] where s.type == .organization && name.hasPrefix("The ") && name.count > 8 {
                    alias(String(name.dropFirst(4)), "the organization's name without \"The\"")
                }
            }
        }

        func evidence(_ sentence: Int, source: String? = nil, confidence: Double) -> Evidence {
            let r = doc.sentences[sentence]
            let sr = doc.scalarRange(r)
            return Evidence(document: doc.path, sentence: doc.string(sr), start: sr.lowerBound, end: sr.upperBound, source: source,
                            confidence: confidence)
        }
        var relations: [RelationKey: [Evidence]] = [:]
        var lemmas: [RelationKey: String] = [:]
        for r in analyzed.relations {
            guard let s = ids[r.subject], let o = ids[r.object], s != o else { continue }
            let key = RelationKey(subject: s, predicate: r.predicate, object: o, negated: r.negated)
            relations[key, default: []].append(evidence(r.sentence, confidence: r.confidence))
            if !r.lemma.isEmpty { lemmas[key] = r.lemma }
        }
        // A place the gazetteer knows lies in its state.
        for (k, s) in spans.enumerated() where s.type == .place {
            guard let id = ids[k], let key = s.gazetteerKey, let info = lexicon.places[key], let cc = info.country,
                  let state = lexicon.states[cc] else { continue }
            let sid = Entity.makeID(type: .state, name: state.name)
            if names[sid] == nil { names[sid] = state.name; types[sid] = .state }
            let key2 = RelationKey(subject: id, predicate: "located in", object: sid)
            // The gazetteer is right about the place it names; the doubt is whether the text meant it.
            relations[key2, default: []].append(evidence(doc.sentenceIndex(ofToken: s.tokens.lowerBound), source: info.source,
                                                         confidence: Self.gazetteerConfidence))
        }
        // Events named by a common noun are kept only when they take part in a relation.
        let related = Set(relations.keys.flatMap { [$0.subject, $0.object] })
        var mentions: [Mention] = []
        for (k, s) in spans.enumerated() {
            guard let id = ids[k], !s.isReference || s.type == .event else { continue }
            if s.isCommonNoun && !related.contains(id) { continue }
            let sr = doc.scalarRange(s.tokens)
            mentions.append(Mention(entity: id, document: doc.path, start: sr.lowerBound, end: sr.upperBound, text: doc.string(sr)))
        }
        let used = Set(mentions.map(\.entity)).union(related)
        let entities = used.sorted().compactMap { id -> Entity? in
            guard let name = names[id], let type = types[id] else { return nil }
            let kept = (aliases[id] ?? []).subtracting([name]).sorted()
            var why: [String: String] = [:]
            for a in kept { why[a] = reasons[id]?[a] ?? Self.reason(alias: a, name: name, type: type) }
            return Entity(id: id, name: name, type: type, aliases: kept, reasons: why)
        }
        let rels = relations.map { Self.relation($0.key, $0.value, lemma: lemmas[$0.key]) }
        return ResolvedDocument(path: doc.path, entities: entities, mentions: mentions, relations: rels.sorted { $0.key < $1.key },
                                titledLoneNames: titledLone)
    }

    /// The capitalized words of a person's name before its last word, once each.
    static func otherNameWords(_ name: String) -> Set<String> {
        Set(name.split(separator: " ").dropLast().filter { $0.first?.isUppercase == true }.map(String.init))
    }

    /// Whether a noun says what kind of place a name is, which the name may end in or go
    /// without: a division ("Kunar province") or a kind of land ("Sumatra Island", "Swat Valley",
    /// "Gaza strip").
    static func isPlaceKindNoun(_ w: String) -> Bool {
        GeneralVocabulary.divisionNouns.contains(w) || ["island", "valley", "peninsula", "strip"].contains(w)
    }

    /// Merges resolved documents into one graph: one node per id, one name under one type (the
    /// type the `known` entities, the store's from earlier builds, give it, else the build's
    /// majority), a lone surname joined to the one full name that ends with it among the build's
    /// persons and the known ones, repeated facts as one edge with all their evidence.
    public func merge(_ docs: [ResolvedDocument], known: [Entity] = []) -> Graph {
        var entities: [String: Entity] = [:]
        for d in docs {
            for e in d.entities {
                if var old = entities[e.id] {
                    let all = Set(old.aliases + e.aliases + [old.name, e.name])
                    if e.name.count > old.name.count { old.name = e.name }
                    old.aliases = all.subtracting([old.name]).sorted()
                    old.reasons = Self.reasons(for: old, known: old.reasons.merging(e.reasons) { a, _ in a })
                    entities[e.id] = old
                } else {
                    entities[e.id] = e
                }
            }
        }
        var remap: [String: String] = [:]
        var counts: [String: Int] = [:]
        for d in docs { for x in d.mentions { counts[x.entity, default: 0] += 1 } }
        // One name read as a person, an organization or a place in different sentences is one
        // node, of the type most of its mentions have ("Boko Haram" read as a person in 116
        // mentions and as an organization in 3 is one node either way), or of the type an earlier
        // build stored it as.
        let storedNamed = Dictionary(known.filter { [.person, .organization, .place].contains($0.type) }.map { ($0.id, $0) },
                                     uniquingKeysWith: { a, _ in a })
        for (from, to) in Self.typeVotes(Array(entities.values), stored: Array(storedNamed.values), mentions: counts) {
            guard let variant = entities.removeValue(forKey: from), let target = entities[to] ?? storedNamed[to] else { continue }
            entities[to] = Self.absorbing(variant, into: target, reasons: target.reasons.merging(variant.reasons) { a, _ in a })
            remap[from] = to
            counts[to, default: 0] += counts[from] ?? 0
        }
        let stored = Dictionary(known.filter { $0.type == .person && entities[$0.id] == nil }.map { ($0.id, $0) },
                                uniquingKeysWith: { a, _ in a })
        // Forms of one person's full name across documents ("John Ashe", "John W. Ashe", "John
        // William Ashe"; "Abdulaziz Al-Nasser" and "Nassir Abdulaziz Al-Nasser") are one node: the
        // most mentioned of them, or the stored one.
        for (from, to) in Self.nameVariants(Array(entities.values), stored: Array(stored.values), mentions: counts,
                                            isCommonWord: { lexicon.commonWords.contains($0) }) {
            guard let variant = entities.removeValue(forKey: from), let target = entities[to] ?? stored[to] else { continue }
            let scope = stored[to] != nil ? "the store" : "the build"
            var why = target.reasons.merging(variant.reasons) { a, _ in a }
            for a in variant.aliases + [variant.name] where why[a] == nil || a == variant.name {
                why[a] = "another form of \(target.name)'s full name, the one person of \(scope) it fits"
            }
            entities[to] = Self.absorbing(variant, into: target, reasons: why)
            remap[from] = to
        }
        // Surname-only persons across documents, and against the persons already stored.
        var byLast: [String: [String]] = [:]
        for e in Array(entities.values) + Array(stored.values) where e.type == .person && e.name.contains(" ") {
            byLast[Entity.normalize(String(e.name.split(separator: " ").last!)), default: []].append(e.id)
        }
        // And by their other capitalized words: a lone name after a title that is nobody's last
        // name is one of the one person whose name has it before its last word
        // ("Secretary-General Ban" and Ban Ki-moon, "President Lula" and Luiz Inácio Lula da Silva).
        var byOther: [String: [String]] = [:]
        for e in Array(entities.values) + Array(stored.values) where e.type == .person && e.name.contains(" ") && !e.name.contains(" of ") {
            for w in Self.otherNameWords(e.name) { byOther[Entity.normalize(w), default: []].append(e.id) }
        }
        let titled = Set(docs.flatMap(\.titledLoneNames))
        var surnames: [String: (String, Bool)] = [:]
        for e in entities.values where e.type == .person && !e.name.contains(" ") {
            if let c = byLast[Entity.normalize(e.name)] {
                if c.count == 1 { surnames[e.id] = (c[0], true) }
            } else if titled.contains(e.id), let c = byOther[Entity.normalize(e.name)], c.count == 1 {
                surnames[e.id] = (c[0], false)
            }
        }
        for (from, (to, last)) in surnames {
            remap[from] = to
            guard let lone = entities.removeValue(forKey: from), let target = entities[to] ?? stored[to] else { continue }
            let scope = stored[to] != nil ? "the store" : "the build"
            var why = target.reasons
            for a in lone.aliases + [lone.name] where why[a] == nil {
                why[a] = last ? "surname of \(target.name), the one person of \(scope) with that last name"
                    : "a name of \(target.name)'s before the last, after a title: the one person of \(scope) whose name has it"
            }
            entities[to] = Self.absorbing(lone, into: target, reasons: why)
        }
        // An id may have moved up to three times: to its type's node, its full name's, its surname's.
        func m(_ id: String) -> String {
            var id = id
            for _ in 0..<3 { guard let next = remap[id] else { break }; id = next }
            return id
        }
        var relations: [RelationKey: [Evidence]] = [:]
        var lemmas: [RelationKey: String] = [:]
        var mentions: [Mention] = []
        for d in docs {
            for r in d.relations where m(r.subject) != m(r.object) {
                let key = RelationKey(subject: m(r.subject), predicate: r.predicate, object: m(r.object), negated: r.negated)
                relations[key, default: []] += r.evidence
                lemmas[key] = lemmas[key] ?? r.lemma
            }
            for var x in d.mentions { x.entity = m(x.entity); mentions.append(x) }
        }
        let rels = relations.map { Self.relation($0.key, $0.value, lemma: lemmas[$0.key]) }
        return Graph(entities: Array(entities.values), relations: rels, mentions: Array(Set(mentions)))
    }

    /// Named entities of the build (persons, organizations and places, not events or states)
    /// that share their normalized name with one of another type, and the id each goes to: the
    /// one stored by an earlier build (`stored`), when the store has the name under one type only;
    /// else the one of the type that has at least two thirds of the name's mentions, when there is
    /// one.
    static func typeVotes(_ entities: [Entity], stored: [Entity] = [], mentions: [String: Int]) -> [(String, String)] {
        let named: Set<EntityType> = [.person, .organization, .place]
        var byName: [String: [Entity]] = [:]
        for e in entities where named.contains(e.type) {
            byName[Entity.normalize(e.name), default: []].append(e)
        }
        var storedByName: [String: [Entity]] = [:]
        for e in stored where named.contains(e.type) { storedByName[Entity.normalize(e.name), default: []].append(e) }
        var out: [(String, String)] = []
        for (name, group) in byName {
            if let kept = storedByName[name], kept.count == 1, let target = kept.first {
                for e in group.sorted(by: { $0.id < $1.id }) where e.type != target.type { out.append((e.id, target.id)) }
                continue
            }
            guard Set(group.map(\.type)).count > 1 else { continue }
            var byType: [EntityType: Int] = [:]
            for e in group { byType[e.type, default: 0] += mentions[e.id] ?? 0 }
            let total = byType.values.reduce(0, +)
            guard let (type, n) = byType.max(by: { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }), 3 * n >= 2 * total,
                  let target = group.filter({ $0.type == type }).max(by: { (mentions[$0.id] ?? 0, $1.id) < (mentions[$1.id] ?? 0, $0.id) })
            else { continue }
            for e in group.sorted(by: { $0.id < $1.id }) where e.type != type { out.append((e.id, target.id)) }
        }
        return out
    }

    /// Persons of the build (`entities`) whose full name is another form of one other person's
    /// name, and the id each is merged into. One name fits another when both have two words or
    /// more, the same last word, and the shorter's words stand in order in the longer, an initial
    /// standing for a word ("John W. Ashe" in "John William Ashe") and a word misspelt by a letter
    /// ("Barak Obama", `misspelt`), from its first word (a name of
    /// first and last words only, or as many words) or as the longer's last words ("Abdulaziz
    /// Al-Nasser" in "Nassir Abdulaziz Al-Nasser"). A name that several unrelated longer names fit
    /// ("Sam Smith" in "Sam A. Smith" and "Sam B. Smith") is left alone, unless each of them ends
    /// with the whole name. Each group of fitting names goes to its stored member if it has one,
    /// else to its most mentioned member (then the longer name, then the smaller id).
    static func nameVariants(_ entities: [Entity], stored: [Entity], mentions: [String: Int],
                             isCommonWord: (String) -> Bool = { _ in true }) -> [(String, String)] {
        let persons = (entities + stored).filter { $0.type == .person }
        let storedIDs = Set(stored.map(\.id))
        // Words split at hyphens as at spaces: "Ban Ki-moon", "Ban Ki Moon" and "Ban-Ki Moon" are
        // one name's spellings.
        let normalized = Dictionary(persons.map { ($0.id, Entity.normalize($0.name)) }, uniquingKeysWith: { a, _ in a })
        let words = normalized.mapValues { $0.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init) }
        var byLast: [String: [String]] = [:], byFirstTwo: [String: [String]] = [:]
        for p in persons {
            guard let w = words[p.id], w.count >= 2 else { continue }
            byLast[w.last!, default: []].append(p.id)
            byFirstTwo[w[0] + " " + w[1], default: []].append(p.id)
        }
        func same(_ a: String, _ b: String) -> Bool {
            a == b || (a.count == 1 && b.first == a.first) || (b.count == 1 && a.first == b.first) || Self.misspelt(a, b)
        }
        /// Whether the longer name `b` is `a` with more family names after it ("Hugo Chavez
        /// Frias", "Salva Kiir Mayardit"): words that are no common English word, or the rest of
        /// a hyphenated word that `a` ends in the middle of ("Ban Ki-" or "Ban Ki" of a line
        /// broken in "Ban Ki-moon"). Not "Nelson Mandela International Day".
        func extends(_ a: String, _ b: String) -> Bool {
            guard let wa = words[a], let wb = words[b], wa.count >= 2, wb.count > wa.count,
                  Array(wb.prefix(wa.count)) == wa else { return false }
            let stem = normalized[a]!.hasSuffix("-") ? String(normalized[a]!.dropLast()) : normalized[a]!
            return normalized[b]!.hasPrefix(stem + "-") || wb.dropFirst(wa.count).allSatisfy { $0.count > 1 && !isCommonWord($0) }
        }
        /// Whether the name `a` is another, shorter or less spelled-out, form of `b`.
        func fits(_ a: [String], _ b: [String]) -> Bool {
            // The same words, spelled with hyphens in one and spaces in the other.
            if a == b { return true }
            guard a.count <= b.count, a.last == b.last else { return false }
            // (Not a family name opening with a particle: "Al Khalifa" is a house of many.)
            if a.count < b.count, Array(b.suffix(a.count)) == a, !GeneralVocabulary.nameConnectors.contains(a[0]) { return true }
            // A name with middle words fits only the same words spelled out: "George W. Bush" is
            // not "George H. W. Bush".
            guard same(a[0], b[0]), a.count == 2 || a.count == b.count else { return false }
            var j = 1
            for w in a.dropFirst().dropLast() {
                while j < b.count - 1, !same(w, b[j]) { j += 1 }
                if j >= b.count - 1 { return false }
                j += 1
            }
            // The same length: only where an initial of `a` is spelled out in `b`, or a word is
            // misspelt ("Barak Obama").
            return a.count < b.count || zip(a, b).contains { ($0.count == 1 && $1.count > 1) || Self.misspelt($0, $1) }
        }
        var parent: [String: String] = [:]
        func root(_ x: String) -> String {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        for group in byLast.values where group.count >= 2 {
            for a in group {
                let wa = words[a]!
                let longer = group.filter { $0 != a && fits(wa, words[$0]!) }
                // The longest forms it fits: one, or all forms of that one.
                // (A form that another fits only one way, not a misspelling of it, is not the longest.)
                let maximal = longer.filter { b in
                    !longer.contains { $0 != b && fits(words[b]!, words[$0]!) && !fits(words[$0]!, words[b]!) }
                }
                // Several, when they are misspellings of one another ("Tijani", "Tijjani") or each
                // ends with the whole name: words the recognizer left before it ("H.E Antonio
                // Guterres", "Refugees António Guterres"), all the same person.
                // Otherwise only the same name spelled otherwise (a letter, a hyphen) is the same
                // person: a longer form with words before it that the recognizer took in
                // ("Assembly of Mr ...") leaves the others alone but not that.
                let linked = maximal.count == 1
                    || maximal.allSatisfy({ m in maximal.allSatisfy { $0 == m || fits(words[m]!, words[$0]!) } })
                    || (wa.count >= 2 && maximal.allSatisfy { Array(words[$0]!.suffix(wa.count)) == wa })
                    ? maximal : longer.filter { fits(words[$0]!, wa) }
                for b in linked {
                    let (ra, rb) = (root(a), root(b))
                    if ra != rb { parent[ra] = rb }
                }
            }
        }
        // A name and the same name with more family names: one person when the longer forms are
        // all forms of one ("Kim Jong" of both "Kim Jong Un" and "Kim Jong Il" is left alone).
        for group in byFirstTwo.values where group.count >= 2 {
            for a in group {
                let longer = group.filter { extends(a, $0) }
                let maximal = longer.filter { b in !longer.contains { extends(b, $0) } }
                guard maximal.count == 1 else { continue }
                let (ra, rb) = (root(a), root(maximal[0]))
                if ra != rb { parent[ra] = rb }
            }
        }
        var groups: [String: [String]] = [:]
        for id in parent.keys { groups[root(id), default: []].append(id) }
        for r in groups.keys where !groups[r]!.contains(r) { groups[r]!.append(r) }
        var out: [(String, String)] = []
        for members in groups.values {
            let canonical = members.min { a, b in
                let ka = (storedIDs.contains(a) ? 0 : 1, -(mentions[a] ?? 0), -words[a]!.count, a)
                let kb = (storedIDs.contains(b) ? 0 : 1, -(mentions[b] ?? 0), -words[b]!.count, b)
                return ka < kb
            }!
            for m in members.sorted() where m != canonical && !storedIDs.contains(m) { out.append((m, canonical)) }
        }
        return out
    }

    /// Whether two words of names differ by one letter left out, added or changed, the longer of
    /// six letters or more and the shorter of five ("Barak" and "Barack", "Mogens" and "Morgens";
    /// not "Maria" and "Mario").
    static func misspelt(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        guard x != y, min(x.count, y.count) >= 5, max(x.count, y.count) >= 6, abs(x.count - y.count) <= 1 else { return false }
        var i = 0
        while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
        if x.count == y.count { return x[(i + 1)...] == y[(i + 1)...] }
        return x.count < y.count ? x[i...] == y[(i + 1)...] : x[(i + 1)...] == y[i...]
    }

    /// `target` with the name and aliases of `variant`, which it absorbs, among its aliases, each
    /// with its reason from `why` (or the default one, `reasons(for:known:)`).
    static func absorbing(_ variant: Entity, into target: Entity, reasons why: [String: String]) -> Entity {
        var t = target
        t.aliases = Set(t.aliases + variant.aliases + [variant.name]).subtracting([t.name]).sorted()
        t.reasons = reasons(for: t, known: why)
        return t
    }

    /// Why an alias names the entity when nothing more particular was recorded: a variant of
    /// the name in case, periods or spacing, or another name the gazetteers give.
    static func reason(alias: String, name: String, type: EntityType) -> String {
        if Entity.normalize(alias) == Entity.normalize(name) { return "the same name written differently" }
        switch type {
        case .state: return "another name of the state in iso-codes or GeoNames"
        case .place: return "another name of the place in GeoNames"
        default: return "the recognizer's name for the same mention"
        }
    }

    /// A reason for every alias of `entity`: the known one, else `reason(alias:name:type:)`.
    static func reasons(for entity: Entity, known: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for a in entity.aliases { out[a] = known[a] ?? reason(alias: a, name: entity.name, type: entity.type) }
        return out
    }

    /// Confidence of a "located in" edge drawn from GeoNames for a place the text names.
    public static let gazetteerConfidence = 0.9

    static func relation(_ key: RelationKey, _ evidence: [Evidence], lemma: String?) -> Relation {
        Relation(subject: key.subject, predicate: key.predicate, object: key.object, lemma: lemma, negated: key.negated,
                 evidence: sorted(evidence))
    }

    /// One piece of evidence per place read (document, offsets, source), with the highest
    /// confidence any reading there had, in document and offset order.
    static func sorted(_ evidence: [Evidence]) -> [Evidence] {
        var best: [Evidence] = []
        var at: [String: Int] = [:]
        for e in evidence {
            let place = "\(e.document)\u{0}\(e.start)\u{0}\(e.end)\u{0}\(e.source ?? "")"
            if let i = at[place] {
                if (e.confidence ?? -1) > (best[i].confidence ?? -1) { best[i] = e }
            } else {
                at[place] = best.count
                best.append(e)
            }
        }
        return best.sorted { ($0.document, $0.start, $0.end, $0.source ?? "") < ($1.document, $1.start, $1.end, $1.source ?? "") }
    }
}
