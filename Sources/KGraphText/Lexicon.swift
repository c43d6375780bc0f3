import Foundation
import KGraphModel

/// A country, as the gazetteer knows it.
public struct StateInfo: Sendable, Hashable {
    /// ISO 3166-1 alpha-2 code.
    public var code: String
    /// Canonical English short name ("United States", "Russia").
    public var name: String
    /// Name of the capital, as GeoNames gives it.
    public var capital: String
}

/// A place the gazetteer knows: a city, a region or a continent.
public struct PlaceInfo: Sendable, Hashable {
    public var name: String
    /// ISO code of the state it lies in; nil for continents.
    public var country: String?
    public var population: Int
    /// "GeoNames" for cities, regions and continents.
    public var source: String
}

/// The word lists the rule-based parts of the pipeline read. Every list comes from data
/// (iso-codes, GeoNames, WordNet, the NER corpora) through `LexiconBuilder`, except the
/// general titles and role nouns of `GeneralVocabulary`.
public struct Lexicon: Sendable {
    /// Lowercased, period-free alias -> state code.
    public var stateAliases: [String: String] = [:]
    public var states: [String: StateInfo] = [:]
    /// Lowercased demonym or adjective ("iraqi", "french") -> state code.
    public var demonyms: [String: String] = [:]
    /// Lowercased adjective -> a place name (continents, regions: "european" -> "Europe").
    public var placeAdjectives: [String: String] = [:]
    /// Lowercased name -> the most prominent place of that name.
    public var places: [String: PlaceInfo] = [:]
    /// Lowercased name of a state's first-level division (iso-codes 3166-2: "ohio") -> state code.
    public var regions: [String: String] = [:]
    /// A division's name that several states' divisions share ("florida": US and UY) -> their codes.
    public var sharedRegions: [String: [String]] = [:]
    /// Given names seen as the first word of person names in the NER corpora.
    public var givenNames: Set<String> = []
    /// Lowercased names of organizations seen in the NER corpora and WordNet.
    public var organizations: [String: String] = [:]
    /// Organizations' proper names from WordNet ("General Assembly", "Security Council"), by key.
    /// Not read by the NER gazetteer; the recognizer types a run that is one of them.
    public var organizationNames: [String: String] = [:]
    /// Places' proper names from WordNet ("Latin America", "Golan Heights"), by key. Not read by
    /// the NER gazetteer; the recognizer types a run tagged as a person or an organization that is one.
    public var locationNames: [String: String] = [:]
    /// Lowercased last words of organization names ("council", "ministry").
    public var organizationHeads: Set<String> = []
    /// Lowercased common nouns that name organizations ("ministry", "agency", "union"), from WordNet.
    public var organizationNouns: Set<String> = []
    /// Lowercased nouns that name events (WordNet noun.event and the meeting, agreement, conflict families).
    public var eventNouns: Set<String> = []
    /// The second words of the event nouns of two words ("operation" of "military operation").
    public var twoWordEventEnds: Set<String> = []
    /// Event nouns for gatherings that are held (meetings, conferences, elections, contests).
    public var heldEventNouns: Set<String> = []
    /// Nouns for built places ("prison", "refinery", "airport"): WordNet's structures and facilities.
    public var facilityNouns: Set<String> = []
    /// Nouns for people or groups of them ("troops", "forces", "diplomats"), from WordNet.
    public var peopleNouns: Set<String> = []
    /// Nouns whose first sense is a person ("economist", "widow", "resident"), from WordNet.
    public var personNouns: Set<String> = []
    /// Lowercased verb lemmas (WordNet).
    public var verbs: Set<String> = []
    /// Irregular inflected verb form -> lemma (WordNet verb.exc).
    public var verbExceptions: [String: String] = [:]
    /// Lemma -> simple past as UD English-EWT train writes it most often ("hit" -> "hit").
    public var pastForms: [String: String] = [:]
    /// Lowercased single words WordNet lists in lower case: ordinary vocabulary.
    public var commonWords: Set<String> = []

    public init() {}

    /// A lexicon name normalized for lookups: lowercased, periods dropped, white space folded.
    @inline(__always)
    public static func key(_ s: String) -> String { Entity.normalize(s) }

    public func state(named name: String) -> StateInfo? {
        guard let code = stateAliases[Lexicon.key(name)] else { return nil }
        return states[code]
    }

    /// The state of a demonym, or of its plural for the people ("Americans", "South Koreans").
    public func stateForDemonym(_ word: String) -> StateInfo? {
        let k = Lexicon.key(word)
        if let code = demonyms[k] { return states[code] }
        guard k.hasSuffix("s"), !k.hasSuffix("ss"), let code = demonyms[String(k.dropLast())] else { return nil }
        return states[code]
    }

    public func place(named name: String) -> PlaceInfo? { places[Lexicon.key(name)] }

