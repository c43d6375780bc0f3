import Foundation

/// A reader of the WordNet 3.0 database files (Debian's wordnet-base), enough for the lexicon:
/// noun synsets with their lexicographer file and hypernyms, adjective pertainyms, verb lemmas.
struct WordNet {
    struct Synset {
        var lexFile: Int
        var lemmas: [String]
        var hypernyms: [Int]
        /// Pertainym pointers: the adjective's word (1-based; 0 for all of them), the noun synset,
        /// and the noun's word (1-based; 0 for the synset).
        var pertainyms: [(word: Int, target: Int, targetWord: Int)]
        /// Part holonyms: what this is part of ("Praia" is part of Cape Verde).
        var partOf: [Int] = []
    }

    var nouns: [Int: Synset] = [:]
    var adjectives: [Synset] = []
    /// lowercased noun lemma -> synset offsets in sense order.
    var nounIndex: [String: [Int]] = [:]
    var verbLemmas: Set<String> = []
    var verbExceptions: [String: String] = [:]
    /// Single lowercase words of any part of speech.
    var commonWords: Set<String> = []

    init(directory: URL) throws {
        func read(_ name: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            do { return try String(contentsOf: url, encoding: .utf8) } catch {
                throw ModelError("\(url.path): cannot read WordNet (install Debian's wordnet-base)")
            }
        }
        for line in try read("data.noun").split(separator: "\n") where !line.hasPrefix(" ") {
            let (offset, synset) = Self.parseSynset(line)
            nouns[offset] = synset
            for l in synset.lemmas where l.first?.isLowercase == true && !l.contains("_") { commonWords.insert(l) }
        }
        for line in try read("data.adj").split(separator: "\n") where !line.hasPrefix(" ") {
            let (_, synset) = Self.parseSynset(line)
            adjectives.append(synset)
            for l in synset.lemmas where l.first?.isLowercase == true && !l.contains("_") { commonWords.insert(Self.stripMarker(l)) }
        }
        for line in try read("data.adv").split(separator: "\n") where !line.hasPrefix(" ") {
            for l in Self.parseSynset(line).1.lemmas where l.first?.isLowercase == true && !l.contains("_") { commonWords.insert(l) }
        }
        for line in try read("data.verb").split(separator: "\n") where !line.hasPrefix(" ") {
            for l in Self.parseSynset(line).1.lemmas where !l.contains("_") {
                verbLemmas.insert(l.lowercased())
                commonWords.insert(l.lowercased())
            }
        }
        for line in try read("index.noun").split(separator: "\n") where !line.hasPrefix(" ") {
            let f = line.split(separator: " ")
            guard f.count > 4, let pCnt = Int(f[3]) else { continue }
            let senses = f.suffix(from: 4 + pCnt + 2).compactMap { Int($0) }
            nounIndex[String(f[0])] = senses
        }
        for line in try read("verb.exc").split(separator: "\n") {
            let f = line.split(separator: " ")
            if f.count >= 2, verbExceptions[String(f[0])] == nil { verbExceptions[String(f[0])] = String(f[1]) }
        }
    }

    /// "Iraqi(a)" -> "Iraqi": adjective lemmas may carry a syntactic marker.
    static func stripMarker(_ s: String) -> String {
        if let p = s.firstIndex(of: "(") { return String(s[..<p]) }
        return s
    }

    static func parseSynset(_ line: Substring) -> (Int, Synset) {
        let body = line.split(separator: "|", maxSplits: 1)[0]
        let f = body.split(separator: " ")
        let offset = Int(f[0]) ?? 0
        let lexFile = Int(f[1]) ?? 0
        let wCnt = Int(f[3], radix: 16) ?? 0
        var lemmas: [String] = []
        var i = 4
        for _ in 0..<wCnt {
            lemmas.append(stripMarker(String(f[i])))
            i += 2
        }
        let pCnt = Int(f[i]) ?? 0
        i += 1
        var hypernyms: [Int] = []
        var partOf: [Int] = []
        var pertainyms: [(word: Int, target: Int, targetWord: Int)] = []
        for _ in 0..<pCnt {
            let symbol = f[i], target = Int(f[i + 1]) ?? 0
            if symbol == "@" || symbol == "@i" { hypernyms.append(target) }
            if symbol == "#p" && f[i + 2] == "n" { partOf.append(target) }
            if symbol == "\\" && f[i + 2] == "n", f[i + 3].count == 4 {
                let words = f[i + 3]
                pertainyms.append((Int(words.prefix(2), radix: 16) ?? 0, target, Int(words.suffix(2), radix: 16) ?? 0))
            }
            i += 4
        }
        return (offset, Synset(lexFile: lexFile, lemmas: lemmas, hypernyms: hypernyms, pertainyms: pertainyms, partOf: partOf))
    }

    func nounSynsets(of name: String) -> [Int] {
        nounIndex[name.lowercased().replacingOccurrences(of: " ", with: "_")] ?? []
    }

    func isCommonWord(_ w: String) -> Bool { commonWords.contains(w) }

