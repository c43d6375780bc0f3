import Foundation

/// Gazetteer features for the named-entity tagger, read from the `Lexicon` (which `LexiconBuilder`
/// makes from iso-codes, GeoNames, WordNet and the train-side NER corpora: GMB, UNER draft train
/// and UNER dev; never UNER test).
///
/// Per token it gives two small codes:
/// - `match`: where the token sits in the longest state, place or organization name (up to
///   `maxWords` words) that starts at a capitalized word, matched greedily left to right: the
///   kinds found (bits: state 1, place 2, organization 4) times 8, plus the position (unit 1,
///   begin 2, inside 3, last 4); 0 outside any match.
/// - `word`: bits for a single word: given name 1, demonym 2, place adjective 4, organization head
///   word 8, title 16, ordinary (lower-case WordNet) word 32.
struct NERGazetteer: Sendable {
    let lexicon: Lexicon
    let titles: Set<String>
    /// Proper word prefixes of the multi-word state, place and organization names ("new",
    /// "new york" of "new york city"), so that a match is only extended while it can still grow.
    let prefixes: Set<String>
    static let maxWords = 4

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        titles = Set(GeneralVocabulary.titles.filter { $0.count == 1 }.map { $0[0] })
        var prefixes = Set<String>()
        for keys in [Array(lexicon.stateAliases.keys), Array(lexicon.places.keys), Array(lexicon.organizations.keys)] {
            for k in keys {
                var u = k.utf8.startIndex
                var words = 1
                while u != k.utf8.endIndex && words < Self.maxWords {
                    if k.utf8[u] == 32 || k.utf8[u] == 45 {
                        prefixes.insert(String(k[..<u]))
                        words += 1
                    }
                    u = k.utf8.index(after: u)
                }
            }
        }
        self.prefixes = prefixes
    }

    /// The lexicon key of one token: lowercased, periods dropped (as `Lexicon.key`).
    @inline(__always)
    static func tokenKey(_ word: String) -> String {
        var ascii = true
        var hasUpperOrDot = false
        for b in word.utf8 {
            if b >= 128 { ascii = false; break }
            if (b >= 65 && b <= 90) || b == 46 { hasUpperOrDot = true }
        }
        if !ascii { return Lexicon.key(word) }
        if !hasUpperOrDot { return word }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        for b in word.utf8 where b != 46 { bytes.append(b >= 65 && b <= 90 ? b + 32 : b) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    static func startsUpper(_ word: String) -> Bool {
        guard let b = word.utf8.first else { return false }
        if b < 128 { return b >= 65 && b <= 90 }
        return word.unicodeScalars.first!.properties.isUppercase
    }

    /// Tokens a name may run through: words, hyphens, ampersands, apostrophes.
    @inline(__always)
    static func canContinue(_ word: String) -> Bool {
        guard let b = word.utf8.first else { return false }
        if b == 45 || b == 38 || b == 39 { return true }
        return b >= 128 || (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }

    func annotate(_ words: [String], match: inout [UInt64], word lexBits: inout [UInt64]) {
        let n = words.count
        match = [UInt64](repeating: 0, count: n)
        lexBits = [UInt64](repeating: 0, count: n)
        var keys = [String?](repeating: nil, count: n)
        func key(_ i: Int) -> String {
            if let k = keys[i] { return k }
            let k = Self.tokenKey(words[i])
            keys[i] = k
            return k
        }
        // Lower-case words that may start a name: not ordinary WordNet words, three letters or more.
        var lowerStart = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let upper = Self.startsUpper(words[i])
            if !upper {
                guard words[i].utf8.count >= 3, Self.canContinue(words[i]) else { continue }
                let k = key(i)
                if lexicon.commonWords.contains(k) { lexBits[i] = 32 } else { lowerStart[i] = true }
                continue
            }
            let k = key(i)
            var bits: UInt64 = 0
            if lexicon.givenNames.contains(words[i]) { bits |= 1 }
            if lexicon.demonyms[k] != nil { bits |= 2 }
            if lexicon.placeAdjectives[k] != nil { bits |= 4 }
            if lexicon.organizationHeads.contains(k) { bits |= 8 }
            if titles.contains(k) { bits |= 16 }
            if lexicon.commonWords.contains(k) { bits |= 32 }
            lexBits[i] = bits
        }
        var i = 0
        while i < n {
            let upper = Self.startsUpper(words[i])
            guard upper || lowerStart[i] else { i += 1; continue }
            // Longest name starting here (lower-case starts flagged with 64).
            let lowerStart: UInt64 = upper ? 0 : 64
            var best = 0
            var bestKinds: UInt64 = 0
            var phrase = key(i)
            var len = 1
            while true {
                var kinds: UInt64 = 0
                if lexicon.stateAliases[phrase] != nil { kinds |= 1 }
                if lexicon.places[phrase] != nil { kinds |= 2 }
                if lexicon.organizations[phrase] != nil { kinds |= 4 }
                if kinds != 0 { best = len; bestKinds = kinds }
                let j = i + len
                guard len < Self.maxWords, j < n, Self.canContinue(words[j]) else { break }
                let next = key(j)
                if next == "-" {
                    // "al-zaman", "coca-cola": the hyphen joins.
                    guard prefixes.contains(phrase), j + 1 < n else { break }
                    phrase += "-" + key(j + 1)
                    len += 2
                    continue
                }
                guard prefixes.contains(phrase) else { break }
                phrase += " " + next
                len += 1
            }
            if best == 0 { i += 1; continue }
            if best == 1 {
                match[i] = lowerStart | bestKinds << 3 | 1
            } else {
                match[i] = lowerStart | bestKinds << 3 | 2
                for j in (i + 1)..<(i + best - 1) { match[j] = lowerStart | bestKinds << 3 | 3 }
                match[i + best - 1] = lowerStart | bestKinds << 3 | 4
            }
            i += best
        }
    }
}
