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
///
/// The lexicon's keys are looked up by a 64-bit hash of their bytes in one table made at load time
/// (`KeyTable`), fed from each token's bytes as they come: no string is made per token or per
/// phrase, and a capitalized word costs one lookup instead of six.
struct NERGazetteer: Sendable {
    let lexicon: Lexicon
    /// Per hashed lookup key: the `word` bits (demonym 2, place adjective 4, organization head
    /// 8, title 16, ordinary word 32) and, shifted by 8, the kinds of name it is (state 1, place
    /// 2, organization 4) and whether it is a proper word prefix of a longer one (8: "new", "new
    /// york" of "new york city"), so that a match is only extended while it can still grow.
    let keys: KeyTable
    /// Given names, by the hash of the word as written.
    let givenNames: KeyTable
    static let maxWords = 4
    static let state: UInt32 = 1 << 8, place: UInt32 = 2 << 8, organization: UInt32 = 4 << 8, prefix: UInt32 = 8 << 8

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        var info = KeyTable()
        func mark(_ key: String, _ bits: UInt32) { info.insert(Self.hash(key), bits) }
        for k in lexicon.demonyms.keys { mark(k, 2) }
        for k in lexicon.placeAdjectives.keys { mark(k, 4) }
        for k in lexicon.organizationHeads { mark(k, 8) }
        for t in GeneralVocabulary.titles where t.count == 1 { mark(t[0], 16) }
        for k in lexicon.commonWords { mark(k, 32) }
        for (keys, kind) in [(Array(lexicon.stateAliases.keys), Self.state), (Array(lexicon.places.keys), Self.place),
                             (Array(lexicon.organizations.keys), Self.organization)] {
            for k in keys {
                mark(k, kind)
                var u = k.utf8.startIndex
                var words = 1
                while u != k.utf8.endIndex && words < Self.maxWords {
                    if k.utf8[u] == 32 || k.utf8[u] == 45 {
                        mark(String(k[..<u]), Self.prefix)
                        words += 1
                    }
                    u = k.utf8.index(after: u)
                }
            }
        }
        keys = info
        var given = KeyTable()
        for g in lexicon.givenNames { given.insert(Self.hash(g), 1) }
        givenNames = given
    }

    /// FNV-1a over bytes: `start`, `add` each byte, then `finish`.
    static let start: UInt64 = 0xCBF2_9CE4_8422_2325
    @inline(__always) static func add(_ h: inout UInt64, _ b: UInt8) { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
    @inline(__always) static func finish(_ h: UInt64) -> UInt64 { TaggerFeatures.mix(h) }

    /// The hash of a string's bytes.
    static func hash(_ s: String) -> UInt64 {
        var h = start
        for b in s.utf8 { add(&h, b) }
        return finish(h)
    }

    /// Feeds the bytes of a token's lexicon key (`tokenKey`) to `h`, without making the key
    /// in the common case (ASCII).
    @inline(__always)
    static func addKey(_ word: String, to h: inout UInt64) {
        for b in word.utf8 where b >= 128 {
            for c in Lexicon.key(word).utf8 { add(&h, c) }
            return
        }
        for b in word.utf8 where b != 46 { add(&h, b >= 65 && b <= 90 ? b + 32 : b) }
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
        // Each token's key hash and what the table says of it.
        var keyHash = [UInt64](repeating: 0, count: n)
        var info = [UInt32](repeating: 0, count: n)
        for i in 0..<n {
            var h = Self.start
            Self.addKey(words[i], to: &h)
            keyHash[i] = Self.finish(h)
            info[i] = keys[keyHash[i]]
        }
        // Lower-case words that may start a name: not ordinary WordNet words, three letters or more.
        var lowerStart = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let upper = Self.startsUpper(words[i])
            if !upper {
                guard words[i].utf8.count >= 3, Self.canContinue(words[i]) else { continue }
                if info[i] & 32 != 0 { lexBits[i] = 32 } else { lowerStart[i] = true }
                continue
            }
            lexBits[i] = UInt64(info[i] & 62) | (givenNames[Self.hash(words[i])] != 0 ? 1 : 0)
        }
        var i = 0
        while i < n {
            let upper = Self.startsUpper(words[i])
            guard upper || lowerStart[i] else { i += 1; continue }
            // Longest name starting here (lower-case starts flagged with 64).
            let lowerStart: UInt64 = upper ? 0 : 64
            var best = 0
            var bestKinds: UInt64 = 0
            // The phrase's key, fed to the hash as it grows; `phraseInfo` is what the table says of it.
            var phrase = Self.start
            Self.addKey(words[i], to: &phrase)
            var phraseInfo = info[i]
            var len = 1
            while true {
                let kinds = UInt64(phraseInfo >> 8 & 7)
                if kinds != 0 { best = len; bestKinds = kinds }
                let j = i + len
                guard len < Self.maxWords, j < n, Self.canContinue(words[j]) else { break }
                guard phraseInfo & Self.prefix != 0 else { break }
                if keyHash[j] == Self.hyphen {
                    // "al-zaman", "coca-cola": the hyphen joins.
                    guard j + 1 < n else { break }
                    Self.add(&phrase, 45)
                    Self.addKey(words[j + 1], to: &phrase)
                    len += 2
                } else {
                    Self.add(&phrase, 32)
                    Self.addKey(words[j], to: &phrase)
                    len += 1
                }
                phraseInfo = keys[Self.finish(phrase)]
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

    /// The hash of the key "-".
    static let hyphen = hash("-")
}

/// A hash table from 64-bit key hashes to 32-bit values (0 for absent keys): linear probing
/// over 2^k slots at most half full; hash 0 stands for 1, as 0 marks an empty slot.
struct KeyTable: Sendable {
    private var keys = [UInt64](repeating: 0, count: 16)
    private var values = [UInt32](repeating: 0, count: 16)
    private var mask = 15
    private var count = 0

    init() {}

    /// Adds `bits` to the value of `k0`.
    mutating func insert(_ k0: UInt64, _ bits: UInt32) {
        let k = k0 == 0 ? 1 : k0
        var i = Int(truncatingIfNeeded: k) & mask
        while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
        if keys[i] == 0 {
            if 2 * (count + 1) > keys.count {
                grow()
                insert(k, bits)
                return
            }
            keys[i] = k
            count += 1
        }
        values[i] |= bits
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        values = [UInt32](repeating: 0, count: keys.count)
        mask = keys.count - 1
        count = 0
        for (k, v) in old { insert(k, v) }
    }

    @inline(__always)
    subscript(_ k0: UInt64) -> UInt32 {
        let k = k0 == 0 ? 1 : k0
        return keys.withUnsafeBufferPointer { ks in
            var i = Int(truncatingIfNeeded: k) & mask
            while true {
                if ks[i] == k { return values[i] }
                if ks[i] == 0 { return 0 }
                i = (i + 1) & mask
            }
        }
    }
}
