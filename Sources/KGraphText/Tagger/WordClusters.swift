import Foundation

/// Distributional word classes learned from unlabelled text, for the tagger's features (in the
/// spirit of Brown clusters, but cheaper): every word seen often enough gets a vector of its left
/// and right neighbours among the most frequent words (square-rooted counts, unit length), and
/// the vectors are clustered top-down by spherical k-means into `branching` groups per level,
/// `levels` levels deep. A word's class is its path from the root, one `bitsPerLevel`-bit digit per
/// level, most significant first, so shifting the path right gives the coarser classes.
///
/// Everything is deterministic: words are numbered by first appearance, ranked by (count, word),
/// k-means starts from SplitMix64-seeded k-means++ picks, and sums run in a fixed order.
public struct WordClusters: Sendable, Equatable {
    public static let levels = 4
    public static let bitsPerLevel = 3
    public static var branching: Int { 1 << bitsPerLevel }
    /// Path of a word that has no class.
    public static let none: UInt16 = 0xFFFF

    /// Normalized word (see `normalize`) -> path.
    let paths: [String: UInt16]

    public init() { paths = [:] }
    init(paths: [String: UInt16]) { self.paths = paths }

    public var count: Int { paths.count }
    public var isEmpty: Bool { paths.isEmpty }

    /// The class path of a word, or `none`.
    public func path(_ word: String) -> UInt16 { paths[Self.normalize(word)] ?? Self.none }

    /// The path's prefix of `depth` digits (1...levels), or `none` for a word without class.
    public static func prefix(_ path: UInt16, depth: Int) -> UInt16 {
        path == none ? none : path >> UInt16(bitsPerLevel * (levels - depth))
    }