    /// Nouns of one or two plain words ("summit", "military operation") whose first sense is an
    /// event (noun.event), or one of whose first three senses falls under one of the anchors below
    /// (a meeting, an agreement, a war, an election, a visit, a protest, ...); not a noun that is
    /// first an organization.
    func eventNouns() -> [String] {
        let anchors: [(String, Int)] = [
            ("meeting", 0), ("meeting", 1), ("agreement", 0), ("negotiation", 0), ("truce", 0),
            ("military_action", 0), ("war", 0), ("election", 0), ("visit", 0), ("protest", 0), ("ceremony", 0),
            ("conference", 0), ("attack", 0),
            // Acts that news reports as happenings: operations, fighting, crimes, crackdowns,
            // investigations, tests, drills, violence; and the gatherings of `heldEventNouns`.
            ("military_operation", 0), ("conflict", 0), ("fight", 1), ("crime", 0), ("suppression", 2),
            ("investigation", 0), ("investigation", 1), ("test", 0), ("exercise", 2), ("violence", 0), ("homicide", 0),
            ("contest", 0), ("festival", 0), ("social_gathering", 0),
            // And what news reports as happenings besides: protests, explosions, withdrawals, votes
            // (a referendum), journeys (a trip, a tour), speeches, resignations, deployments,
            // operations (a mission), sanctions, arrests; and bombs, which news reports as what
            // went off ("a car bomb in central Tel Aviv").
            ("protest", 1), ("explosion", 0), ("withdrawal", 2), ("vote", 0), ("vote", 1), ("journey", 0),
            ("speech", 0), ("resignation", 1), ("deployment", 0), ("operation", 2), ("sanction", 1), ("arrest", 0),
            ("bomb", 0),
        ]
        let anchorSet = synsets(anchors)
        let organization = synsets([("organization", 0)])
        var result: [String] = []
        for (lemma, senses) in nounIndex where Self.isPlainWord(lemma) || Self.isTwoPlainWords(lemma) {
            // A noun that is first an organization is not read as an event ("party", "council").
            if let first = senses.first, isOrganization(first, organization) { continue }
            for offset in senses.prefix(3) {
                guard let syn = nouns[offset] else { continue }
                if syn.lexFile == 11 && offset == senses.first || reaches(offset, anchorSet) {
                    // Two words as the text writes them: "military operation", "air strike".
                    result.append(lemma.replacingOccurrences(of: "_", with: " "))
                    break
                }
            }
        }
        return result.sorted()
    }

    /// Event nouns for gatherings that people hold (a meeting, a conference, a ceremony, an
    /// election, a vote, a contest, a negotiation, a festival): one of their first three senses falls under
    /// one of those, as for `eventNouns` ("summit" is first a mountain top).
    /// An event "in" a place was held there; other events (attacks, blasts) took place there.
    func heldEventNouns() -> [String] {
        let anchors: [(String, Int)] = [
            ("meeting", 0), ("meeting", 1), ("conference", 0), ("ceremony", 0), ("election", 0),
            ("contest", 0), ("negotiation", 0), ("festival", 0), ("social_gathering", 0), ("vote", 0), ("vote", 1),
        ]
        return nouns(reaching: anchors, inFirst: 3)
    }

    /// Nouns for built places (a structure or a facility in one of their first two senses): "prison",
    /// "hotel", "refinery", "airport", "base", "mosque". After a place's name they name a place of
    /// their own ("Abu Ghraib prison").
    func facilityNouns() -> [String] {
        nouns(reaching: [("structure", 0), ("facility", 0)], inFirst: 2)
    }

    /// Plain nouns one of whose first `n` senses falls under one of the `anchors` (word, sense
    /// index), sorted.
    private func nouns(reaching anchors: [(String, Int)], inFirst n: Int) -> [String] {
        let anchorSet = synsets(anchors)
        var result: [String] = []
        for (lemma, senses) in nounIndex where Self.isPlainWord(lemma) {
            if senses.prefix(n).contains(where: { reaches($0, anchorSet) }) { result.append(lemma) }
        }
        return result.sorted()
    }

    /// Nouns for people or groups of them (WordNet's noun.person or noun.group among their first
    /// four senses): "troops", "forces" (its fourth), "diplomats", "government", not "exports".
    func peopleNouns() -> [String] {
        nounIndex.compactMap { lemma, senses in
            guard Self.isPlainWord(lemma),
                  senses.prefix(4).contains(where: { nouns[$0].map { $0.lexFile == 18 || $0.lexFile == 14 } ?? false })
            else { return nil }
            return lemma
        }.sorted()
    }

    /// Common nouns that name an organization (one of their first three senses is a group under
    /// WordNet's organization): "ministry", "agency", "union", "bank", "council", "party". They end
    /// organizations' names: "Supreme National Security Council". Not a word that is first a place
    /// or a number ("nine"), nor a name ("NATO", "Europe").
    func organizationNouns() -> [String] {
        let anchor = synsets([("organization", 0)])
        return nounIndex.compactMap { lemma, senses in
            guard Self.isPlainWord(lemma), isCommonWord(lemma), let first = senses.first.flatMap({ nouns[$0] }),
                  first.lexFile != 15, first.lexFile != 23,
                  senses.prefix(3).contains(where: { isOrganization($0, anchor) }) else { return nil }
            return lemma
        }.sorted()
    }

