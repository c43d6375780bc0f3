import Foundation

/// Where the lexicon's sources live.
public struct LexiconSources: Sendable {
    /// ../shared/corpora: geonames/, gmb-voa-partial/, uner-english-ewt/, ud-english-ewt/.
    public var corpora: URL
    /// Debian's wordnet-base: /usr/share/wordnet.
    public var wordnet: URL
    /// Debian's iso-codes: /usr/share/iso-codes/json.
    public var isoCodes: URL
    /// GMB sentences (by number) that no gazetteer may learn from: those of the relation gold
    /// sets (`HeldOutGold`), so that scoring on them stays held out.
    public var heldOutGMB: Set<Int>

    public init(corpora: URL, wordnet: URL = URL(fileURLWithPath: "/usr/share/wordnet"),
                isoCodes: URL = URL(fileURLWithPath: "/usr/share/iso-codes/json"), heldOutGMB: Set<Int> = []) {
        self.corpora = corpora
        self.wordnet = wordnet
        self.isoCodes = isoCodes
        self.heldOutGMB = heldOutGMB
    }
}

/// The GMB sentences of the relation gold sets ("gmb-1580" is GMB's sentence 1580), which
/// training leaves out of the recognizer and its gazetteers.
public enum HeldOutGold {
    /// The GMB sentence numbers of every `*.jsonl` gold set in `folder`; none when the folder is
    /// missing. A line without a readable id throws, naming the file and line.
    public static func gmbSentences(in folder: URL) throws -> Set<Int> {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        struct Line: Decodable { var id: String }
        var out = Set<Int>()
        for name in names.sorted() where name.hasSuffix(".jsonl") {
            let url = folder.appendingPathComponent(name)
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw ModelError("\(url.path): cannot read (\(error.localizedDescription))")
            }
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                guard let id = try? JSONDecoder().decode(Line.self, from: Data(line.utf8)).id else {
                    throw ModelError("\(url.path):\(n + 1): no gold sentence id")
                }
                if id.hasPrefix("gmb-"), let k = Int(id.dropFirst(4)) { out.insert(k) }
            }
        }
        return out
    }
}

/// Builds `models/lexicon.tsv` from the data sources, deterministically.
public struct LexiconBuilder: Sendable {
    public var sources: LexiconSources

    public init(sources: LexiconSources) { self.sources = sources }