    /// The lemma of a verb form, or nil when the word is not a verb form WordNet knows.
    public func verbLemma(_ word: String) -> String? {
        let w = word.lowercased()
        if let l = verbExceptions[w] { return l }
        if verbs.contains(w) { return w }
        for (suffix, replacements) in Lexicon.inflections where w.hasSuffix(suffix) && w.count > suffix.count + 1 {
            let stem = String(w.dropLast(suffix.count))
            for r in replacements {
                let cand = stem + r
                if verbs.contains(cand) { return cand }
            }
            if suffix == "ed" || suffix == "ing", let last = stem.last, stem.count >= 3,
               stem.dropLast().last == last, verbs.contains(String(stem.dropLast())) {
                return String(stem.dropLast()) // stopped -> stop
            }
        }
        return nil
    }

    private static let inflections: [(String, [String])] = [
        ("ies", ["y"]), ("ied", ["y"]), ("es", ["e", ""]), ("s", [""]),
        ("ed", ["e", ""]), ("ing", ["e", ""]),
    ]

    // MARK: - Serialization

    /// Reads the lexicon written by `LexiconBuilder.write`.
    public static func load(from url: URL) throws -> Lexicon {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ModelError("\(url.path): cannot read the lexicon (\(error.localizedDescription)); run `kgraph train` to make it")
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw ModelError("\(url.path): the lexicon is not UTF-8")
        }
        var lex = Lexicon()
        lex.places.reserveCapacity(120_000)
        lex.commonWords.reserveCapacity(70_000)
        // Split lines and fields on bytes; make Strings only of the fields kept.
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineNo = 0
            var start = 0
            var fields: [Range<Int>] = []
            func str(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 10 { end += 1 }
                defer { start = end + 1 }
                lineNo += 1
                if end == start || bytes[start] == 35 { continue } // empty or "#"
                fields.removeAll(keepingCapacity: true)
                var f = start
                for i in start...end where i == end || bytes[i] == 9 {
                    fields.append(f..<i)
                    f = i + 1
                }
                let kind = str(fields[0])
                let n = fields.count
                switch kind {
                case "state" where n >= 4:
                    let code = str(fields[1])
                    lex.states[code] = StateInfo(code: code, name: str(fields[2]), capital: str(fields[3]))
                case "state-alias" where n >= 3: lex.stateAliases[str(fields[1])] = str(fields[2])
                case "demonym" where n >= 3: lex.demonyms[str(fields[1])] = str(fields[2])
                case "place-adj" where n >= 3: lex.placeAdjectives[str(fields[1])] = str(fields[2])
                case "place" where n >= 5:
                    let country = fields[3].isEmpty ? nil : str(fields[3])
                    lex.places[str(fields[1])] = PlaceInfo(name: str(fields[2]), country: country,
                                                           population: Int(str(fields[4])) ?? 0, source: "GeoNames")
                case "region" where n >= 3: lex.regions[str(fields[1])] = str(fields[2])
                case "region-shared" where n >= 3: lex.sharedRegions[str(fields[1])] = str(fields[2]).split(separator: ",").map(String.init)
                case "given" where n >= 2: lex.givenNames.insert(str(fields[1]))
                case "org" where n >= 3: lex.organizations[str(fields[1])] = str(fields[2])
                case "org-name" where n >= 3: lex.organizationNames[str(fields[1])] = str(fields[2])
                case "loc-name" where n >= 3: lex.locationNames[str(fields[1])] = str(fields[2])
                case "org-head" where n >= 2: lex.organizationHeads.insert(str(fields[1]))
                case "org-noun" where n >= 2: lex.organizationNouns.insert(str(fields[1]))
                case "event-noun" where n >= 2:
                    let noun = str(fields[1])
                    lex.eventNouns.insert(noun)
                    if let space = noun.firstIndex(of: " ") { lex.twoWordEventEnds.insert(String(noun[noun.index(after: space)...])) }
                case "event-held" where n >= 2: lex.heldEventNouns.insert(str(fields[1]))
                case "facility-noun" where n >= 2: lex.facilityNouns.insert(str(fields[1]))
                case "people-noun" where n >= 2: lex.peopleNouns.insert(str(fields[1]))
                case "person-noun" where n >= 2: lex.personNouns.insert(str(fields[1]))
                case "verb" where n >= 2: lex.verbs.insert(str(fields[1]))
                case "verb-exc" where n >= 3: lex.verbExceptions[str(fields[1])] = str(fields[2])
                case "verb-past" where n >= 3: lex.pastForms[str(fields[1])] = str(fields[2])
                case "word" where n >= 2: lex.commonWords.insert(str(fields[1]))
                default:
                    throw ModelError("\(url.path): line \(lineNo): unknown or short entry '\(kind)'")
                }
            }
        }
        guard !lex.states.isEmpty, !lex.verbs.isEmpty else {
            throw ModelError("\(url.path): the lexicon has no states or no verbs; run `kgraph train` to make it")
        }
        return lex
    }
}

/// A model or lexicon file that is missing or broken.
public struct ModelError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