    /// Lowercase, every decimal digit turned into "0".
    public static func normalize(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 128 }) {
            // ASCII: the same answer without the Unicode tables.
            var b = Array(word.utf8)
            for i in b.indices {
                if b[i] >= 49 && b[i] <= 57 { b[i] = 48 } else if b[i] >= 65 && b[i] <= 90 { b[i] += 32 }
            }
            return String(decoding: b, as: UTF8.self)
        }
        var v = String.UnicodeScalarView()
        var changed = false
        for s in word.unicodeScalars {
            if s.properties.numericType == .decimal, s != "0" { v.append("0"); changed = true } else { v.append(s) }
        }
        let w = changed ? String(v) : word
        return w.lowercased()
    }

    /// Entries sorted by word (for writing).
    var sortedEntries: [(String, UInt16)] { paths.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

    /// Appends the classes to a model file: a count, then (word, path) sorted by word.
    func write(into out: inout ByteWriter) {
        let entries = sortedEntries
        out.u32(UInt32(entries.count))
        for (w, p) in entries { out.str(w); out.u16(p) }
    }

    /// Reads classes written by `write(into:)`.
    static func read(_ r: inout ByteReader) throws -> WordClusters {
        let n = Int(try r.u32())
        var paths: [String: UInt16] = [:]
        paths.reserveCapacity(n)
        for _ in 0..<n {
            let w = try r.str()
            paths[w] = try r.u16()
        }
        return WordClusters(paths: paths)
    }

    /// Clusters the words of `sentences` seen at least `minCount` times (at most `maxWords` of the
    /// most frequent ones), using the `contextSize` most frequent words as contexts.
    public static func build(sentences: [[String]], minCount: Int = 3, maxWords: Int = 60_000,
                             contextSize: Int = 302, iterations: Int = 12, seed: UInt64 = 3) -> WordClusters {
        // Intern words in order of first appearance; the corpus as ids, -1 between sentences.
        var idOf: [String: Int32] = [:]
        var words: [String] = []
        var freq: [Int] = []
        var corpus: [Int32] = [-1]
        for s in sentences {
            for w in s {
                let n = normalize(w)
                let id: Int32
                if let x = idOf[n] { id = x } else {
                    id = Int32(words.count)
                    idOf[n] = id
                    words.append(n)
                    freq.append(0)
                }
                freq[Int(id)] += 1
                corpus.append(id)
            }
            corpus.append(-1)
        }
        let ranked = words.indices.sorted { freq[$0] != freq[$1] ? freq[$0] > freq[$1] : words[$0] < words[$1] }
        let c = min(contextSize, ranked.count)
        var ctx = [Int32](repeating: Int32(c), count: words.count) // c = any other word
        for (k, id) in ranked.prefix(c).enumerated() { ctx[id] = Int32(k) }
        let half = c + 2 // + "other" + sentence boundary
        let d = (2 * half + 7) / 8 * 8
        var rowOf = [Int32](repeating: -1, count: words.count)
        var vocab: [Int] = []
        for id in ranked.prefix(maxWords) where freq[id] >= minCount {
            rowOf[id] = Int32(vocab.count)
            vocab.append(id)
        }
        let n = vocab.count
        if n == 0 { return WordClusters() }

        // Context vectors.
        var x = [Float](repeating: 0, count: n * d)
        for p in 1..<(corpus.count - 1) {
            let id = corpus[p]
            guard id >= 0 else { continue }
            let r = rowOf[Int(id)]
            guard r >= 0 else { continue }
            let l = corpus[p - 1], rt = corpus[p + 1]
            let li = l < 0 ? c + 1 : Int(ctx[Int(l)])
            let ri = rt < 0 ? c + 1 : Int(ctx[Int(rt)])
            x[Int(r) * d + li] += 1
            x[Int(r) * d + half + ri] += 1
        }
        for r in 0..<n {
            var norm: Float = 0
            for k in 0..<d { let v = x[r * d + k].squareRoot(); x[r * d + k] = v; norm += v }
            // sqrt counts: the squared norm is the count total.
            let inv = norm > 0 ? 1 / norm.squareRoot() : 0
            for k in 0..<d { x[r * d + k] *= inv }
        }
        let weight = vocab.map { Float(log(Double(freq[$0]) + 1)) }

        var path = [UInt16](repeating: 0, count: n)
        var rng = SplitMix64(seed: seed)
        x.withUnsafeBufferPointer { xs in
            // Work list of (rows, depth); children in order, so the result does not depend on timing.
            var stack: [([Int32], Int)] = [(Array(0..<Int32(n)), 0)]
            while let (rows, depth) = stack.popLast() {
                if depth == levels { continue }
                let assign = kmeans(xs, d: d, rows: rows, weight: weight, k: branching, iterations: iterations, rng: &rng)
                var children = [[Int32]](repeating: [], count: branching)
                for (i, r) in rows.enumerated() {
                    path[Int(r)] = path[Int(r)] << UInt16(bitsPerLevel) | UInt16(assign[i])
                    children[assign[i]].append(r)
                }
                for ch in children.reversed() where !ch.isEmpty { stack.append((ch, depth + 1)) }
            }
        }
        var paths: [String: UInt16] = [:]
        paths.reserveCapacity(n)
        for (r, id) in vocab.enumerated() { paths[words[id]] = path[r] }
        return WordClusters(paths: paths)
    }

    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ d: Int) -> Float {
        var acc = SIMD8<Float>(repeating: 0)
        var k = 0
        let ar = UnsafeRawPointer(a), br = UnsafeRawPointer(b)
        while k < d {
            acc += ar.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                * br.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
            k += 8
        }
        return acc.sum()
    }

    /// Spherical k-means of `rows` into `k` groups (fewer rows than k: one row per group).
    static func kmeans(_ xs: UnsafeBufferPointer<Float>, d: Int, rows: [Int32], weight: [Float], k: Int,
                       iterations: Int, rng: inout SplitMix64) -> [Int] {
        if rows.count <= k { return Array(rows.indices) }
        let base = xs.baseAddress!
        func vec(_ r: Int32) -> UnsafePointer<Float> { base + Int(r) * d }
        // k-means++ seeding (similarity-based distance 1 - cos), weighted by word weight.
        var centers = [Float](repeating: 0, count: k * d)
        var best = [Float](repeating: -2, count: rows.count)
        var first = 0
        for (i, r) in rows.enumerated() where weight[Int(r)] > weight[Int(rows[first])] { first = i }
        var chosen = [first]
        for kk in 0..<k {
            if kk > 0 {
                var total: Double = 0
                var dist = [Double](repeating: 0, count: rows.count)
                for i in rows.indices { dist[i] = Double(max(0, 1 - best[i])) * Double(weight[Int(rows[i])]); total += dist[i] }
                var pick = rows.count - 1
                if total > 0 {
                    var u = Double(rng.next() >> 11) / Double(1 << 53) * total
                    for i in rows.indices { u -= dist[i]; if u < 0 { pick = i; break } }
                } else {
                    pick = kk
                }
                chosen.append(pick)
            }
            let src = vec(rows[chosen[kk]])
            for j in 0..<d { centers[kk * d + j] = src[j] }
            centers.withUnsafeBufferPointer { cs in
                let cp = cs.baseAddress! + kk * d
                for (i, r) in rows.enumerated() { best[i] = max(best[i], dot(vec(r), cp, d)) }
            }
        }
        var assign = [Int](repeating: 0, count: rows.count)
        for it in 0..<iterations {
            var changed = false
            centers.withUnsafeBufferPointer { cs in
                let cb = cs.baseAddress!
                for (i, r) in rows.enumerated() {
                    let v = vec(r)
                    var bi = 0
                    var bv = dot(v, cb, d)
                    for kk in 1..<k {
                        let s = dot(v, cb + kk * d, d)
                        if s > bv { bv = s; bi = kk }
                    }
                    if assign[i] != bi || it == 0 { changed = changed || assign[i] != bi; assign[i] = bi }
                }
            }
            if !changed && it > 0 { break }
            // New centers: weighted sums, normalized; an emptied center keeps its old place.
            var sums = [Float](repeating: 0, count: k * d)
            var used = [Bool](repeating: false, count: k)
            for (i, r) in rows.enumerated() {
                let v = vec(r), w = weight[Int(r)], o = assign[i] * d
                used[assign[i]] = true
                for j in 0..<d { sums[o + j] += w * v[j] }
            }
            for kk in 0..<k where used[kk] {
                var norm: Float = 0
                for j in 0..<d { norm += sums[kk * d + j] * sums[kk * d + j] }
                let inv = norm > 0 ? 1 / norm.squareRoot() : 0
                for j in 0..<d { centers[kk * d + j] = sums[kk * d + j] * inv }
            }
        }
        return assign
    }
}