    /// The lexicon's lines, sorted within each kind so that a rebuild gives the same bytes.
    public func build() throws -> String {
        let wn = try WordNet(directory: sources.wordnet)
        var out: [String] = ["# kgraph lexicon: made by `kgraph train` from iso-codes, GeoNames, WordNet, the NER corpora and UD English-EWT"]

        // States: iso-codes names, GeoNames names and capitals, WordNet synonyms.
        let iso = try jsonObject(sources.isoCodes.appendingPathComponent("iso_3166-1.json"))
        let geoCountries = try jsonObject(sources.corpora.appendingPathComponent("geonames/countries.json"))
        guard let isoList = (iso as? [String: Any])?["3166-1"] as? [[String: Any]],
              let geo = geoCountries as? [String: [String: Any]] else {
            throw ModelError("iso-codes or GeoNames countries: unexpected layout")
        }
        var stateNames: [String: String] = [:]   // code -> canonical
        var aliases: [String: String] = [:]      // alias key -> code
        var capitals: [String: String] = [:]
        var shortNames: [String: Set<String>] = [:] // "palestine" (of "Palestine, State of") -> codes
        for entry in isoList {
            guard let code = entry["alpha_2"] as? String else { continue }
            let g = geo[code]
            let canonical = (entry["common_name"] as? String) ?? (g?["name"] as? String) ?? (entry["name"] as? String) ?? code
            stateNames[code] = canonical
            capitals[code] = (g?["capital"] as? String) ?? ""
            for name in [entry["name"], entry["official_name"], entry["common_name"], g?["name"]].compactMap({ $0 as? String }) {
                aliases[Lexicon.key(name)] = code
                // "Korea, Republic of" -> "Republic of Korea"
                if let comma = name.range(of: ", ") {
                    aliases[Lexicon.key(name[comma.upperBound...] + " " + name[..<comma.lowerBound])] = code
                    shortNames[Lexicon.key(String(name[..<comma.lowerBound])), default: []].insert(code)
                }
            }
        }
        // "Palestine, State of" -> "Palestine", where no other state's name shortens so ("Korea")
        // and the short name is no one's already ("Congo").
        for (k, codes) in shortNames.sorted(by: { $0.key < $1.key }) where codes.count == 1 && aliases[k] == nil {
            aliases[k] = codes.first!
        }
        // WordNet synsets that share a lemma with a state's name add their other lemmas
        // ("US", "U.S.", "America", "Britain", "UK").
        var synsetState: [Int: String] = [:]
        for (code, name) in stateNames.sorted(by: { $0.key < $1.key }) {
            var found = false
            for offset in wn.nounSynsets(of: name) where wn.nouns[offset]?.lexFile == 15 { // noun.location
                guard synsetState[offset] == nil else { continue }
                synsetState[offset] = code
                found = true
                for lemma in wn.nouns[offset]!.lemmas where lemma.first?.isUppercase == true {
                    let k = Lexicon.key(lemma)
                    if aliases[k] == nil { aliases[k] = code }
                }
                break
            }
            // A state WordNet knows by another name (it was renamed since: "Cabo Verde", "Eswatini",
            // "North Macedonia"): the country its capital is part of gives the other names ("Cape
            // Verde", "Swaziland", "Macedonia").
            if !found, let capital = capitals[code], !capital.isEmpty, let offset = wn.countryOfCapital(capital),
               synsetState[offset] == nil {
                synsetState[offset] = code
                for lemma in wn.nouns[offset]!.lemmas where lemma.first?.isUppercase == true {
                    let k = Lexicon.key(lemma.replacingOccurrences(of: "_", with: " "))
                    if aliases[k] == nil { aliases[k] = code }
                }
            }
        }
        // Former states (iso-codes' ISO 3166-3): a renamed one is another name of its successor
        // ("Burma" -> Myanmar, "Zaire" -> DR Congo: the last two letters of its four-letter code
        // are the successor's), one that split or merged is a state of its own ("Yugoslavia",
        // "Czechoslovakia"). After WordNet's synonyms, which they do not override.
        if let former = (try jsonObject(sources.isoCodes.appendingPathComponent("iso_3166-3.json")) as? [String: Any])?["3166-3"] as? [[String: Any]] {
            for entry in former {
                guard let code4 = entry["alpha_4"] as? String, code4.count == 4, let full = entry["name"] as? String else { continue }
                let short = String(full.split(separator: ",").first ?? Substring(full)).trimmingCharacters(in: .whitespaces)
                let successor = String(code4.suffix(2))
                let code = stateNames[successor] != nil ? successor : code4
                // A state of its own unless its name is already another's ("USSR" is Russia's in WordNet).
                if code == code4 {
                    guard aliases[Lexicon.key(short)] == nil else { continue }
                    stateNames[code4] = short
                    capitals[code4] = ""
                }
                for name in [short, full] where aliases[Lexicon.key(name)] == nil { aliases[Lexicon.key(name)] = code }
                if let comma = full.range(of: ", ") {
                    let turned = Lexicon.key(full[comma.upperBound...] + " " + full[..<comma.lowerBound])
                    if aliases[turned] == nil { aliases[turned] = code }
                }
            }
        }
        for (code, name) in stateNames.sorted(by: { $0.key < $1.key }) {
            out.append("state\t\(code)\t\(name)\t\(capitals[code] ?? "")")
        }
        for (k, code) in aliases.sorted(by: { $0.key < $1.key }) { out.append("state-alias\t\(k)\t\(code)") }

        // Demonyms and place adjectives: WordNet pertainyms of capitalized adjectives.
        var demonyms: [String: String] = [:]
        var placeAdjectives: [String: String] = [:]
        for adj in wn.adjectives {
            // Two words at most: "North Korean", "South African".
            for (w, lemma) in adj.lemmas.enumerated() where lemma.first?.isUppercase == true && lemma.split(separator: "_").count <= 2 {
                let lemma = lemma.replacingOccurrences(of: "_", with: " ")
                // The pointers of this word: "Chinese" pertains to the word "China" of WordNet's
                // Taiwan synset (whose lemmas include "China"), and "Taiwanese" to "Taiwan".
                for (word, target, targetWord) in adj.pertainyms where word == 0 || word == w + 1 {
                    // The state named by the very word pointed at, the state's own synset, or a
                    // location whose name is one of the state's names ("British" pertains to the
                    // island Great Britain, "Irish" to the island Ireland).
                    func alias(_ l: String) -> String? { aliases[Lexicon.key(l)] ?? aliases[Lexicon.key(l.replacingOccurrences(of: "_", with: " "))] }
                    let named = wn.nouns[target].flatMap { n in
                        targetWord > 0 && targetWord <= n.lemmas.count ? alias(n.lemmas[targetWord - 1]) : nil
                    }
                    let byName = wn.nouns[target].flatMap { n in
                        n.lexFile == 15 ? n.lemmas.lazy.compactMap(alias).first : nil
                    }
                    if let code = named ?? synsetState[target] ?? byName {
                        // A state of today before a former one ("Czech": Czechia, not Czechoslovakia).
                        if demonyms[Lexicon.key(lemma)].map({ $0.count > 2 && code.count == 2 }) ?? true { demonyms[Lexicon.key(lemma)] = code }
                    } else if let noun = wn.nouns[target], noun.lexFile == 15,
                              let place = noun.lemmas.first, place.first?.isUppercase == true {
                        if placeAdjectives[Lexicon.key(lemma)] == nil {
                            placeAdjectives[Lexicon.key(lemma)] = place.replacingOccurrences(of: "_", with: " ")
                        }
                    }
                }
            }
        }
        // A former state's demonym that opens a state's name of today is that state's: "Czech"
        // (WordNet's Czechoslovakia) is Czechia's ("Czech Republic").
        for (k, code) in demonyms where code.count > 2 {
            if let now = aliases.filter({ $0.key.hasPrefix(k + " ") && $0.value.count == 2 }).min(by: { $0.key < $1.key }) { demonyms[k] = now.value }
        }
        for (k, code) in demonyms.sorted(by: { $0.key < $1.key }) { out.append("demonym\t\(k)\t\(code)") }

        // Places: GeoNames cities (name and plausible English alternates), US states, continents.
        var places: [String: (name: String, country: String, population: Int)] = [:]
        func addPlace(_ alias: String, _ name: String, _ country: String, _ population: Int) {
            let k = Lexicon.key(alias)
            guard k.count >= 3, aliases[k] == nil else { return }
            if let old = places[k], old.population >= population { return }
            places[k] = (name, country, population)
        }
        let cities = try jsonObject(sources.corpora.appendingPathComponent("geonames/cities15000.json"))
        guard let cityMap = cities as? [String: [String: Any]] else { throw ModelError("GeoNames cities: unexpected layout") }
        let capitalSet = Set(capitals.map { "\($0.key)|\(Lexicon.key($0.value))" })
        for (_, c) in cityMap.sorted(by: { $0.key < $1.key }) {
            guard let name = c["name"] as? String, let cc = c["countrycode"] as? String else { continue }
            let pop = (c["population"] as? Int) ?? 0
            // A capital wins its own name; its alternate names compete by population alone (Dili
            // is also "Delhi" in GeoNames, but Delhi is the larger city).
            let capital = capitalSet.contains("\(cc)|\(Lexicon.key(name))")
            addPlace(name, name, cc, capital ? pop + 1_000_000_000 : pop)
            for alt in (c["alternatenames"] as? [String]) ?? [] where Self.plausibleAlternate(alt, wn: wn) {
                addPlace(alt, name, cc, pop / 10) // the main name of another city wins over an alternate
            }
        }
        if let us = try jsonObject(sources.corpora.appendingPathComponent("geonames/us_states.json")) as? [String: [String: Any]] {
            for (_, s) in us.sorted(by: { $0.key < $1.key }) {
                if let name = s["name"] as? String { addPlace(name, name, "US", 500_000) }
            }
        }
        if let cont = try jsonObject(sources.corpora.appendingPathComponent("geonames/continents.json")) as? [String: [String: Any]] {
            for (_, s) in cont.sorted(by: { $0.key < $1.key }) {
                if let name = (s["asciiName"] as? String) ?? (s["toponymName"] as? String) {
                    places[Lexicon.key(name)] = (name, "", 2_000_000_000)
                }
            }
        }
        for (k, p) in places.sorted(by: { $0.key < $1.key }) {
            out.append("place\t\(k)\t\(p.name)\t\(p.country)\t\(p.population)")
        }
        for (k, name) in placeAdjectives.sorted(by: { $0.key < $1.key }) where places[Lexicon.key(name)] != nil {
            out.append("place-adj\t\(k)\t\(name)")
        }
        // A state's first-level divisions (iso-codes 3166-2: "Ohio", "Bavaria", "Punjab"), for
        // "Cleveland, Ohio"; a name two states' divisions share is left out.
        let subdivisions = try jsonObject(sources.isoCodes.appendingPathComponent("iso_3166-2.json"))
        var regions: [String: Set<String>] = [:]
        for entry in ((subdivisions as? [String: Any])?["3166-2"] as? [[String: Any]]) ?? [] where entry["parent"] == nil {
            guard let code = entry["code"] as? String, let name = entry["name"] as? String else { continue }
            regions[Lexicon.key(name), default: []].insert(String(code.prefix(2)))
            // The name without its kind, as English news writes it: "Heilongjiang" (Sheng),
            // "Kursk" (Oblast'), "Dagestan" (Respublika).
            let words = Lexicon.key(name).split(separator: " ")
            if words.count >= 2, Self.divisionKinds.contains(String(words.last!)),
               words.dropLast().contains(where: { !wn.isCommonWord(String($0)) }) {
                regions[words.dropLast().joined(separator: " "), default: []].insert(String(code.prefix(2)))
            }
        }
        for (k, codes) in regions.sorted(by: { $0.key < $1.key }) where codes.count == 1 && !k.isEmpty {
            out.append("region\t\(k)\t\(codes.first!)")
        }
        // A name several states' divisions share ("Florida": the United States and Uruguay), with
        // the states, for "Tampa, Florida" (a place of one of them before it).
        for (k, codes) in regions.sorted(by: { $0.key < $1.key }) where codes.count > 1 && !k.isEmpty {
            out.append("region-shared\t\(k)\t\(codes.sorted().joined(separator: ","))")
        }

        // Given names and organizations from the NER corpora.
        let spans = try NERCorpora.spans(corpora: sources.corpora, excludingGMB: sources.heldOutGMB)
        var given: [String: Int] = [:]
        var orgs: [String: (name: String, count: Int)] = [:]
        var orgHeads: [String: Int] = [:]
        let titleWords = Set(GeneralVocabulary.titles.flatMap { $0 })
        for span in spans {
            switch span.type {
            case "PER":
                var words = span.words
                while let f = words.first, titleWords.contains(Lexicon.key(f)) { words.removeFirst() }
                // (Not a state's people or an acronym, which the silver GMB spans sometimes open
                // with: "Saudi", "KIM".)
                if words.count >= 2, let f = words.first, f.count >= 2, f.first!.isUppercase, f != f.uppercased(),
                   f.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" }), !wn.isCommonWord(f.lowercased()),
                   demonyms[Lexicon.key(f)] == nil, aliases[Lexicon.key(f)] == nil {
                    given[f, default: 0] += 1
                }
            case "ORG":
                let name = span.words.joined(separator: " ")
                let k = Lexicon.key(name)
                guard aliases[k] == nil, demonyms[k] == nil, places[k] == nil, name.first?.isUppercase == true else { continue }
                orgs[k, default: (name, 0)].count += 1
                if span.words.count >= 2, let last = span.words.last, last.first?.isUppercase == true {
                    orgHeads[last.lowercased(), default: 0] += 1
                }
            default: break
            }
        }
        for (g, n) in given.sorted(by: { $0.key < $1.key }) where n >= 2 { out.append("given\t\(g)") }
        // Not a word that opens a person's name in the corpora, which the silver GMB spans
        // sometimes tag alone as an organization ("Ban" of "Ban Ki-moon").
        var personFirst: [String: Int] = [:]
        for span in spans where span.type == "PER" && span.words.count >= 2 { personFirst[Lexicon.key(span.words[0]), default: 0] += 1 }
        for (k, o) in orgs.sorted(by: { $0.key < $1.key }) where o.count >= 2 && personFirst[k] == nil {
            out.append("org\t\(k)\t\(o.name)")
        }
        for (h, n) in orgHeads.sorted(by: { $0.key < $1.key }) where n >= 4 && wn.isCommonWord(h) && !GeneralVocabulary.placeHeads.contains(h) {
            out.append("org-head\t\(h)")
        }
        for noun in wn.organizationNouns() where !GeneralVocabulary.placeHeads.contains(noun) { out.append("org-noun\t\(noun)") }
        // Organizations' proper names from WordNet, apart from `org` (which the NER gazetteer reads).
        var orgNames: [String: String] = [:]
        for (_, name) in wn.organizationNames() where orgNames[Lexicon.key(name)] == nil { orgNames[Lexicon.key(name)] = name }
        for (k, name) in orgNames.sorted(by: { $0.key < $1.key }) { out.append("org-name\t\(k)\t\(name)") }
        // Places' proper names from WordNet (regions, seas, mountains), apart from the gazetteers.
        var locNames: [String: String] = [:]
        for (_, name) in wn.locationNames() where locNames[Lexicon.key(name)] == nil && aliases[Lexicon.key(name)] == nil {
            locNames[Lexicon.key(name)] = name
        }
        for (k, name) in locNames.sorted(by: { $0.key < $1.key }) { out.append("loc-name\t\(k)\t\(name)") }

        // Event nouns: WordNet nouns whose first sense is an event, or a meeting, agreement, talks,
        // truce, war or attack of some kind.
        for noun in wn.eventNouns() { out.append("event-noun\t\(noun)") }
        for noun in wn.heldEventNouns() { out.append("event-held\t\(noun)") }
        for noun in wn.facilityNouns() { out.append("facility-noun\t\(noun)") }
        for noun in wn.peopleNouns() { out.append("people-noun\t\(noun)") }
        for noun in wn.personNouns() { out.append("person-noun\t\(noun)") }

        // Verbs and irregular forms.
        for v in wn.verbLemmas.sorted() { out.append("verb\t\(v)") }
        for (form, lemma) in wn.verbExceptions.sorted(by: { $0.key < $1.key }) { out.append("verb-exc\t\(form)\t\(lemma)") }
        // Simple pasts as English text writes them ("hit", "beat", "worked", not WordNet's
        // "wrought"): each lemma's most frequent past-tense form (VBD) in UD English-EWT train.
        var pasts: [String: [String: Int]] = [:]
        for s in try CoNLLU.read(TaggerTraining.corpus(sources.corpora, "train")) {
            for w in s.words where w.xpos == "VBD" && w.lemma != "_" && w.lemma.allSatisfy(\.isLetter) {
                pasts[w.lemma.lowercased(), default: [:]][w.form.lowercased(), default: 0] += 1
            }
        }
        for (lemma, forms) in pasts.sorted(by: { $0.key < $1.key }) {
            guard let best = forms.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { continue }
            out.append("verb-past\t\(lemma)\t\(best.key)")
        }
        for w in wn.commonWords.sorted() { out.append("word\t\(w)") }
        return out.joined(separator: "\n") + "\n"
    }