    /// Proper names of groups: the capitalized lemmas of WordNet's noun.group ("General
    /// Assembly", "Security Council", "World Bank", "Hamas", "Taliban"), as (lowercased key,
    /// name). Not a dynasty or a royal house ("Wei", "Tudor": surnames too), nor a name that
    /// WordNet also gives a person, a place, a continent or a belief (noun.person, noun.location,
    /// noun.object, noun.cognition: "Europe", "Islam"), nor one of a single letter or with digits.
    func organizationNames() -> [(String, String)] {
        let lines = synsets([("dynasty", 0), ("royalty", 1)])
        return properNames(minimumLength: 2, excluding: [9, 15, 17, 18]) { offset, syn in syn.lexFile == 14 && !reaches(offset, lines) }
    }

    /// Proper names of places: the capitalized lemmas of WordNet's noun.location and noun.object
    /// ("Latin America", "Caribbean", "Golan Heights", "Darfur"), as (lowercased key, name); not
    /// a name WordNet also gives a person or a group, nor one with digits.
    func locationNames() -> [(String, String)] {
        properNames(minimumLength: 3, excluding: [14, 18]) { _, syn in syn.lexFile == 15 || syn.lexFile == 17 }
    }

    /// The capitalized lemmas of the synsets `taken` keeps, as (lowercased key, name), sorted: every
    /// word capitalized but a particle (not "Song dynasty", "Amish sect"), no digits, at least
    /// `minimumLength` characters, and no sense of the word in the lexicographer files `excluding`.
    private func properNames(minimumLength: Int, excluding: Set<Int>, _ taken: (Int, Synset) -> Bool) -> [(String, String)] {
        var out: [String: String] = [:]
        for (offset, syn) in nouns where taken(offset, syn) {
            for lemma in syn.lemmas where lemma.first?.isUppercase == true {
                let name = lemma.replacingOccurrences(of: "_", with: " ")
                guard name.count >= minimumLength, !name.contains(where: \.isNumber),
                      name.split(separator: " ").allSatisfy({ $0.first?.isUppercase == true || Self.nameParticles.contains(String($0)) })
                else { continue }
                let senses = nounIndex[lemma.lowercased()] ?? []
                if senses.contains(where: { nouns[$0].map { excluding.contains($0.lexFile) } ?? false }) { continue }
                let key = name.lowercased()
                if let old = out[key], old <= name { continue }
                out[key] = name
            }
        }
        return out.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Lower-case words inside a group's proper name: "Bureau of Engraving and Printing".
    static let nameParticles: Set<String> = ["of", "for", "and", "the", "on", "in", "al", "el", "de", "du", "des", "la", "le"]

    /// Whether a noun sense is a group under WordNet's organization (`anchor`, its synset).
    private func isOrganization(_ offset: Int, _ anchor: Set<Int>) -> Bool {
        nouns[offset]?.lexFile == 14 && reaches(offset, anchor)
    }

    /// Nouns whose first sense is a person (noun.person): "economist", "widow", "resident".
    func personNouns() -> [String] {
        nounIndex.compactMap { lemma, senses in
            guard Self.isPlainWord(lemma), let first = senses.first, nouns[first]?.lexFile == 18 else { return nil }
            return lemma
        }.sorted()
    }

    /// The synsets of (noun, sense index) pairs that WordNet has.
    private func synsets(_ senses: [(String, Int)]) -> Set<Int> {
        Set(senses.compactMap { w, sense in nounIndex[w].flatMap { $0.count > sense ? $0[sense] : nil } })
    }

    /// A one-word lemma of letters and hyphens ("ceasefire", "sit-in"), not a phrase.
    private static func isPlainWord(_ lemma: String) -> Bool {
        !lemma.contains("_") && lemma.allSatisfy { $0.isLetter || $0 == "-" }
    }

    /// Two plain lower-case words ("military_operation"), not a name ("Pearl_Harbor").
    private static func isTwoPlainWords(_ lemma: String) -> Bool {
        let parts = lemma.split(separator: "_", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { $0.count > 1 && $0.allSatisfy { $0.isLowercase || $0 == "-" } }
    }

    /// The country (a noun.location under "country" in its sense of a nation's territory) that a
    /// capital city is part of: Cape Verde for "Praia", whatever the state is called today.
    func countryOfCapital(_ capital: String) -> Int? {
        let country = synsets([("country", 1)])
        for offset in nounSynsets(of: capital) where nouns[offset]?.lexFile == 15 {
            if let whole = nouns[offset]!.partOf.first(where: { reaches($0, country) }) { return whole }
        }
        return nil
    }

    private func reaches(_ start: Int, _ targets: Set<Int>) -> Bool {
        var stack = [start]
        var seen = Set<Int>()
        while let s = stack.popLast() {
            if targets.contains(s) { return true }
            guard seen.insert(s).inserted, let syn = nouns[s] else { continue }
            stack += syn.hypernyms
        }
        return false
    }
}
