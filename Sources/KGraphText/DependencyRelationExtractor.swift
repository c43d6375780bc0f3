import KGraphModel

/// Relations read from the dependency parse (Universal Dependencies relations):
/// - a verb's subject with its object, or with an oblique and its preposition ("engaged in");
///   passives turn round (the "by" agent is the subject); conjuncts share their verb, and a verb in
///   a conjunct, an open clausal complement ("sought to meet") or a relative clause without a
///   subject takes its subject from the clause it hangs on;
/// - "where" relative clauses after a place ("Kursk, where Ukrainian forces fought") give the
///   clause's subject and verb with "in" the place;
/// - copulas: "X was in Washington" gives visited, "X is the foreign minister of Y" gives
///   "foreign minister of"; an apposition with a role noun does the same;
/// - an event in a place: "a summit in London" gives held in;
/// - titles the recognizer found ("US President Donald Trump") and "A-B relations" between states.
/// Arguments reach entities through conjunction, apposition, "including", and a demonym before a
/// noun ("Iraqi forces" stands for Iraq). Negated verbs give nothing.
public struct DependencyRelationExtractor: RelationExtractor {
    public let lexicon: Lexicon
    /// Lemma -> irregular simple past ("meet" -> "met", "begin" -> "began"), from WordNet's
    /// exceptions, which mix simple pasts with participles ("begun", "taken", "known", "sung")
    /// and doubled "-ing" forms ("beginning"): those are told apart by their endings.
    private let irregularPast: [String: String]