    /// An alternate city name worth matching in English text: Latin letters, capitalized,
    /// not an airport code, not an ordinary English word.
    /// Words for the kind of a division that iso-codes writes after its name, in the state's
    /// language or in English.
    static let divisionKinds: Set<String> = [
        "sheng", "zizhiqu", "shi", "oblast", "oblast'", "oblys", "oblysy", "kraj", "okrug", "respublika", "novads",
        "zupanija", "apskritis", "province", "region", "governorate", "state", "district", "county",
    ]

    static func plausibleAlternate(_ alt: String, wn: WordNet) -> Bool {
        guard alt.count >= 4, let first = alt.first, first.isUppercase,
              alt.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || $0 == " " || $0 == "-")) }),
              alt.contains(where: { $0.isLowercase }) else { return false }
        return !wn.isCommonWord(alt.lowercased()) && !GeneralVocabulary.functionWords.contains(alt.lowercased())
    }

    private func jsonObject(_ url: URL) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        } catch {
            throw ModelError("\(url.path): cannot read (\(error.localizedDescription))")
        }
    }
}

/// Entity spans of the NER corpora, with kgraph's coarse tags (PER, ORG, LOC, GPE, EVE).
enum NERCorpora {
    struct Span { var type: String; var words: [String] }

    static func spans(corpora: URL, excludingGMB heldOut: Set<Int> = []) throws -> [Span] {
        var spans: [Span] = []
        // GMB, the gold sets' sentences as gaps; the last sentence, cut by the file, counts.
        var tagged: [(String, String)] = []
        for sentence in try gmbSentences(corpora.appendingPathComponent("gmb-voa-partial/ner_dataset_truncated.csv")) {
            let skipping = sentence.number.map(heldOut.contains) ?? false
            for (word, tag) in zip(sentence.words, sentence.tags) {
                if skipping { tagged.append(("", "O")); continue }
                let mapped: String
                switch tag.dropFirst(2) {
                case "per": mapped = "PER"
                case "org": mapped = "ORG"
                case "geo": mapped = "LOC"
                case "gpe": mapped = "GPE"
                case "eve": mapped = "EVE"
                default: mapped = ""
                }
                tagged.append((word, mapped.isEmpty ? "O" : String(tag.prefix(2)) + mapped))
            }
        }
        spans += bio(tagged)
        // UNER: "idx word tag ..." blocks.
        for rel in ["uner-english-ewt/uner_en_ewt-ud-dev.iob2", "uner-english-ewt/draft-train/en_ewt-ud-train.draft-2022.iob2"] {
            let text = try String(contentsOf: corpora.appendingPathComponent(rel), encoding: .utf8)
            var rows: [(String, String)] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("#") { continue }
                let f = line.split(separator: "\t")
                if f.count < 3 { rows.append(("", "O")); continue }
                var tag = String(f[2])
                if tag.hasSuffix("-OTH") || tag == "B-O" { tag = "O" }
                rows.append((String(f[1]), tag))
            }
            spans += bio(rows)
        }
        return spans
    }

    static func bio(_ rows: [(String, String)]) -> [Span] {
        var out: [Span] = []
        var cur: Span?
        for (w, t) in rows {
            if t.hasPrefix("B-") {
                if let c = cur { out.append(c) }
                cur = Span(type: String(t.dropFirst(2)), words: [w])
            } else if t.hasPrefix("I-"), var c = cur, c.type == t.dropFirst(2) {
                c.words.append(w)
                cur = c
            } else {
                if let c = cur { out.append(c) }
                cur = nil
            }
        }
        if let c = cur { out.append(c) }
        return out
    }

    /// One sentence of GMB's CSV: its number, and per word the word, its POS and its tag.
    struct GMBSentence { var number: Int?; var words: [String] = []; var pos: [String] = []; var tags: [String] = [] }

    /// GMB's rows ("Sentence #,Word,POS,Tag"; latin-1; lines end in CR LF, one Character in
    /// Swift, so it splits on either) grouped by sentence in file order, tags trimmed. The last
    /// sentence, which the file cuts, is kept: the readers decide.
    static func gmbSentences(_ url: URL) throws -> [GMBSentence] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ModelError("\(url.path): cannot read (\(error.localizedDescription))")
        }
        let text = String(data: data, encoding: .isoLatin1) ?? ""
        var out: [GMBSentence] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst() {
            let f = splitCSV(String(line))
            guard f.count >= 4 else { continue }
            if f[0].hasPrefix("Sentence:") || out.isEmpty { out.append(GMBSentence(number: gmbSentenceNumber(f[0]))) }
            out[out.count - 1].words.append(f[1])
            out[out.count - 1].pos.append(f[2])
            out[out.count - 1].tags.append(f[3].trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return out
    }

    /// The number of a GMB sentence from its first row's first field ("Sentence: 1580").
    static func gmbSentenceNumber(_ field: String) -> Int? {
        guard field.hasPrefix("Sentence:") else { return nil }
        return Int(field.dropFirst(9).trimmingCharacters(in: .whitespaces))
    }

    static func splitCSV(_ line: String) -> [String] {
        var fields: [String] = []
        var cur = ""
        var quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle(); continue }
            if ch == "," && !quoted { fields.append(cur); cur = ""; continue }
            cur.append(ch)
        }
        fields.append(cur)
        return fields
    }
}
