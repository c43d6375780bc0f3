import Foundation

/// Ambiguity classes from WordNet 3.0 for the tagger: which parts of speech a word can have as a
/// lemma, and which regular or listed inflections it can be (plural noun, verb -s/-ed/-ing form,
/// comparative adjective, adverb in -ly from an adjective). The single-word lemmas and the
/// exception lists are kept, so unseen words get classes too.
public struct WordNetClasses: Sendable, Equatable {
    // Entry bits.
    static let noun: UInt8 = 1, verb: UInt8 = 2, adj: UInt8 = 4, adv: UInt8 = 8
    static let nounExc: UInt8 = 16, verbExc: UInt8 = 32, adjExc: UInt8 = 64

    /// Lowercase word -> entry bits.
    let entries: [String: UInt8]

    public init() { entries = [:] }
    init(entries: [String: UInt8]) { self.entries = entries }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// Entries sorted by word (for writing).
    var sortedEntries: [(String, UInt8)] { entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

    /// Reads index.{noun,verb,adj,adv} and {noun,verb,adj}.exc of a WordNet database folder.
    public static func load(directory: URL) throws -> WordNetClasses {
        func read(_ name: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            do { return try String(contentsOf: url, encoding: .utf8) } catch {
                throw ModelError("\(url.path): cannot read WordNet (install Debian's wordnet-base)")
            }
        }
        var e: [String: UInt8] = [:]
        for (file, bit) in [("index.noun", noun), ("index.verb", verb), ("index.adj", adj), ("index.adv", adv)] {
            for line in try read(file).split(separator: "\n") where !line.hasPrefix(" ") {
                guard let w = line.split(separator: " ", maxSplits: 1).first, !w.contains("_") else { continue }
                e[String(w), default: 0] |= bit
            }
        }
        for (file, bit) in [("noun.exc", nounExc), ("verb.exc", verbExc), ("adj.exc", adjExc)] {
            for line in try read(file).split(separator: "\n") {
                guard let w = line.split(separator: " ", maxSplits: 1).first, !w.contains("_") else { continue }
                e[String(w), default: 0] |= bit
            }
        }
        return WordNetClasses(entries: e)
    }

    /// Class bits of a word (any case): bits 0-3 lemma noun/verb/adj/adv; 4 plural noun; 5 verb -s;
    /// 6 verb past (-ed or listed); 7 verb -ing; 8 comparative/superlative adjective; 9 adverb
    /// in -ly of an adjective; 10 not in WordNet at all.
    public func classes(_ word: String) -> UInt64 {
        if entries.isEmpty { return 0 }
        let w = word.lowercased()
        let u = Array(w.utf8)
        let own = entries[w] ?? 0
        var m = UInt64(own & 15)
        if own & Self.nounExc != 0 { m |= 1 << 4 }
        if own & Self.verbExc != 0 { m |= 1 << 6 }
        if own & Self.adjExc != 0 { m |= 1 << 8 }
        let n = u.count
        func stem(_ drop: Int, _ add: String = "") -> String {
            String(decoding: u[0..<(n - drop)], as: UTF8.self) + add
        }
        func any(_ stems: [String], _ bit: UInt8) -> Bool {
            stems.contains { (entries[$0] ?? 0) & bit != 0 }
        }
        func ends(_ s: String) -> Bool { n > s.utf8.count + 1 && u.suffix(s.utf8.count).elementsEqual(s.utf8) }
        let doubled = n >= 5 && u[n - 4] == u[n - 5]
        if ends("s") && !ends("ss") {
            var stems = [stem(1)]
            if ends("es") { stems.append(stem(2)) }
            if ends("ies") { stems.append(stem(3, "y")) }
            if any(stems, Self.noun) { m |= 1 << 4 }
            if any(stems, Self.verb) { m |= 1 << 5 }
        }
        if ends("ed") {
            var stems = [stem(1), stem(2)]
            if ends("ied") { stems.append(stem(3, "y")) }
            if n >= 4 && u[n - 3] == u[n - 4] { stems.append(stem(3)) }
            if any(stems, Self.verb) { m |= 1 << 6 }
        }
        if ends("ing") && n > 5 {
            var stems = [stem(3), stem(3, "e")]
            if doubled { stems.append(stem(4)) }
            if any(stems, Self.verb) { m |= 1 << 7 }
        }
        if ends("er") || ends("est") {
            let k = ends("er") ? 2 : 3
            var stems = [stem(k), stem(k - 1)]
            if n > k + 1 && u[n - k - 1] == UInt8(ascii: "i") { stems.append(stem(k + 1, "y")) }
            if n > k + 2 && u[n - k - 1] == u[n - k - 2] { stems.append(stem(k + 1)) }
            if any(stems, Self.adj) { m |= 1 << 8 }
        }
        if ends("ly") {
            var stems = [stem(2)]
            if ends("ily") { stems.append(stem(3, "y")) }
            if ends("ally") { stems.append(stem(4)) }
            if any(stems, Self.adj) { m |= 1 << 9 }
        }
        if m == 0 { m = 1 << 10 }
        return m
    }
}