    static func looksLikeParticiple(_ form: String) -> Bool {
        ["ing", "en", "wn", "un", "ung", "unk", "um"].contains { form.hasSuffix($0) }
    }

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        var past: [String: String] = [:]
        for (form, lemma) in lexicon.verbExceptions where !Self.looksLikeParticiple(form) {
            if let old = past[lemma], old <= form { continue }
            past[lemma] = form
        }
        self.irregularPast = past
    }

    /// What the extractor looks at, computed once per document.
    struct Parse {
        let doc: Document
        let lower: [String]
        let children: [[Int]]
        /// Token -> the span it belongs to, or -1.
        let spanOf: [Int]

        init(_ doc: Document) {
            self.doc = doc
            lower = doc.tokens.map { $0.text.lowercased() }
            var ch = [[Int]](repeating: [], count: doc.tokens.count)
            for (t, h) in doc.heads.enumerated() where h >= 0 && h < ch.count { ch[h].append(t) }
            children = ch
            var so = [Int](repeating: -1, count: doc.tokens.count)
            for (k, s) in doc.spans.enumerated() { for t in s.tokens where so[t] == -1 { so[t] = k } }
            // A person's title stands for the person ("Chancellor" heads "Karl Nehammer" in some parses).
            for (k, s) in doc.spans.enumerated() {
                let n = s.titleTokenCount
                guard n > 0 else { continue }
                for t in max(0, s.tokens.lowerBound - n)..<s.tokens.lowerBound where so[t] == -1 { so[t] = k }
            }
            spanOf = so
            universal = doc.deprels.map { $0.prefix { $0 != ":" } }
        }

        /// Organization span -> the person span right after it that holds a role in it ("NATO" ->
        /// "Mark Rutte" in "NATO Secretary General Mark Rutte"), set once the parse is built.
        var roleHolder: [Int: Int] = [:]

        /// Each token's relation without its subtype ("nmod" for "nmod:poss"), computed once.
        let universal: [Substring]
        func rel(_ t: Int) -> Substring { universal[t] }
        func kids(_ t: Int, _ r: String) -> [Int] { children[t].filter { doc.deprels[$0] == r } }
        func kids(_ t: Int, universal r: String) -> [Int] { children[t].filter { rel($0) == r } }
        func lemma(_ t: Int) -> String {
            doc.lemmas.count == doc.tokens.count && doc.lemmas[t] != "_" ? doc.lemmas[t] : lower[t]
        }
        /// The preposition of an oblique or nominal modifier ("in", "according to").
        func preposition(_ t: Int) -> String? {
            let cases = children[t].filter { doc.deprels[$0] == "case" && $0 < t }
            guard !cases.isEmpty else { return nil }
            var words = cases.map { lower[$0] }
            for c in cases { words += kids(c, "fixed").map { lower[$0] } }
            return words.joined(separator: " ")
        }
        func isNegated(_ t: Int) -> Bool {
            if children[t].contains(where: { ["not", "n't", "never", "n’t"].contains(lower[$0]) && (rel($0) == "advmod" || rel($0) == "neg") }) {
                return true
            }
            // "refused to renounce violence", "failed to reach a deal": what was refused is denied.
            // A conjunct shares it: "refused to renounce violence and recognize Israel". So does
            // what a denied verb controls: "does not allow Turkey to send troops".
            var t = t
            if doc.deprels[t] == "conj", doc.heads[t] >= 0, doc.deprels[doc.heads[t]] == "xcomp" { t = doc.heads[t] }
            let h = doc.heads[t]
            guard h >= 0, doc.deprels[t] == "xcomp" else { return false }
            return Self.refusalVerbs.contains(lemma(h))
                || children[h].contains { ["not", "n't", "never", "n’t"].contains(lower[$0]) && (rel($0) == "advmod" || rel($0) == "neg") }
        }
        static let refusalVerbs: Set<String> = ["refuse", "decline", "fail", "reject"]
    }

    public func relations(in doc: Document) -> [SpanRelation] {
        guard doc.heads.count == doc.tokens.count, doc.deprels.count == doc.tokens.count else { return [] }
        var p = Parse(doc)
        var roles: [Int: (Int, String)] = [:]
        for (k, span) in doc.spans.enumerated() where span.type == .person && !span.isReference {
            if let r = organizationRole(p, person: k) {
                roles[k] = r
                p.roleHolder[r.0] = k
            }
        }
        var out: [SpanRelation] = []
        // A relation read twice in a sentence (by two patterns) is kept once, with the higher confidence.
        var seen: [SpanRelation: Int] = [:]
        func add(_ s: Int, _ label: String, _ o: Int, at token: Int, lemma: String? = nil, negated: Bool = false,
                 _ pattern: RelationPattern) {
            guard s != o, s >= 0, o >= 0 else { return }
            let r = SpanRelation(subject: s, predicate: label, object: o, sentence: doc.sentenceIndex(ofToken: token),
                                 negated: negated, lemma: lemma ?? label)
            if let i = seen[r] {
                out[i].confidence = max(out[i].confidence, pattern.confidence)
            } else {
                seen[r] = out.count
                var withConfidence = r
                withConfidence.confidence = pattern.confidence
                out.append(withConfidence)
            }
        }

        // Titles the recognizer attached to a person ("Ukrainian President Volodymyr Zelensky").
        for (k, span) in doc.spans.enumerated() {
            if let st = span.titleOf, let title = span.title, !GeneralVocabulary.honorifics.contains(title) {
                add(k, title + " of", st, at: span.tokens.lowerBound, .title)
            }
            // A title after "and" and another's title with its state shares the state: "Turkish
            // President Ahmet Sezer and Prime Minister Recep Erdogan" (not the same title:
            // "Russian President X and President Y" are most often two states' presidents).
            if span.type == .person, span.titleOf == nil, let title = span.title, !GeneralVocabulary.honorifics.contains(title) {
                let open = span.tokens.lowerBound - span.titleTokenCount
                if open >= 2, p.lower[open - 1] == "and", p.spanOf[open - 2] >= 0 {
                    let other = doc.spans[p.spanOf[open - 2]]
                    if other.type == .person, other.tokens.upperBound == open - 1, let st = other.titleOf, other.title != title,
                       let t = other.title, !GeneralVocabulary.honorifics.contains(t) {
                        add(k, title + " of", st, at: span.tokens.lowerBound, .title)
                    }
                }
            }
            // A title or a role noun before a name and "of" what the role is of after it, as
            // American news writes it: "President Bashar al-Assad of Syria", "Senator John
            // Edwards of North Carolina", "coach Mike Krzyzewski of Duke University" (not a
            // nationality without a role: "Serena Williams of the United States").
            if span.type == .person, !span.isReference, span.titleOf == nil, roles[k] == nil {
                let open = span.tokens.lowerBound - span.titleTokenCount
                var role: String? = nil
                if let t = span.title, !GeneralVocabulary.honorifics.contains(t) { role = t }
                else if span.title == nil, open >= 1, p.spanOf[open - 1] < 0, doc.upos.count == doc.tokens.count,
                        doc.upos[open - 1] == "NOUN", doc.tokens[open - 1].text.first?.isLowercase == true,
                        doc.xpos.count == doc.tokens.count, doc.xpos[open - 1] == "NN", GeneralVocabulary.roleNouns.contains(Self.withoutFormer(p.lemma(open - 1).lowercased())) {
                    role = roleLabel(p, open - 1)
                }
                var o = span.tokens.upperBound + 1
                if o < doc.tokens.count, p.lower[o] == "the" { o += 1 }
                if let role, span.tokens.upperBound < doc.tokens.count, p.lower[span.tokens.upperBound] == "of",
                   o < doc.tokens.count, p.spanOf[o] >= 0, p.spanOf[o] != k {
                    let holder = doc.spans[p.spanOf[o]]
                    if holder.tokens.lowerBound == o, !holder.isReference, [.state, .organization, .place].contains(holder.type),
                       !isDemonym(p, holder) {
                        add(k, role + " of", p.spanOf[o], at: span.tokens.lowerBound, .roleNoun)
                    }
                }
            }
            // An organization's role before a person's name: "Hamas founder Sheik Ahmed Yassin",
            // "Hamas' political chief Khaled Mashaal".
            if let (org, role) = roles[k] {
                add(k, role + " of", org, at: span.tokens.lowerBound, doc.spans[org].type == .state ? .title : .organizationRole)
            }
            // A place after a state's possessive: "Sudan's Darfur region" (not an adjective taken
            // for a place: "Iraq's Kurdish region").
            // Or a city's ("Jerusalem's Old City", "Rome's Ciampino airport"), with at most two
            // adjectives between ("Sudan's troubled Darfur region").
            var before = span.tokens.lowerBound - 1
            while before > span.tokens.lowerBound - 3, before >= 2, doc.upos.count == doc.tokens.count, doc.upos[before] == "ADJ",
                  p.spanOf[before] < 0, doc.tokens[before].text.first?.isLowercase == true { before -= 1 }
            if span.type == .place, before >= 1,
               doc.upos.count != doc.tokens.count || doc.upos[span.tokens.upperBound - 1] != "ADJ",
               !namesSomethingElse(p, k), lexicon.placeAdjectives[Lexicon.key(doc.string(doc.scalarRange(span.tokens)))] == nil,
               ["'s", "’s"].contains(p.lower[before]),
               p.spanOf[before - 1] >= 0, [.state, .place].contains(doc.spans[p.spanOf[before - 1]].type),
               p.spanOf[before - 1] != k {
                add(k, "located in", p.spanOf[before - 1], at: span.tokens.lowerBound, .locatedIn)
            }
            // "London-based Amnesty International": what is based in a place lies in it.
            if [.place, .state].contains(span.type), span.tokens.upperBound + 2 < doc.tokens.count,
               p.lower[span.tokens.upperBound] == "-", p.lower[span.tokens.upperBound + 1] == "based" {
                var a = span.tokens.upperBound + 2
                while a < doc.tokens.count, p.spanOf[a] < 0, doc.upos.count == doc.tokens.count, ["ADJ", "DET"].contains(doc.upos[a]) { a += 1 }
                if a < doc.tokens.count, p.spanOf[a] >= 0, [.organization, .place].contains(doc.spans[p.spanOf[a]].type) {
                    add(p.spanOf[a], "located in", k, at: a, .locatedIn)
                }
            }
            // "the NATO-led peacekeeping mission", "a U.N.-backed deployment": a name before a
            // hyphen and a participle did that to the event or organization the phrase names (not
            // to a person or a plain noun: "Kremlin-backed President X", "the U.S.-led coalition";
            // "London-based" is read above).
            if [.state, .organization, .person].contains(span.type), !span.isReference, doc.upos.count == doc.tokens.count,
               span.tokens.upperBound + 2 < doc.tokens.count, p.lower[span.tokens.upperBound] == "-" {
                let w = span.tokens.upperBound + 1
                if p.spanOf[w] < 0, !["based", "born"].contains(p.lower[w]), ["VERB", "ADJ"].contains(doc.upos[w]),
                   p.lower[w].hasSuffix("ed") || lexicon.verbExceptions[p.lower[w]] != nil,
                   let verb = lexicon.verbLemma(p.lower[w]), verb != p.lower[w] {
                    var a = w + 1
                    while a < doc.tokens.count, p.spanOf[a] < 0, ["ADJ", "NOUN"].contains(doc.upos[a]),
                          doc.tokens[a].text.first?.isLowercase == true { a += 1 }
                    // (The name must end the phrase: not "war crimes" of "a U.N.-backed war crimes court".)
                    let end = a < doc.tokens.count && p.spanOf[a] >= 0 ? doc.spans[p.spanOf[a]].tokens.upperBound : a
                    if a < doc.tokens.count, p.spanOf[a] >= 0, p.spanOf[a] != k,
                       end >= doc.tokens.count || doc.upos[end] != "NOUN",
                       [.event, .organization].contains(doc.spans[p.spanOf[a]].type), !doc.spans[p.spanOf[a]].isReference {
                        add(k, past(of: verb), p.spanOf[a], at: w, lemma: verb, .hyphenParticiple)
                    }
                }
            }
            // A place "in" another: "Sadr City in eastern Baghdad", "the Kalma refugee camp in
            // Darfur" (the place names a common noun it is a compound of).
            if span.type == .place, let head = span.tokens.first(where: { !span.tokens.contains(doc.heads[$0]) }) {
                var anchor = head
                let h = doc.heads[head]
                if p.rel(head) == "compound", h >= 0, p.spanOf[h] < 0, doc.upos.count == doc.tokens.count, doc.upos[h] == "NOUN",
                   GeneralVocabulary.placeHeads.contains(p.lower[h]) || GeneralVocabulary.subdivisionNouns.contains(p.lower[h]) {
                    anchor = h
                }
                // Or the noun it is the name "of": "the shrine city of Karbala in southern Iraq".
                var anchors = [anchor]
                if p.rel(head) == "nmod", p.preposition(head) == "of", h >= 0, h < head, p.spanOf[h] < 0,
                   GeneralVocabulary.subdivisionNouns.contains(p.lower[h]) {
                    anchors.append(h)
                }
                var found = false
                for (m, o) in anchors.flatMap({ placesIn(p, $0, after: head) }) where o != k {
                    add(k, "located in", o, at: m, .locatedIn)
                    found = true
                }
                // Whatever the parse made of it, a place (or its "city", "town") right before "in"
                // a state or a province: "the border town of Spin Boldak in Kandahar province".
                var i = span.tokens.upperBound
                if i < doc.tokens.count, GeneralVocabulary.subdivisionNouns.contains(p.lower[i]) { i += 1 }
                if !found, i + 1 < doc.tokens.count, p.lower[i] == "in", doc.upos.count == doc.tokens.count {
                    var j = i + 1
                    while j < doc.tokens.count, p.spanOf[j] < 0, ["DET", "ADJ"].contains(doc.upos[j]), doc.tokens[j].text.first?.isLowercase == true { j += 1 }
                    if j < doc.tokens.count, p.spanOf[j] >= 0, p.spanOf[j] != k, doc.spans[p.spanOf[j]].tokens.lowerBound == j {
                        let outer = doc.spans[p.spanOf[j]]
                        let next = outer.tokens.upperBound
                        if outer.type == .state && !outer.isReference
                            || outer.type == .place && next < doc.tokens.count && GeneralVocabulary.divisionNouns.contains(p.lower[next]) {
                            add(k, "located in", p.spanOf[j], at: i, .locatedIn)
                        }
                    }
                }
            }
            // A named building or institution "in" a place lies there: "Georgetown University in
            // Washington", "the Abu Ghraib prison in Baghdad" (its last word a structure or a
            // facility in WordNet; not any organization: "al-Qaida in Iraq" acts there).
            if span.type == .organization, !span.isReference, let head = span.tokens.first(where: { !span.tokens.contains(doc.heads[$0]) }),
               lexicon.facilityNouns.contains(p.lower[span.tokens.upperBound - 1]) {
                for (m, o) in placesIn(p, head, after: head) where o != k { add(k, "located in", o, at: m, .locatedIn) }
            }
            // "Cleveland, Ohio", "Darwin, Australia": a place, a comma, and the state or the state's
            // division it is in; not a list ("Paris, London and Rome", "Cairo, Amman, Riyadh").
            let t = span.tokens.upperBound
            if span.type == .place, let y = enclosingAfterComma(p, k) {
                add(k, "located in", y, at: t, .locatedIn)
            }
            // "US-Ukraine relations": two states joined by a hyphen before a noun of dealings.
            if span.type == .state, t + 1 < doc.tokens.count, p.lower[t] == "-", p.spanOf[t + 1] >= 0 {
                let other = p.spanOf[t + 1]
                let after = doc.spans[other].tokens.upperBound
                if doc.spans[other].type == .state, after < doc.tokens.count,
                   doc.sentenceIndex(ofToken: after) == doc.sentenceIndex(ofToken: t),
                   GeneralVocabulary.dealingNouns.contains(p.lower[after]) {
                    add(k, p.lower[after] + " with", other, at: t, .hyphenatedStates)
                }
            }
        }

        // "In Ramallah Thursday, Mr. Qureia asked ...", "From Paris, Lisa Bryant reports ...": the
        // place a sentence opens with is where its main verb's subject acted. The clause is read
        // from its words (the parse often takes the place for the clause's head).
        for sentence in doc.sentences {
            if let (place, prep, subject, verb) = frontedPlace(p, sentence) {
                let lemma = lexicon.verbLemma(p.lower[verb]) ?? p.lemma(verb)
                add(subject, past(of: lemma) + " " + prep, place, at: verb, lemma: lemma + " " + prep,
                    negated: p.isNegated(verb), .frontedPlace)
            }
        }

        for v in doc.tokens.indices {
            let upos = doc.upos.count == doc.tokens.count ? doc.upos[v] : "VERB"
            // A denied verb or predicate ("did not visit", "is not the president") gives its
            // relations flagged as negated, never as facts.
            if upos == "VERB" {
                let negated = p.isNegated(v)
                verbRelations(p, v) { add($0, $1, $2, at: $3, lemma: $4, negated: negated, $5) }
            }
            if !p.kids(v, "cop").isEmpty {
                let negated = p.isNegated(v)
                copulaRelations(p, v) { add($0, $1, $2, at: $3, lemma: $4, negated: negated, $5) }
            }
            // A role in apposition: "Erik Solheim, head of UN Environment".
            // And "Richard Boucher, the U.S. assistant secretary of state".
            if p.rel(v) == "appos", isRoleNoun(p, v) {
                let holder = doc.heads[v]
                for (o, prep) in roleHolders(p, v) {
                    for s in entities(p, holder) where [.person].contains(doc.spans[s].type) {
                        add(s, roleLabel(p, v) + " " + prep, o, at: v, .roleNoun)
                    }
                }
            }
            // A role before the name it is in apposition with: "a Russian foreign ministry
            // spokesman, Andre Krivtsov", "the African Union's chief mediator, Salim Ahmed Salim".
            // A capitalized title counts ("Japan's Foreign Minister, Nobutaka Machimura"), and so
            // does what the role is "of" ("the founder of Microsoft, Bill Gates"), where the parse
            // may hang the name on ("the head of the IAEA, Mohamed ElBaradei").
            // A nationality before a noun for what somebody is ("Syrian lawyer-activist", "Russian
            // cellist") is no role of that state; an office is ("Spanish judge"). A plural is people,
            // not one's role ("U.S. officials, including X").
            if upos == "NOUN" || upos == "PROPN" && isTitleWord(p.lower[v]), p.spanOf[v] < 0, isRoleNoun(p, v),
               doc.xpos.count != doc.tokens.count || !["NNS", "NNPS"].contains(doc.xpos[v]) {
                let holders = roleHolders(p, v)
                var appositions = p.kids(v, "appos").filter { $0 > v }
                for m in p.kids(v, universal: "nmod") where p.preposition(m) == "of" && p.spanOf[m] >= 0
                    && [.state, .organization].contains(doc.spans[p.spanOf[m]].type) {
                    appositions += p.kids(m, "appos").filter { $0 > m }
                }
                // Or a name set off by commas right after the role, or after what it is "of" or
                // "to", whatever the parse made of it: "a Spanish judge, Fernando Andreu, ordered",
                // "the U.S. ambassador to Liberia, Donald Booth, praised".
                let ends = [v] + p.kids(v, universal: "nmod").filter { $0 > v && ["of", "to"].contains(p.preposition($0) ?? "") }
                    .map { p.spanOf[$0] >= 0 ? doc.spans[p.spanOf[$0]].tokens.upperBound - 1 : $0 }
                for e in ends where e + 2 < doc.tokens.count && p.lower[e + 1] == "," && p.spanOf[e + 2] >= 0 {
                    let name = doc.spans[p.spanOf[e + 2]]
                    let after = name.tokens.upperBound
                    if name.tokens.lowerBound == e + 2, name.type == .person, !name.isReference,
                       after < doc.tokens.count, p.lower[after] == "," { appositions.append(e + 2) }
                }
                let role = roleLabel(p, v)
                for a in appositions {
                    for person in entities(p, a) where doc.spans[person].type == .person && !doc.spans[person].isReference {
                        for (holder, prep) in holders where holder != person { add(person, role + " " + prep, holder, at: v, .roleNoun) }
                    }
                }
            }
            // A place named inside a larger one: "the Baghdad district of Sadr City", "the
            // southern Russian city of Rostov-on-Don", "the West Bank towns of Ramallah and Nablus",
            // "Russia's republic of Ingushetia"; but "the Chakul area of Helmand province": a
            // division after "of" is the larger place, the name before the noun the smaller.
            if upos == "NOUN", p.spanOf[v] < 0, GeneralVocabulary.subdivisionNouns.contains(p.lower[v]) {
                let before = p.children[v].filter { $0 < v && ["compound", "amod", "nmod"].contains(p.rel($0)) && p.spanOf[$0] >= 0 }
                let containers = before.map { p.spanOf[$0] }.filter { [.place, .state].contains(doc.spans[$0].type)
                        && !GeneralVocabulary.waterHeads.contains(doc.spans[$0].name.split(separator: " ").last.map { $0.lowercased() } ?? "") }
                // Or the place in apposition with the noun, next to it: "Togo's capital, Lome",
                // "the Afghan capital, Kabul", "Ramadi, the capital of Anbar province" (the parse
                // often hangs the apposition elsewhere). Its own name ("Basra" of "Basra
                // province") is then no larger place, but an "of" is.
                var inners: [Int] = []
                if v + 2 < doc.tokens.count, p.lower[v + 1] == ",", p.spanOf[v + 2] >= 0,
                   doc.spans[p.spanOf[v + 2]].tokens.lowerBound == v + 2 { inners.append(p.spanOf[v + 2]) }
                var b = v - 1
                while b >= 0, p.spanOf[b] < 0, doc.upos.count == doc.tokens.count, ["ADJ", "DET", "ADV"].contains(doc.upos[b]) { b -= 1 }
                if b >= 1, p.lower[b] == ",", p.spanOf[b - 1] >= 0 { inners.append(p.spanOf[b - 1]) }
                inners = inners.filter { doc.spans[$0].type == .place && !doc.spans[$0].isReference }
                let ofs = p.kids(v, universal: "nmod").filter { p.preposition($0) == "of" }
                if inners.isEmpty {
                    for m in ofs {
                        for inner in entities(p, m) where doc.spans[inner].type == .place {
                            let span = doc.spans[inner]
                            if GeneralVocabulary.divisionNouns.contains(p.lower[span.tokens.upperBound - 1])
                                || GeneralVocabulary.divisionNouns.contains(p.lower[m]) {
                                for smaller in before where p.rel(smaller) == "compound" && doc.spans[p.spanOf[smaller]].type == .place {
                                    add(p.spanOf[smaller], "located in", inner, at: m, .locatedIn)
                                }
                                continue
                            }
                            for outer in containers where outer != inner { add(inner, "located in", outer, at: m, .locatedIn) }
                        }
                    }
                } else {
                    // (And what the noun is "in": "Vollsmose, a neighborhood in the city of Odense".)
                    let outers = before.filter { p.rel($0) != "compound" }.map { p.spanOf[$0] }.filter { containers.contains($0) }
                        + ofs.flatMap { placesNamed(p, $0) }
                        + placesIn(p, v, after: v).map(\.place)
                    for inner in inners {
                        for outer in outers where outer != inner { add(inner, "located in", outer, at: v, .locatedIn) }
                    }
                }
            }
            // An event in a place: "a summit in London" was held there, "a blast in Kabul" took
            // place there.
            if p.spanOf[v] >= 0, doc.spans[p.spanOf[v]].type == .event, p.rel(v) != "compound" {
                let noun = p.lemma(v)
                let held = lexicon.heldEventNouns.contains(noun) || lexicon.heldEventNouns.contains(p.lower[v])
                    || p.lower[v].hasSuffix("s") && lexicon.heldEventNouns.contains(String(p.lower[v].dropLast())) // "Winter Games"
                // The place may hang on the verb that holds the event: "held talks in Geneva".
                var places = p.kids(v, universal: "nmod")
                if p.rel(v) == "obj", doc.heads[v] >= 0, Self.holdingVerbs.contains(p.lemma(doc.heads[v])) {
                    places += p.kids(doc.heads[v], universal: "obl")
                }
                // "In <place>" right after the event's noun says where it happened wherever the parse
                // hung it: on the verb ("oversee the wars in Iraq") or on another word ("their talks
                // in Moscow" with Moscow under "until Thursday").
                // (A day between them is no matter: "a meeting Friday in Vienna".)
                var after = v + 1
                if after < doc.tokens.count, Self.isDayWord(p.lower[after]) {
                    after += 1
                }
                if v == doc.spans[p.spanOf[v]].tokens.upperBound - 1, after + 1 < doc.tokens.count,
                   ["in", "at"].contains(p.lower[after]), doc.deprels[after] == "case", doc.heads[after] > after,
                   !places.contains(doc.heads[after]) {
                    places.append(doc.heads[after])
                }
                // Or on the event's own complement: "a summit with Ariel Sharon in Egypt", "talks
                // with U.S. officials in Washington", "bombings at three hotels in Amman".
                for c in p.kids(v, universal: "nmod") where c > v && Self.eventComplementPrepositions.contains(p.preposition(c) ?? "") {
                    places += p.kids(c, universal: "nmod").filter { $0 > c && !places.contains($0) }
                }
                for m in places where ["in", "at"].contains(p.preposition(m) ?? "") {
                    for o in placesNamed(p, m) {
                        if held { add(p.spanOf[v], "held in", o, at: m, lemma: "hold in", .eventPlace) }
                        else { add(p.spanOf[v], "took place in", o, at: m, lemma: "take place in", .eventPlace) }
                    }
                }
            }
        }
        // Where the parse connected two names by nothing, the words may: read last, so that a pair
        // the parse related keeps the parse's reading.
        var related = Set(out.map { [$0.subject, $0.object] })
        for r in surfaceRelations(p) where !related.contains([r.subject, r.object]) {
            related.insert([r.subject, r.object])
            add(r.subject, r.label, r.object, at: r.token, lemma: r.lemma, .surface)
        }
        return out
    }

    // MARK: - Surface

    /// Relations read off the words, the verb phrase of an open relation (ReVerb, Fader et al.
    /// 2011) between two names: a name that is no preposition's object, its verb (after "has",
    /// "will" and the like, or "is" before an -ing form; not a passive, not denied), maybe a
    /// particle, an adverb or a day, then the object's name or a preposition and it, with only
    /// determiners, adjectives and numbers before the name, which ends its noun phrase. "Mr.
    /// Schroeder met Monday with Prime Minister Wen Jiabao" (a parse hung "with" on the full
    /// stop), "Hamas dominated recent Palestinian elections" (a parse took it for a passive).
    private func surfaceRelations(_ p: Parse) -> [(subject: Int, label: String, object: Int, token: Int, lemma: String)] {
        let doc = p.doc
        let n = doc.tokens.count
        guard doc.upos.count == n, doc.xpos.count == n else { return [] }
        var out: [(subject: Int, label: String, object: Int, token: Int, lemma: String)] = []
        // The spans over each token, in the document's order, built once for the lookups below.
        var covering = [[Int]](repeating: [], count: n)
        for (k, span) in doc.spans.enumerated() { for t in span.tokens { covering[t].append(k) } }
        /// The span whose name starts at `t` after determiners, adjectives, numbers and demonyms, if
        /// it ends its noun phrase (what follows is punctuation, a preposition, a conjunction, a
        /// pronoun, a determiner, an adverb or a day, maybe after its members: no noun it
        /// modifies, no verb it is the subject of) and controls no infinitive.
        func object(from t: Int, sentenceEnd: Int) -> Int? {
            var t = t
            // (A demonym is an adjective here: "dominated recent Palestinian elections".)
            func demonymAt(_ t: Int) -> Int? {
                guard p.spanOf[t] >= 0 else { return nil }
                let d = doc.spans[p.spanOf[t]]
                return d.tokens.lowerBound == t && isDemonym(p, d) ? d.tokens.upperBound : nil
            }
            while t < sentenceEnd {
                if p.spanOf[t] < 0, ["DET", "ADJ", "NUM"].contains(doc.upos[t]) || doc.xpos[t] == "PRP$" { t += 1; continue }
                if let end = demonymAt(t), end < sentenceEnd, ["NOUN", "PROPN"].contains(doc.upos[end]) { t = end; continue }
                break
            }
            // The span that starts here, else the person whose title starts here, else an event
            // that opened with the demonym.
            guard t < sentenceEnd, let k = covering[t].first(where: { doc.spans[$0].tokens.lowerBound == t && !isDemonym(p, doc.spans[$0]) })
                    ?? (p.spanOf[t] >= 0 ? p.spanOf[t] : nil)
                    ?? covering[t].first(where: { doc.spans[$0].type == .event }) else { return nil }
            let span = doc.spans[k]
            guard span.tokens.lowerBound == t || span.titleTokenCount > 0 && t < span.tokens.lowerBound
                    || span.type == .event && span.tokens.contains(t), acceptsObject(span),
                  !isDemonym(p, span) else { return nil }
            // What follows ends the phrase: punctuation, a preposition, a conjunction or a day. Not
            // a noun it modifies, nor a verb it is the subject of ("suggested Pakistan was").
            var after = span.tokens.upperBound
            // (Its members or agents stand for it: "leaving the Bush administration"; a place has none.)
            if after < sentenceEnd, span.type != .place, p.spanOf[after] < 0, doc.upos[after] == "NOUN", isMembersNoun(p, after) { after += 1 }
            if after < sentenceEnd {
                // (Nor a hyphen that joins it to a modifier: "backed U.S.-led forces".)
                if p.lower[after] == "-", doc.tokens[after].start == doc.tokens[after - 1].end { return nil }
                guard ["PUNCT", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "ADV"].contains(doc.upos[after])
                        || GeneralVocabulary.dayAndMonthNames.contains(p.lower[after]) else { return nil }
                // "warned Syria to cooperate": a verb of control's object is left to the parse
                // (verbRelations), which tells it from a complement better than the words do.
                if p.lower[after] == "to", after + 1 < sentenceEnd, doc.upos[after + 1] == "VERB" { return nil }
            }
            return k
        }
        /// The object from `t` and its conjuncts: "met with Anna Kovacs and Tomas Lindqvist".
        func objects(from t: Int, sentenceEnd: Int) -> [Int] {
            guard let o = object(from: t, sentenceEnd: sentenceEnd) else { return [] }
            var out = [o]
            var after = doc.spans[o].tokens.upperBound
            while after + 1 < sentenceEnd, ["and", "or", ","].contains(p.lower[after]) {
                var next = after + 1
                if p.lower[after] == ",", next < sentenceEnd, ["and", "or"].contains(p.lower[next]) { next += 1 }
                guard let o2 = object(from: next, sentenceEnd: sentenceEnd), doc.spans[o2].type == doc.spans[o].type else { break }
                out.append(o2)
                after = doc.spans[o2].tokens.upperBound
            }
            return out
        }
        for (k, subject) in doc.spans.enumerated() where !subject.isReference {
            let first = subject.tokens.lowerBound - subject.titleTokenCount
            let sentence = doc.sentences[doc.sentenceIndex(ofToken: subject.tokens.lowerBound)]
            // No preposition's object ("the leader of Hamas visited", "in southern Africa could
            // affect"), nor one of its conjuncts ("officials in Washington and Berlin view").
            func opening(_ t: Int) -> Int {
                var b = t - 1
                while b >= sentence.lowerBound, p.spanOf[b] < 0, ["DET", "ADJ", "NUM"].contains(doc.upos[b]) { b -= 1 }
                return b
            }
            var before = opening(first)
            // A conjunct before it shares the verb: "Mr. Abbas and Khaled Mashaal met".
            var subjects = [k]
            if before > sentence.lowerBound, doc.upos[before] == "CCONJ", p.spanOf[before - 1] >= 0 {
                let j = p.spanOf[before - 1]
                let other = doc.spans[j]
                if p.lower[before] == "and", !other.isReference, !isDemonym(p, other) { subjects.append(j) }
                before = opening(other.tokens.lowerBound - other.titleTokenCount)
            }
            // (A demonym stands for its state only before its agents: "Ukrainian authorities", not
            // "Pakistani students".)
            let agents = subject.tokens.upperBound < sentence.upperBound
                && GeneralVocabulary.stateAgentNouns.contains(p.lower[subject.tokens.upperBound])
            if isDemonym(p, subject) && !agents || before >= sentence.lowerBound && ["ADP", "PART"].contains(doc.upos[before]) { continue }
            var t = subject.tokens.upperBound
            // Its members or agents stand for it: "Hamas militants committed".
            if t < sentence.upperBound, p.spanOf[t] < 0, doc.upos[t] == "NOUN", isMembersNoun(p, t) { t += 1 }
            var progressive = false, perfect = false
            while t < sentence.upperBound {
                let w = p.lower[t]
                if ["not", "n't", "never", "n’t", "no"].contains(w) { t = sentence.upperBound; break }
                if doc.upos[t] == "AUX", Self.tenseAuxiliaries.contains(w) { perfect = perfect || ["has", "have", "had"].contains(w); t += 1; continue }
                if doc.upos[t] == "AUX", GeneralVocabulary.copulas.contains(w) || w == "been" { progressive = true; t += 1; continue }
                if doc.upos[t] == "ADV", doc.xpos[t] == "RB", !Self.particles.contains(w) { t += 1; continue }
                break
            }
            guard t < sentence.upperBound, doc.upos[t] == "VERB" else { continue }
            let v = t
            let form = doc.xpos[v]
            // After "is" only an -ing form is active; a participle after "has" or alone is a past.
            if progressive ? form != "VBG" : !["VBD", "VBZ", "VBP", "VBN", "VB"].contains(form) { continue }
            if form == "VBN" && !perfect && (v + 1 >= sentence.upperBound || p.lower[v + 1] == "by") { continue }
            let lemma = lexicon.verbLemma(p.lower[v]) ?? p.lemma(v)
            guard lemma.count > 1, lemma != "be", lemma != "have" else { continue }
            var label = past(of: lemma), base = lemma
            t = v + 1
            if t < sentence.upperBound, Self.particles.contains(p.lower[t]), doc.upos[t] == "ADP" || doc.upos[t] == "ADV" {
                label += " " + p.lower[t]; base += " " + p.lower[t]; t += 1
            }
            while t < sentence.upperBound, doc.upos[t] == "ADV" && doc.xpos[t] == "RB" || Self.isDayWord(p.lower[t]) { t += 1 }
            guard t < sentence.upperBound else { continue }
            if doc.upos[t] == "ADP" {
                let prep = p.lower[t]
                guard !Self.timePrepositions.contains(prep), !["as", "like", "than", "of"].contains(prep) else { continue }
                for o in objects(from: t + 1, sentenceEnd: sentence.upperBound) where !subjects.contains(o)
                    // A verb of saying relates only to where it was said, or whom one reports for.
                    && (!Self.sayingVerbs.contains(lemma) || prep == "for" || [.place, .state].contains(doc.spans[o].type)) {
                    for s in subjects { out.append((s, label + " " + prep, o, v, base + " " + prep)) }
                }
            } else if !Self.sayingVerbs.contains(lemma), !Self.lightVerbs.contains(lemma) {
                for o in objects(from: t, sentenceEnd: sentence.upperBound) where !subjects.contains(o) {
                    for s in subjects { out.append((s, label, o, v, base)) }
                }
            }
        }
        return out
    }

    /// A state named by its demonym ("Nicaraguan presidential candidate"): a modifier, no noun phrase.
    private func isDemonym(_ p: Parse, _ span: EntitySpan) -> Bool {
        guard span.type == .state else { return false }
        let surface = p.doc.tokens[span.tokens].map(\.text).joined(separator: " ")
        return lexicon.stateForDemonym(surface) != nil && Lexicon.key(surface) != Lexicon.key(span.name)
    }

    /// A day's or a month's name, "today" or "yesterday": when, between a word and what it governs
    /// ("a meeting Friday in Vienna", "met Monday with X").
    static func isDayWord(_ w: String) -> Bool {
        GeneralVocabulary.dayAndMonthNames.contains(w) || w == "today" || w == "yesterday"
    }

    /// Auxiliaries of tense and mood before a verb.
    static let tenseAuxiliaries: Set<String> = ["has", "have", "had", "will", "would", "could", "can", "may", "might", "must",
                                                "should", "shall", "'ll", "'d", "’ll", "’d", "wo", "ca"]

    /// Whether a place span modifies a common noun after it that is no kind of place ("Israel's
    /// Maariv newspaper": a newspaper, not a place in Israel).
    private func namesSomethingElse(_ p: Parse, _ k: Int) -> Bool {
        let last = p.doc.spans[k].tokens.upperBound - 1
        let h = p.doc.heads[last]
        guard h > last, p.rel(last) == "compound", p.spanOf[h] < 0, p.doc.upos.count == p.doc.tokens.count,
              p.doc.upos[h] == "NOUN" else { return false }
        return !GeneralVocabulary.subdivisionNouns.contains(p.lower[h]) && !GeneralVocabulary.placeHeads.contains(p.lower[h])
    }

    /// The span after "<place>, " that names where the place is: a state, or one of a state's
    /// first-level divisions, that ends the list (no "and", "or" or further place after it), after
    /// a place that does not itself follow a comma or a coordinator.
    private func enclosingAfterComma(_ p: Parse, _ k: Int) -> Int? {
        let doc = p.doc
        let x = doc.spans[k].tokens
        let n = doc.tokens.count
        guard x.upperBound + 1 < n, p.lower[x.upperBound] == "," else { return nil }
        // (Maybe a word for the part of it: "Juba, southern Sudan".)
        var start = x.upperBound + 1
        if start + 1 < n, GeneralVocabulary.compassWords.contains(doc.tokens[start].text) { start += 1 }
        guard p.spanOf[start] >= 0 else { return nil }
        let y = p.spanOf[start]
        let ys = doc.spans[y]
        guard ys.tokens.lowerBound == start,
              doc.sentenceIndex(ofToken: ys.tokens.lowerBound) == doc.sentenceIndex(ofToken: x.lowerBound) else { return nil }
        // (A division's name that several states share is the one of the place's state: "Tampa,
        // Florida".)
        let isRegion = ys.type == .place && (lexicon.regions[Lexicon.key(ys.name)] != nil
            || lexicon.place(named: doc.spans[k].name)?.country.map { lexicon.sharedRegions[Lexicon.key(ys.name)]?.contains($0) ?? false } ?? false)
        guard ys.type == .state || isRegion else { return nil }
        if x.lowerBound > 0, [",", "and", "or", "&"].contains(p.lower[x.lowerBound - 1]) { return nil }
        let after = ys.tokens.upperBound
        if after < n {
            if ["and", "or", "&"].contains(p.lower[after]) { return nil }
            if p.lower[after] == ",", after + 1 < n, p.spanOf[after + 1] >= 0,
               [.place, .state].contains(doc.spans[p.spanOf[after + 1]].type) { return nil }
        }
        return y
    }

    /// Verbs of appeal whose "on" or "to" names who is to act: "call on X to", "appeal to X to".
    static let appealVerbs: Set<String> = ["call", "appeal", "prevail", "rely", "count", "depend", "look", "press"]

    /// Subordinators of a participle that shares the subject of its clause: "after meeting".
    static let adjunctMarkers: Set<String> = ["after", "before", "while", "since", "when", "upon", "without", "by"]

    /// Prepositions of what an event is with, at, on or against, whose own "in" says where the
    /// event was.
    static let eventComplementPrepositions: Set<String> = ["with", "at", "on", "against", "between", "among"]

    /// Verbs whose object is an event they bring about where they happen: "held talks in Geneva",
    /// "launched an offensive in Swat".
    static let holdingVerbs: Set<String> = ["hold", "host", "convene", "stage", "organize", "organise", "launch", "conduct", "mount"]

    /// Adverbs that make a phrasal verb with the verb before them.
    static let particles: Set<String> = ["ahead", "back", "out", "off", "away", "down", "up", "forward", "over"]

    /// Verbs whose past is their base form, which WordNet lists no exception for ("spread", not
    /// "spreaded").
    static let invariantPasts: Set<String> = [
        "bet", "bid", "broadcast", "burst", "cast", "cost", "cut", "forecast", "hit", "hurt", "let", "put",
        "quit", "read", "set", "shut", "split", "spread", "thrust", "upset", "beat", "offset", "outbid",
        "reset", "recast", "rebroadcast", "telecast", "undercut", "overspread",
    ]

    /// Prepositions that place an event in time, not in a relation.
    static let timePrepositions: Set<String> = ["during", "after", "before", "since", "until", "following", "amid", "ahead of"]

    /// Verbs whose meaning lies in their object noun: "make an announcement", "take a decision".
    static let lightVerbs: Set<String> = ["make", "take", "give", "have", "do", "get", "pay"]

    /// Verbs that give a name: "known as", "called".
    static let namingVerbs: Set<String> = ["know", "call", "name", "dub", "nickname", "title", "refer"]

    /// Verbs of saying, whose object is what was said. ("Tell" is not one: its object is whom it
    /// tells, "told his counterpart that ...".)
    static let sayingVerbs: Set<String> = ["say", "state", "claim", "report", "announce"]

    // MARK: - Verbs

    /// `add(subject, label, object, token, lemma, pattern)`: the label in the past tense
    /// ("engaged in"), the lemma with the verb's base form ("engage in").
    private func verbRelations(_ p: Parse, _ v: Int, _ add: (Int, String, Int, Int, String, RelationPattern) -> Void) {
        let doc = p.doc
        let lemma = lexicon.verbLemma(p.lower[v]) ?? p.lemma(v)
        guard lemma.count > 1, !GeneralVocabulary.copulas.contains(p.lower[v]), lemma != "be", lemma != "have" else { return }
        // Part of a hyphenated word is no verb of the clause: "President-elect", "Iraq-based".
        if v >= 1, p.lower[v - 1] == "-", doc.tokens[v - 1].end == doc.tokens[v].start,
           v >= 2, doc.tokens[v - 2].end == doc.tokens[v - 1].start { return }
        let pastForm = past(of: lemma)
        var label = pastForm
        if let prt = p.kids(v, "compound:prt").first { label += " " + p.lower[prt] }
        // A particle the parse took for an adverb right after the verb: "pushing ahead with".
        else if v + 1 < doc.tokens.count, doc.heads[v + 1] == v, p.rel(v + 1) == "advmod", Self.particles.contains(p.lower[v + 1]) {
            label += " " + p.lower[v + 1]
        }
        // (A verb with an active subject is active, whatever else the parse hung on it.)
        var passive = p.children[v].contains { doc.deprels[$0] == "nsubj:pass" || doc.deprels[$0] == "aux:pass" }
            && !p.children[v].contains { doc.deprels[$0] == "nsubj" }
        // A participle conjoined to a passive without a subject of its own is passive too: "was shot
        // and killed in Ramadi".
        if !passive, doc.deprels[v] == "conj", doc.xpos.count == doc.tokens.count, doc.xpos[v] == "VBN",
           !p.children[v].contains(where: { ["nsubj", "aux"].contains(doc.deprels[$0]) }), doc.heads[v] >= 0 {
            passive = p.children[doc.heads[v]].contains { doc.deprels[$0] == "nsubj:pass" || doc.deprels[$0] == "aux:pass" }
        }
        // A past participle modifying a noun is a passive whose patient is that noun: "the truce
        // deal brokered by Mahmoud Abbas", "a speech broadcast on China Central Television".
        if doc.deprels[v] == "acl", doc.xpos.count == doc.tokens.count, doc.xpos[v] == "VBN", doc.heads[v] >= 0 {
            let noun = doc.heads[v]
            let agents = p.kids(v, "obl:agent") + p.kids(v, universal: "obl").filter { p.preposition($0) == "by" }
            var pairs: [(Int, String, Int, RelationPattern)] = agents.map { ($0, label, noun, .passive) }
            for o in p.kids(v, universal: "obl") where !agents.contains(o) {
                guard let prep = p.preposition(o), !prep.contains(" ") || prep.count < 14,
                      !(prep == "as" && Self.namingVerbs.contains(lemma)) else { continue }
                pairs.append((noun, label + " " + prep, o, .participle))
            }
            for (s, l, o, pattern) in pairs {
                for subj in entities(p, s) where acceptsSubject(doc.spans[subj]) {
                    for obj in entities(p, o) where acceptsObject(doc.spans[obj]) && obj != subj {
                        add(subj, l, obj, v, lemma + l.dropFirst(pastForm.count), pattern)
                    }
                }
            }
            return
        }

        var subjects = subjectTokens(p, v)
        // A participle's subject comes from the noun or clause it hangs on.
        let participle = doc.deprels[v] == "acl" || doc.deprels[v] == "advcl"
        var objects: [(token: Int, label: String, pattern: RelationPattern)] = []
        // "Kursk, where Ukrainian forces have been engaged": the place just before "where".
        var wherePlace: Int?
        if let w = p.children[v].first(where: { p.lower[$0] == "where" && $0 < v }) {
            var b = w - 1
            if b >= 0, p.lower[b] == "," { b -= 1 }
            if b >= 0, p.spanOf[b] >= 0, [.place, .state].contains(doc.spans[p.spanOf[b]].type) { wherePlace = b }
            else if doc.deprels[v] == "acl:relcl" { wherePlace = doc.heads[v] }
        }
        let whereClause = wherePlace != nil
        if passive && !whereClause {
            let patients = subjects
            subjects = p.kids(v, "obl:agent") + p.kids(v, universal: "obl").filter { p.preposition($0) == "by" }
            objects = patients.map { ($0, label, .passive) }
        } else {
            // A verb has one direct object; where the parse gave it more, the nearest is the one.
            // "allowed Indian diplomats to visit", "warned Syria to cooperate": the object of a
            // verb of control is what the verb acts on, as the gold guidelines have it ("called on
            // Congress to ..."), though it also does what follows; a word before any other verb
            // complement is none ("took action following a threat").
            // "officials say the fighting ... subsided": a verb of saying has a clause, not an object.
            // An indirect object with no direct one is what the verb acts on: "urged the Council to act".
            // "the city which Israel claims", "the deal that Abbas brokered": the relative pronoun
            // is the object and stands for the noun the clause modifies.
            if let r = objectRelative(p, v), p.kids(v, "obj").allSatisfy({ $0 == r }), let noun = relativeAntecedent(p, v, r) {
                objects.append((noun, label, participle ? .participle : .verbObject))
            }
            let direct = p.kids(v, "obj").isEmpty ? p.kids(v, "iobj") : p.kids(v, "obj")
            if !Self.sayingVerbs.contains(lemma), let o = direct.min(by: { abs($0 - v) < abs($1 - v) }),
               !p.kids(v, "xcomp").contains(where: { x in x > o && (doc.upos.count != doc.tokens.count || ["VERB", "AUX"].contains(doc.upos[x]))
                   && !p.children[x].contains { c in c < x && p.lower[c] == "to" } }) {
                objects.append((o, label, participle ? .participle : .verbObject))
            }
            // A place the parse hung on a plain object belongs to the verb: "spend $10 billion in
            // Afghanistan", "built strong support in Venezuela". (Not on an entity or an event:
            // "condemned the attack in Kabul" says where the attack was.)
            if !Self.sayingVerbs.contains(lemma), lemma != "have",
               let o = p.kids(v, "obj").min(by: { abs($0 - v) < abs($1 - v) }), p.spanOf[o] < 0 {
                for m in p.kids(o, universal: "nmod") where m > o && ["in", "at"].contains(p.preposition(m) ?? "")
                    && !placesNamed(p, m).isEmpty {
                    objects.append((m, label + " " + p.preposition(m)!, participle ? .participle : .verbOblique))
                }
            }
            // A light verb with a plain noun for object says its meaning with the noun ("made the
            // announcement at a base"): its obliques are not the verb's.
            let light = Self.lightVerbs.contains(lemma) && p.kids(v, "obj").contains { p.spanOf[$0] < 0 }
            let obliques = p.kids(v, universal: "obl")
            // A light or holding verb with a bare noun for object makes one predicate with it, as
            // the verb phrase of an open relation (Fader et al. 2011, ReVerb): "held talks with X",
            // "took control of X", "made comments to X".
            let bare = bareNounObject(p, v)
            if let noun = bare {
                let phrase = label + " " + p.lower[noun]
                for o in obliques + p.kids(noun, universal: "nmod").filter({ $0 > noun }) {
                    guard let prep = p.preposition(o), !prep.contains(" "), !Self.timePrepositions.contains(prep),
                          !(["in", "at"].contains(prep) && Self.holdingVerbs.contains(lemma)) else { continue }
                    objects.append((o, phrase + " " + prep, participle ? .participle : .verbOblique))
                }
            }
            for o in obliques where !light && bare == nil {
                // One preposition, or a short fixed one of several words ("according to", "ahead of");
                // not a name ("known as").
                guard let prep = p.preposition(o), !prep.contains(" ") || prep.count < 14,
                      !(prep == "as" && Self.namingVerbs.contains(lemma)) else { continue }
                // "For" an event beside an object or another oblique says what for, not what
                // happened: "began a visit to Brazil for talks", "travels to Tokyo for talks".
                if prep == "for", p.spanOf[o] >= 0, doc.spans[p.spanOf[o]].type == .event,
                   !p.kids(v, "obj").isEmpty || obliques.contains(where: { $0 != o && p.preposition($0) != nil }) { continue }
                // An event after "during", "after", "amid" says when: "suffered a stroke during a visit".
                // (Or after a span of time: "after months of negotiations".)
                if Self.timePrepositions.contains(prep), entities(p, o).contains(where: { doc.spans[$0].type == .event }) { continue }
                // A verb of saying relates only to where it was said: "said in Abuja" (not "said at
                // a news conference", "said in talks", "said for Tokyo").
                if Self.sayingVerbs.contains(lemma),
                   !(["in", "at", "from"].contains(prep) && !placesNamed(p, o).isEmpty) { continue }
                // After a plain noun object, a phrase may as well be the noun's as the verb's
                // ("invited officials from Syria", "told officials in Kiev"): only "to" and "into"
                // say where the verb sends it ("deployed troops to Haiti").
                if !["to", "into"].contains(prep), doc.upos.count == doc.tokens.count,
                   p.kids(v, "obj").contains(where: { $0 < o && p.spanOf[$0] < 0 && doc.upos[$0] == "NOUN" }) { continue }
                objects.append((o, label + " " + prep, participle ? .participle : .verbOblique))
            }
            // A phrase the parse hung on a name that the verb takes belongs to the verb: a name
            // has no modifier "from" or "with" ("traveled to Singapore from Australia", "met
            // Bush in Washington"); "in" after a place says where the place is, not the verb.
            if !light, bare == nil {
                for o in obliques + p.kids(v, "obj") where p.spanOf[o] >= 0 && !doc.spans[p.spanOf[o]].isReference {
                    let type = doc.spans[p.spanOf[o]].type
                    guard type != .event else { continue }
                    for m in p.kids(o, universal: "nmod") where m > o {
                        guard let prep = p.preposition(m), !prep.contains(" "), prep != "of", !Self.timePrepositions.contains(prep),
                              !([.place, .state].contains(type) && ["in", "at", "near", "on", "outside", "inside"].contains(prep)) else { continue }
                        objects.append((m, label + " " + prep, participle ? .participle : .verbOblique))
                    }
                }
            }
        }
        if let place = wherePlace { objects.append((place, label + " in", .whereClause)) }
        // A role the subject holds: "served as ambassador to Poland", "worked as an adviser to X".
        for o in p.kids(v, universal: "obl") where p.preposition(o) == "as" && p.spanOf[o] < 0 && isRoleNoun(p, o) {
            for s in subjects {
                for subj in entities(p, s) where doc.spans[subj].type == .person && acceptsSubject(doc.spans[subj]) {
                    for (obj, prep) in roleObjects(p, o) where obj != subj {
                        let role = roleLabel(p, o) + " " + prep
                        add(subj, role, obj, o, role, .roleNoun)
                    }
                }
            }
        }
        for s in subjects {
            for subj in entities(p, s) where acceptsSubject(doc.spans[subj]) {
                for (o, l, pattern) in objects {
                    for obj in entities(p, o) where acceptsObject(doc.spans[obj]) && obj != subj {
                        add(subj, l, obj, v, lemma + l.dropFirst(pastForm.count), pattern)
                    }
                }
            }
        }
    }

    /// The object of a light or holding verb when it is a bare common noun, alone in its span if
    /// any: "talks" in "held talks", "control" in "took control" (not "the city", "a deal").
    private func bareNounObject(_ p: Parse, _ v: Int) -> Int? {
        guard Self.lightVerbs.contains(p.lemma(v)) || Self.holdingVerbs.contains(p.lemma(v)),
              let o = p.kids(v, "obj").min(by: { abs($0 - v) < abs($1 - v) }), o > v,
              p.doc.upos.count == p.doc.tokens.count, p.doc.upos[o] == "NOUN",
              p.spanOf[o] < 0 || p.doc.spans[p.spanOf[o]].tokens.count == 1,
              !p.children[o].contains(where: { ["det", "nmod:poss", "amod", "compound", "nummod"].contains(p.doc.deprels[$0]) })
        else { return nil }
        return o
    }

    /// Whether an object is the subject of an infinitive the parse hung on it ("allowed Indian
    /// diplomats to visit"): a person, state or group of people with a "to" clause after it (an
    /// "agreement to end the war" stays an object).
    private func controlled(_ p: Parse, _ o: Int) -> Bool {
        let people = p.spanOf[o] >= 0 ? [.person, .state, .organization].contains(p.doc.spans[p.spanOf[o]].type)
            : lexicon.peopleNouns.contains(p.lemma(o))
        return people && p.kids(o, universal: "acl").contains { a in a > o && p.children[a].contains { p.lower[$0] == "to" } }
    }

    /// The relative pronoun that is the object of a relative clause: "which", "that" or "whom"
    /// hung as its object, or as a subject before the clause's other subject (a frequent misparse).
    private func objectRelative(_ p: Parse, _ v: Int) -> Int? {
        p.children[v].first { r in
            r < v && ["which", "that", "whom"].contains(p.lower[r])
                && (p.rel(r) == "obj" || p.rel(r) == "nsubj" && p.children[v].contains { $0 > r && $0 < v && p.doc.deprels[$0] == "nsubj" })
                && (p.doc.deprels[v] == "acl:relcl" || r >= 2 && p.lower[r - 1] == "," && ["which", "whom"].contains(p.lower[r]))
        }
    }

    /// The noun a relative clause with an object pronoun is about: the one it hangs on, or, where
    /// the parse made the clause something else, the word before ", which".
    private func relativeAntecedent(_ p: Parse, _ v: Int, _ r: Int) -> Int? {
        if p.doc.deprels[v] == "acl:relcl" { return p.doc.heads[v] >= 0 ? p.doc.heads[v] : nil }
        return r >= 2 ? r - 2 : nil
    }

    /// The place span, its preposition, the subject span and the verb of a sentence that opens
    /// with "In", "From" or "At" and a place, then maybe a day, a comma, and a clause whose
    /// subject is a name (the one right before its first finite verb, after appositions).
    private func frontedPlace(_ p: Parse, _ sentence: Range<Int>) -> (Int, String, Int, Int)? {
        let doc = p.doc
        guard doc.xpos.count == doc.tokens.count, doc.upos.count == doc.tokens.count, sentence.count >= 6 else { return nil }
        // After a word or two that say when or how and a comma: "Earlier Sunday, in Syria, ...",
        // "Meanwhile, in Baghdad, ...".
        var open = sentence.lowerBound
        if let comma = (open..<min(open + 3, sentence.upperBound)).first(where: { p.lower[$0] == "," }), comma > open,
           (open..<comma).allSatisfy({ p.spanOf[$0] < 0 && ["ADV", "NOUN", "PROPN", "ADJ"].contains(doc.upos[$0])
               && (doc.upos[$0] != "PROPN" || GeneralVocabulary.dayAndMonthNames.contains(p.lower[$0])) }) {
            open = comma + 1
        }
        // And "the" before the place: "In the Gaza Strip, ...".
        let name = open + 1 < sentence.upperBound && p.lower[open + 1] == "the" ? open + 2 : open + 1
        guard name < sentence.upperBound - 4, ["in", "from", "at"].contains(p.lower[open]), p.spanOf[name] >= 0,
              doc.spans[p.spanOf[name]].tokens.lowerBound == name else { return nil }
        let place = p.spanOf[name]
        guard [.place, .state].contains(doc.spans[place].type), !doc.spans[place].isReference else { return nil }
        var c = doc.spans[place].tokens.upperBound
        while c < sentence.upperBound, c - doc.spans[place].tokens.upperBound < 3, p.lower[c] != ",",
              GeneralVocabulary.dayAndMonthNames.contains(p.lower[c]) || ["on", "today", "late", "early"].contains(p.lower[c]) { c += 1 }
        guard c < sentence.upperBound, p.lower[c] == "," else { return nil }
        // The first finite verb of the clause, and the name right before it.
        guard let verb = (c + 1..<min(sentence.upperBound, c + 16)).first(where: {
                  ["VBD", "VBZ", "VBP"].contains(doc.xpos[$0]) && doc.upos[$0] == "VERB" }),
              !GeneralVocabulary.copulas.contains(p.lower[verb]) else { return nil }
        var t = verb - 1
        while t > c, p.spanOf[t] < 0, [",", "also", "has", "have", "had", "will", "would", "later", "then"].contains(p.lower[t]) { t -= 1 }
        guard t > c, p.spanOf[t] >= 0 else { return nil }
        let subject = p.spanOf[t]
        guard [.person, .organization, .state].contains(doc.spans[subject].type), acceptsSubject(doc.spans[subject]),
              doc.spans[subject].tokens.upperBound == t + 1 else { return nil }
        // No preposition right before the name: "In Kabul, the attack on Karzai's convoy" is no subject.
        let first = doc.spans[subject].tokens.lowerBound
        if first > c + 1, doc.upos[first - 1] == "ADP" { return nil }
        // A verb with a place of its own says where it went: "In Iraq, Hoon arrived in Basra".
        let prep = p.lower[open]
        if p.kids(verb, universal: "obl").contains(where: { o in p.spanOf[o] != place
            && !placesNamed(p, o).isEmpty }) { return nil }
        return (place, prep, subject, verb)
    }

    /// The subject tokens of a verb: its own, or those of the clause it is a conjunct,
    /// complement or relative clause of.
    private func subjectTokens(_ p: Parse, _ v: Int) -> [Int] {
        var v = v
        for _ in 0..<4 {
            // (Not a possessor the parse took for a subject: "Britain's Prime Minister X met".)
            let own = p.children[v].filter { ["nsubj", "nsubj:pass"].contains(p.doc.deprels[$0])
                && !p.children[$0].contains { c in p.doc.deprels[c] == "case" && GeneralVocabulary.possessiveMarkers.contains(p.lower[c]) } }
            if !own.isEmpty {
                // A relative pronoun before another subject is the clause's object ("Jerusalem,
                // which Israel claims"): the other is the subject.
                if let r = objectRelative(p, v) { return own.filter { $0 != r } }
                // A relative pronoun stands for the noun the clause modifies.
                return own.map { s in
                    ["who", "which", "that"].contains(p.lower[s]) && p.doc.deprels[v] == "acl:relcl" ? p.doc.heads[v] : s
                }
            }
            let h = p.doc.heads[v]
            guard h >= 0 else { return [] }
            // "called on Congress to act", "appealed to the rebels to lay down arms": whom the verb
            // calls on acts (the parse makes the infinitive a complement or a purpose clause).
            if ["xcomp", "advcl"].contains(p.doc.deprels[v]), p.children[v].contains(where: { p.lower[$0] == "to" && $0 < v }),
               Self.appealVerbs.contains(p.lemma(h)),
               let o = p.kids(h, universal: "obl").first(where: { $0 < v && ["on", "upon", "to"].contains(p.preposition($0) ?? "") }) {
                return [o]
            }
            switch p.doc.deprels[v] {
            // A conjunct shares the subject only when it is marked as one (`isCoordinated`): a verb
            // hung as a conjunct with no coordinator or comma is a misparse of a clause with its
            // own subject ("called for pressure after a report implicated officials").
            case "conj" where isCoordinated(p, v): v = h
            // An open complement's subject is the object of the verb it hangs on, if that has one
            // ("invited officials to attend": the officials attend), else that verb's subject
            // ("sought to meet").
            case "xcomp":
                if let o = p.kids(h, "obj").first(where: { $0 < v }) { return [o] }
                v = h
            // "X is due to meet Y", "X is likely to visit": an infinitive the parse made the
            // clausal subject of an adjective that has a subject of its own acts for that subject.
            case "csubj" where p.children[v].contains(where: { p.lower[$0] == "to" && $0 < v })
                && p.doc.upos.count == p.doc.tokens.count && p.doc.upos[h] == "ADJ" && h < v:
                v = h
            // A present participle without a subject of its own takes the subject of the clause it
            // hangs on: "won the match, beating Karolina Sprem". (Not a purpose clause: "pledged
            // aid to address the causes" says what is meant to happen, not what happened.)
            // Only a free adjunct, set off by a comma, is read so: "the border dividing X and Y"
            // hangs on a noun, whatever the parse says.
            // So does one after "after", "before", "while" ("made the comments after meeting in
            // Ballenas"), and one that opens the sentence ("Writing in the Post, Ushakov said").
            case "advcl" where p.doc.xpos.count == p.doc.tokens.count && p.doc.xpos[v] == "VBG"
                && !p.children[v].contains(where: { p.lower[$0] == "to" })
                && (v > 0 && p.lower[v - 1] == ","
                    || p.children[v].contains(where: { $0 < v && Self.adjunctMarkers.contains(p.lower[$0]) })
                    || p.doc.opensSentence(v) && h > v):
                // Hung on a name or noun before it, set off by commas, it is that one's doing: "German
                // Chancellor Olaf Scholz, speaking in Berlin, said".
                if h < v, p.doc.upos.count == p.doc.tokens.count, ["PROPN", "NOUN"].contains(p.doc.upos[h]) { return [h] }
                v = h
            case "acl:relcl" where !p.children[v].contains(where: { p.lower[$0] == "where" }): return [h]
            // A present participle after a noun has that noun as subject: "a cameraman working for
            // Reuters" (through an apposition to the name: "Dhia Najim, a cameraman working ...").
            // A gerund after "of" is what the noun is about, done by the noun's possessor: "Hamas'
            // policy of destroying Israel".
            case "acl" where p.doc.xpos.count == p.doc.tokens.count && p.doc.xpos[v] == "VBG"
                && p.children[v].contains(where: { p.lower[$0] == "of" && $0 < v }):
                return p.kids(h, "nmod:poss")
            case "acl" where p.doc.xpos.count == p.doc.tokens.count && p.doc.xpos[v] == "VBG":
                return [p.rel(h) == "appos" && p.spanOf[h] < 0 && p.doc.heads[h] >= 0 ? p.doc.heads[h] : h]
            // An infinitive after a noun with a possessor is the possessor's doing: "Israel's plan to
            // withdraw from Gaza", "the group's decision to end the truce". A person or group that
            // is a verb's object does it too: "urged the Afghan government to hold trials" (a
            // misparse of object control).
            case "acl" where p.children[v].contains(where: { p.lower[$0] == "to" && $0 < v }) && p.spanOf[h] < 0:
                // "for" + a noun between the noun and its infinitive is the infinitive's subject:
                // "the chance for Latvia to overtake the United States".
                let forSubjects = p.kids(h, universal: "nmod").filter { $0 > h && $0 < v && p.preposition($0) == "for" }
                if !forSubjects.isEmpty { return forSubjects }
                let possessors = p.kids(h, "nmod:poss")
                return !possessors.isEmpty ? possessors : p.rel(h) == "obj" && controlled(p, h) ? [h] : []
            default: return []
            }
        }
        return []
    }

    // MARK: - Copulas

    private func copulaRelations(_ p: Parse, _ pred: Int, _ add: (Int, String, Int, Int, String, RelationPattern) -> Void) {
        let doc = p.doc
        var subjects = p.children[pred].filter { p.doc.deprels[$0] == "nsubj" }
        // A predicate the parse hung under another word shares that word's subject.
        if subjects.isEmpty, doc.heads[pred] >= 0 {
            subjects = p.children[doc.heads[pred]].filter { p.doc.deprels[$0] == "nsubj" }
        }
        // A predicate with its copula hung as a modifier on a noun before it is a misparse of
        // "<noun> were in <place>": the noun is the subject.
        if subjects.isEmpty, doc.heads[pred] >= 0, doc.heads[pred] < pred, ["nmod", "appos", "acl"].contains(p.rel(pred)),
           doc.upos.count == doc.tokens.count, ["NOUN", "PROPN", "PRON"].contains(doc.upos[doc.heads[pred]]) {
            subjects = [doc.heads[pred]]
        }
        guard !subjects.isEmpty else { return }
        // "X was in Washington": a person's or organization's visit. (The place is the predicate,
        // or an oblique of it when the parse made a participle the predicate.)
        let places = ["in", "at"].contains(p.preposition(pred) ?? "") ? [pred]
            : p.kids(pred, universal: "obl").filter { ["in", "at"].contains(p.preposition($0) ?? "") }
        if !places.isEmpty {
            for s in subjects {
                for subj in entities(p, s) where [.person, .organization].contains(doc.spans[subj].type) {
                    for place in places {
                        for o in placesNamed(p, place) {
                            add(subj, "visited", o, place, "visit", .copulaVisit)
                        }
                    }
                }
            }
            return
        }
        // "X is the foreign minister of Y".
        if isRoleNoun(p, pred) {
            for (o, prep) in roleObjects(p, pred) {
                for s in subjects {
                    for subj in entities(p, s) where doc.spans[subj].type == .person {
                        let roleOf = roleLabel(p, pred) + " " + prep
                        add(subj, roleOf, o, pred, roleOf, .roleNoun)
                    }
                }
            }
        }
    }

    /// The entities named by "of" or "to" modifiers of a role noun, with the preposition ("head of
    /// UN Environment", "ambassador to Poland"); a kinship noun's "of" are people ("the widow of
    /// Rajiv Gandhi").
    /// "To" names whom a role serves, a person too ("ambassador to Poland", "adviser to the
    /// president").
    private func roleObjects(_ p: Parse, _ noun: Int) -> [(entity: Int, preposition: String)] {
        let kin = GeneralVocabulary.kinshipNouns.contains(p.lemma(noun))
        var out: [(Int, String)] = []
        for m in p.kids(noun, universal: "nmod") {
            guard let prep = p.preposition(m), prep == "of" || (prep == "to" && !kin) else { continue }
            for e in entities(p, m) {
                let span = p.doc.spans[e]
                let person = span.type == .person && !span.isReference
                if prep == "to" ? (person || [.state, .organization, .place].contains(span.type))
                    : kin ? person : [.state, .organization, .place].contains(span.type) {
                    out.append((e, prep))
                }
            }
        }
        return out
    }

    /// Whom or what the role a noun names is held in: a state or organization before it ("the
    /// U.S. assistant secretary", "Japan's Foreign Minister"; a nationality only before an office,
    /// "Spanish judge", not "Russian cellist"), a person's possessive ("Mr. Annan's spokesman",
    /// "Kofi Annan's spokesman": the token that hangs on the role is the possessive), and what it
    /// is "of" or "to" (`roleObjects`).
    private func roleHolders(_ p: Parse, _ v: Int) -> [(entity: Int, preposition: String)] {
        let office = GeneralVocabulary.roleNouns.contains(p.lemma(v).lowercased()) || isTitleWord(p.lemma(v).lowercased())
        // An envoy "to" a state is named by where he is sent: "the U.S. ambassador to Liberia".
        let objects = roleObjects(p, v)
        if objects.contains(where: { $0.preposition == "to" }) { return objects }
        return p.children[v].filter { c in
            guard c < v, ["compound", "amod", "nmod"].contains(p.rel(c)), p.spanOf[c] >= 0, office || p.rel(c) != "amod" else { return false }
            let span = p.doc.spans[p.spanOf[c]]
            return [.state, .organization].contains(span.type) || span.type == .person && !span.isReference && p.rel(c) == "nmod"
        }.map { (p.spanOf[$0], "of") } + objects
    }

    /// Whether a noun names a role a person holds in something ("head", "chief economist", "widow"):
    /// a role noun, a title, a kinship noun, or a singular noun for a person from WordNet.
    private func isRoleNoun(_ p: Parse, _ noun: Int) -> Bool {
        let l = Self.withoutFormer(p.lemma(noun).lowercased())
        if GeneralVocabulary.roleNouns.contains(l) || isTitleWord(l) || GeneralVocabulary.kinshipNouns.contains(l) { return true }
        return p.doc.xpos.count == p.doc.tokens.count && p.doc.xpos[noun] == "NN" && lexicon.personNouns.contains(l)
    }

    /// "foreign minister": the role noun with the adjectives and nouns before it, and a bare noun
    /// right after it with "of" ("chief of staff", "secretary of state", "minister of defense").
    private func roleLabel(_ p: Parse, _ noun: Int) -> String {
        // Not the words that say when ("former") nor a piece of a hyphenated modifier that says
        // what kind ("hard-line", "asylum-seeking"); but the nouns before a modifier ("bird flu
        // official").
        func modifiers(_ h: Int, depth: Int) -> [Int] {
            let direct = p.children[h].filter { m in
                m < h && ["amod", "compound"].contains(p.doc.deprels[m]) && p.spanOf[m] < 0 && !Self.roleTimeWords.contains(p.lower[m])
                    && !(m >= 1 && p.lower[m - 1] == "-" && p.doc.tokens[m - 1].end == p.doc.tokens[m].start)
                    && !(m + 1 < p.doc.tokens.count && p.lower[m + 1] == "-" && p.doc.tokens[m].end == p.doc.tokens[m + 1].start)
            }
            return depth > 0 ? direct.flatMap { m in modifiers(m, depth: depth - 1).filter { p.doc.deprels[$0] == "compound" } + [m] } : direct
        }
        let mods = modifiers(noun, depth: 1).sorted()
        var label = (mods.map { p.lower[$0] } + [Self.withoutFormer(p.lemma(noun).lowercased())]).joined(separator: " ")
        let m = noun + 2
        if m < p.doc.tokens.count, p.lower[noun + 1] == "of", p.doc.heads[m] == noun, p.rel(m) == "nmod", p.spanOf[m] < 0,
           p.doc.upos.count == p.doc.tokens.count, p.doc.xpos.count == p.doc.tokens.count, p.doc.upos[m] == "NOUN",
           p.doc.tokens[m].text == p.lower[m], p.doc.xpos[m] == "NN", p.children[m].allSatisfy({ $0 == noun + 1 || $0 > m && p.rel($0) != "amod" }) {
            label += " of " + p.lower[m]
        }
        return label
    }

    /// Words before a role that say when, not what: "former", "new".
    static let roleTimeWords: Set<String> = ["former", "new", "then", "late", "current", "outgoing", "incoming"]

    /// The organization or state span and role in "<organization or state>['s] [modifiers] <role
    /// nouns> [honorific]" just before the person span `person`, where the last role word is a role
    /// noun or a title (the span's own title words count as its tokens there): "Hamas' political
    /// chief Khaled Mashaal", "former Turkish president Suleyman Demirel", "Japan's foreign minister
    /// Taro Aso".
    private func organizationRole(_ p: Parse, person: Int) -> (Int, String)? {
        var t = p.doc.spans[person].tokens.lowerBound - 1
        var words: [String] = []
        while t >= 0, p.spanOf[t] < 0 || p.spanOf[t] == person, words.count < 5 {
            let w = Self.withoutFormer(p.lower[t])
            // Lower-case modifiers of the role: "political chief", "defense minister".
            // (Or a capitalized common noun: "Palestinian Cabinet minister".)
            let modifier = p.doc.upos.count == p.doc.tokens.count && ["ADJ", "NOUN"].contains(p.doc.upos[t])
                && (p.doc.tokens[t].text == p.lower[t] || p.doc.upos[t] == "NOUN")
                && !words.isEmpty && p.doc.heads[t] > t && ["amod", "compound"].contains(p.rel(t))
            // A noun for what a person is, right before the name, names an organization's member
            // ("BBC journalist X"; not a state's: "Russian cellist X", below).
            let member = words.isEmpty && p.doc.xpos.count == p.doc.tokens.count && p.doc.xpos[t] == "NN"
                && p.doc.tokens[t].text == p.lower[t] && lexicon.personNouns.contains(w)
            guard GeneralVocabulary.roleNouns.contains(w) || isTitleWord(w) || GeneralVocabulary.honorifics.contains(w)
                    || modifier || member || (w == "-" && !words.isEmpty) else { break }
            words.insert(w, at: 0)
            t -= 1
        }
        if t >= 0, GeneralVocabulary.possessiveMarkers.contains(p.lower[t]) { t -= 1 }
        // A city's office too: "Lahore police chief Habibur Rehman".
        guard t >= 0, p.spanOf[t] >= 0, [.organization, .state, .place].contains(p.doc.spans[p.spanOf[t]].type),
              p.doc.spans[p.spanOf[t]].tokens.upperBound == t + 1 else { return nil }
        let role = words.filter { !GeneralVocabulary.honorifics.contains($0) && !Self.roleTimeWords.contains($0) }
        let organization = p.doc.spans[p.spanOf[t]].type == .organization
        guard let last = role.last, GeneralVocabulary.roleNouns.contains(last) || isTitleWord(last)
                || organization && lexicon.personNouns.contains(last),
              role.first != "-" else { return nil }
        if p.doc.spans[p.spanOf[t]].type == .place, !GeneralVocabulary.placeOffices.contains(last) { return nil }
        return (p.spanOf[t], role.joined(separator: " ").replacingOccurrences(of: " - ", with: "-"))
    }

    private func isTitleWord(_ w: String) -> Bool {
        GeneralVocabulary.oneWordTitles.contains(w)
    }

    /// A role word without the "ex-" that says it is past: "ex-chancellor" -> "chancellor".
    static func withoutFormer(_ w: String) -> String {
        w.hasPrefix("ex-") && w.count > 5 ? String(w.dropFirst(3)) : w
    }

    // MARK: - From a token to entities

    /// The entities a head token names: its own span, or those reached through conjunction,
    /// apposition, "including", and a demonym before a noun ("Iraqi forces" -> Iraq).
    private func entities(_ p: Parse, _ t: Int, depth: Int = 0) -> [Int] {
        guard depth < 4, t >= 0 else { return [] }
        var out: [Int] = []
        if p.spanOf[t] >= 0 {
            // An organization that heads the parse of "<organization> <role> <person>" stands for
            // the person, whom the words are about.
            out.append(p.roleHolder[p.spanOf[t]] ?? p.spanOf[t])
        } else {
            // A role noun right before a person's name is that person, whatever the parse made of
            // the name: "did not meet opposition leader Raila Odinga".
            if t + 1 < p.doc.tokens.count, p.spanOf[t + 1] >= 0, p.doc.spans[p.spanOf[t + 1]].type == .person,
               p.doc.spans[p.spanOf[t + 1]].tokens.lowerBound == t + 1, !p.doc.spans[p.spanOf[t + 1]].isReference, isRoleNoun(p, t) {
                out.append(p.spanOf[t + 1])
            }
            for c in p.children[t] {
                let r = p.doc.deprels[c]
                if r == "appos" || (p.rel(c) == "nmod" && ["including", "like", "such as"].contains(p.preposition(c) ?? "")) {
                    out += entities(p, c, depth: depth + 1)
                } else if r == "amod" || r == "compound", p.spanOf[c] >= 0, p.doc.spans[p.spanOf[c]].type == .state,
                          GeneralVocabulary.stateAgentNouns.contains(p.lemma(t)) || GeneralVocabulary.stateAgentNouns.contains(p.lower[t]),
                          lexicon.demonyms[Lexicon.key(p.doc.string(p.doc.scalarRange(p.doc.spans[p.spanOf[c]].tokens)))] != nil {
                    // "Iraqi forces", "the French government": a state's agents stand for it (not
                    // "a Lebanese lawmaker" or "Pakistani investors").
                    out.append(p.spanOf[c])
                } else if r == "nmod:poss", p.spanOf[c] >= 0, p.doc.spans[p.spanOf[c]].type == .state,
                          GeneralVocabulary.stateAgentNouns.contains(p.lower[t]) {
                    // "Pakistan's military", "Iran's government".
                    out.append(p.spanOf[c])
                } else if r == "compound" || r == "nmod:poss", p.spanOf[c] >= 0, p.doc.spans[p.spanOf[c]].type == .organization,
                          c < t, isMembersNoun(p, t) || (r == "compound" && lexicon.organizationNouns.contains(p.lemma(t))) {
                    // "NATO forces", "Hamas militants", "the group's fighters": an organization's
                    // members or agents stand for it, and so does a noun for what it is or is made
                    // of ("some NATO countries").
                    out.append(p.spanOf[c])
                } else if p.rel(c) == "nmod", p.preposition(c) == "of", c > t,
                          GeneralVocabulary.partitiveNouns.contains(p.lemma(t)) || GeneralVocabulary.subdivisionNouns.contains(p.lower[t]) {
                    // "a series of bombings", "a new round of talks"; "the town of Ramadi", "the
                    // Baghdad district of Sadr City".
                    out += entities(p, c, depth: depth + 1)
                } else if r == "compound", p.spanOf[c] >= 0, p.doc.spans[p.spanOf[c]].type == .place,
                          GeneralVocabulary.subdivisionNouns.contains(p.lower[t]) || GeneralVocabulary.placeHeads.contains(p.lower[t]),
                          !p.kids(t, universal: "nmod").contains(where: { $0 > t && p.preposition($0) == "of" }) {
                    // "Sudan's Darfur region" stands for Darfur (but "the Red Sea resort of Sharm
                    // el-Sheikh" for the place after "of").
                    out.append(p.spanOf[c])
                }
            }
        }
        for c in p.children[t] where p.doc.deprels[c] == "conj" && isCoordinated(p, c) { out += entities(p, c, depth: depth + 1) }
        return out
    }

    /// The places and states a head token names (`entities`).
    private func placesNamed(_ p: Parse, _ t: Int) -> [Int] {
        entities(p, t).filter { [.place, .state].contains(p.doc.spans[$0].type) }
    }

    /// The places and states named in the "in" phrases that hang on token `t` after token
    /// `bound`, with each phrase: "Georgetown University in Washington", "a neighborhood in the
    /// city of Odense".
    private func placesIn(_ p: Parse, _ t: Int, after bound: Int) -> [(phrase: Int, place: Int)] {
        p.kids(t, universal: "nmod").filter { $0 > bound && p.preposition($0) == "in" }.flatMap { m in placesNamed(p, m).map { (m, $0) } }
    }

    /// Whether a noun names the members or agents of a group: a state's agent noun ("forces",
    /// "officials") or a plural noun for people ("militants", "fighters", "supporters").
    private func isMembersNoun(_ p: Parse, _ t: Int) -> Bool {
        if GeneralVocabulary.stateAgentNouns.contains(p.lower[t]) { return true }
        return p.doc.xpos.count == p.doc.tokens.count && p.doc.xpos[t] == "NNS" && lexicon.personNouns.contains(p.lemma(t))
    }

    /// Whether a conjunct is marked as one: it has a coordinator ("and", "or") or a comma before
    /// it. A "conj" with neither is most often a misparse inside a long name ("United Nations
    /// Secretary-General Kofi Annan" with "Annan" a conjunct of "Nations").
    private func isCoordinated(_ p: Parse, _ c: Int) -> Bool {
        if p.children[c].contains(where: { p.rel($0) == "cc" || (p.rel($0) == "punct" && $0 < c && p.lower[$0] == ",") }) {
            return true
        }
        let first = p.spanOf[c] >= 0 ? p.doc.spans[p.spanOf[c]].tokens.lowerBound : c
        return first > 0 && [",", ";"].contains(p.lower[first - 1])
    }

    /// A subject may be a name, a role ("the Chancellor") or "he"/"she", not another pronoun.
    private func acceptsSubject(_ span: EntitySpan) -> Bool {
        !(span.type == .person && span.isReference && GeneralVocabulary.personPronouns.contains(span.name)
            && !["he", "she"].contains(span.name))
    }

    /// An object may be a name or a role, not a pronoun.
    private func acceptsObject(_ span: EntitySpan) -> Bool {
        !(span.type == .person && span.isReference && GeneralVocabulary.personPronouns.contains(span.name))
    }

    func past(of lemma: String) -> String {
        if let f = lexicon.pastForms[lemma] { return f }
        if let f = irregularPast[lemma] { return f }
        if Self.invariantPasts.contains(lemma) { return lemma }
        if lemma.hasSuffix("e") { return lemma + "d" }
        if lemma.hasSuffix("y"), let p = lemma.dropLast().last, !"aeiou".contains(p) { return lemma.dropLast() + "ied" }
        return lemma + "ed"
    }
}
