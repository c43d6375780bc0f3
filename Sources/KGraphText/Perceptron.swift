import Foundation

/// Averaged-perceptron weights while training (Collins 2002): per feature row, the classes it has
/// weights for, each with its current weight and the running total needed for averaging. The
/// tagger, parser and recognizer all train through this type and pack the result into
/// `SparseWeights`.
struct PerceptronTrainer {
    struct Entry {
        var cls: UInt16
        var w: Int32
        var stamp: Int32
        var total: Double
    }

    private(set) var rowOf: [UInt64: Int32] = [:]
    private(set) var rows: [[Entry]] = []
    /// Number of decisions taken so far (the averaging clock).
    private(set) var clock: Int32 = 0

    init() {}

    /// The row of a feature key, created when new.
    mutating func intern(_ key: UInt64) -> Int32 {
        if let r = rowOf[key] { return r }
        let r = Int32(rows.count)
        rowOf[key] = r
        rows.append([])
        return r
    }

    /// The row of a feature key if it has one.
    func row(_ key: UInt64) -> Int32? { rowOf[key] }

    /// Adds the current weights of `active` rows to `scores` (which the caller zeroes).
    func score(_ active: [Int32], into scores: inout [Float]) {
        for r in active {
            rows[Int(r)].withUnsafeBufferPointer { row in
                for e in row { scores[Int(e.cls)] += Float(e.w) }
            }
        }
    }

    /// Advances the averaging clock: call once per decision.
    mutating func tick() { clock += 1 }

    /// Rewards `truth` and penalizes `guess` on every active row.
    mutating func update(_ active: [Int32], truth: Int, guess: Int) {
        guard truth != guess else { return }
        for r in active {
            Self.add(&rows[Int(r)], UInt16(truth), 1, clock)
            Self.add(&rows[Int(r)], UInt16(guess), -1, clock)
        }
    }

    /// Adds `v` to the weight of `cls` on every active row.
    mutating func update(_ active: [Int32], cls: Int, by v: Int32) {
        for r in active { Self.add(&rows[Int(r)], UInt16(cls), v, clock) }
    }

    @inline(__always)
    private static func add(_ row: inout [Entry], _ cls: UInt16, _ v: Int32, _ n: Int32) {
        for j in row.indices where row[j].cls == cls {
            row[j].total += Double(n - row[j].stamp) * Double(row[j].w)
            row[j].stamp = n
            row[j].w += v
            return
        }
        row.append(Entry(cls: cls, w: v, stamp: n, total: 0))
    }

    /// Averages the weights over all decisions, drops those below `pruneBelow` in magnitude and
    /// the rows whose key `keep` rejects (features only training uses), and packs the rest, rows
    /// sorted by feature key (so the result does not depend on hash order).
    func averaged(pruneBelow: Float, keep: (UInt64) -> Bool = { _ in true }) -> SparseWeights {
        var kept: [(key: UInt64, entries: [(UInt16, Float)])] = []
        kept.reserveCapacity(rowOf.count / 2)
        for (key, r) in rowOf where keep(key) {
            var es: [(UInt16, Float)] = []
            for e in rows[Int(r)] {
                let avg = Float(average(e))
                if abs(avg) >= pruneBelow { es.append((e.cls, avg)) }
            }
            if !es.isEmpty {
                es.sort { $0.0 < $1.0 }
                kept.append((key, es))
            }
        }
        return Self.packed(kept)
    }

    /// An entry's weight averaged over all decisions so far.
    @inline(__always)
    private func average(_ e: Entry) -> Double {
        (e.total + Double(clock - e.stamp) * Double(e.w)) / Double(max(clock, 1))
    }

    /// The mean of several perceptrons' averaged weights (for a linear model, the same scores as
    /// averaging the members' scores: an ensemble that costs one model's time), pruned and packed
    /// as `averaged(pruneBelow:keep:)` does.
    static func averaged(_ members: [PerceptronTrainer], pruneBelow: Float,
                         keep: (UInt64) -> Bool = { _ in true }) -> SparseWeights {
        if members.count == 1 { return members[0].averaged(pruneBelow: pruneBelow, keep: keep) }
        var sums: [UInt64: [UInt16: Double]] = [:]
        for m in members {
            for (key, r) in m.rowOf where keep(key) {
                for e in m.rows[Int(r)] { sums[key, default: [:]][e.cls, default: 0] += m.average(e) }
            }
        }
        let k = Double(members.count)
        var kept: [(key: UInt64, entries: [(UInt16, Float)])] = []
        kept.reserveCapacity(sums.count / 2)
        for (key, row) in sums {
            var es: [(UInt16, Float)] = []
            for (c, t) in row {
                let avg = Float(t / k)
                if abs(avg) >= pruneBelow { es.append((c, avg)) }
            }
            if !es.isEmpty {
                es.sort { $0.0 < $1.0 }
                kept.append((key, es))
            }
        }
        return packed(kept)
    }

    /// Packs rows of (class, weight) entries, sorted by feature key so the result does not depend
    /// on hash order.
    private static func packed(_ rows: [(key: UInt64, entries: [(UInt16, Float)])]) -> SparseWeights {
        var kept = rows
        kept.sort { $0.key < $1.key }
        var keys: [UInt64] = []
        var rowStart: [Int32] = [0]
        var classes: [UInt16] = [], weights: [Float] = []
        keys.reserveCapacity(kept.count)
        for k in kept {
            keys.append(k.key)
            for (c, w) in k.entries { classes.append(c); weights.append(w) }
            rowStart.append(Int32(classes.count))
        }
        return SparseWeights(keys: keys, rowStart: rowStart, classes: classes, weights: weights)
    }
}

/// Members of an averaged ensemble, trained two at a time (`DispatchQueue.concurrentPerform`):
/// `train` gets each member's seed (the first is `seed` itself, so one member is the model
/// trained alone) and the results come back in member order.
func trainMembers<T>(_ count: Int, seed: UInt64, _ train: @Sendable (UInt64) -> T) -> [T] {
    let results = TrainedMembers<T>(count: max(count, 1))
    DispatchQueue.concurrentPerform(iterations: results.count) { i in
        results.set(i, train(seed &+ UInt64(i) &* 0x9E37_79B9_7F4A_7C15))
    }
    return results.all
}

/// Results of members trained concurrently, one slot each.
private final class TrainedMembers<T>: @unchecked Sendable {
    let count: Int
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { self.count = count; slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ t: T) { lock.lock(); slots[i] = t; lock.unlock() }
    /// Every slot, in order; call after all are set.
    var all: [T] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}

/// Packed, read-only perceptron weights: feature key -> row of (class, weight) entries. Lookups go
/// through an open-addressing table keyed by the (already well mixed) 64-bit feature hash.
public struct SparseWeights: Sendable {
    /// Feature key of each row.
    let keys: [UInt64]
    /// Row r owns entries rowStart[r]..<rowStart[r + 1].
    let rowStart: [Int32]
    let classes: [UInt16]
    let weights: [Float]
    /// Open-addressing table for lookups (models with more than 4 classes), 8 bytes a slot, so
    /// that it can be kept a third full (few probes past the home slot, which cost a dependent
    /// read and a branch the CPU cannot predict) in the bytes that 16-byte slots took half full.
    /// A slot keeps the top bits of its row's key as a fingerprint and, in its low
    /// `payloadBits`, where the row's entries start in `packed` and how many there are; an empty
    /// slot is 0 (a row's count is never 0). Empty when `small` is used.
    private let slots: [UInt64]
    private let packed: [Packed]
    private let mask: Int
    private let payloadBits: UInt64
    private let countBits: UInt64
    /// When every class index is below 4 (a parser's transitions, the sentence segmenter), the
    /// weights sit in the slots themselves, so a feature costs a single probe, and this table
    /// alone is built. Key 0 is empty there; a real row with key 0 is kept aside. (Tried and
    /// slower on the parser, all exact: 8-byte fingerprint slots with the weights apart, 64-byte
    /// buckets of fingerprints and weights, 16-byte slots with the third and fourth weights
    /// apart, 32-byte slots aligned to cache lines, reading the next slot ahead, and adding the
    /// home slot's weights masked instead of branching.)
    private let small: [SmallSlot]
    private let smallZero: SmallSlot?

    struct SmallSlot { var key: UInt64; var w: (Float, Float, Float, Float) }

    struct Packed { var cls: UInt32; var w: Float }

    init(keys: [UInt64], rowStart: [Int32], classes: [UInt16], weights: [Float]) {
        self.keys = keys
        self.rowStart = rowStart
        self.classes = classes
        self.weights = weights
        let rows = keys.indices.filter { rowStart[$0 + 1] > rowStart[$0] }
        guard !classes.isEmpty && classes.allSatisfy({ $0 < 4 }) else {
            let longest = rows.map { Int(rowStart[$0 + 1] - rowStart[$0]) }.max() ?? 0
            let countBits = UInt64(Self.bitWidth(longest))
            let payloadBits = countBits + UInt64(Self.bitWidth(classes.count))
            // At most a third full, so that probes rarely go past the home slot (a miss costs ~4
            // probes in a table 0.6 full); with 8-byte slots that is no bigger than half full
            // with 16 bytes.
            var slotCount = 16
            while slotCount < 3 * rows.count { slotCount <<= 1 }
            (self.slots, self.mask) = Self.table(size: slotCount, keys: rows.map { keys[$0] }, payloadBits: payloadBits) { j in
                let r = rows[j]
                return UInt64(rowStart[r]) << countBits | UInt64(rowStart[r + 1] - rowStart[r])
            }
            self.payloadBits = payloadBits
            self.countBits = countBits
            self.packed = zip(classes, weights).map { Packed(cls: UInt32($0), w: $1) }
            self.small = []
            self.smallZero = nil
            return
        }
        // The small-slot table alone. About a quarter full (at most 0.3, so that a table just
        // past a power of two does not double in memory): a probe past the home slot is a
        // dependent read and a branch the CPU cannot predict, and they cost more than the bytes
        // (parse +13% against half full, where 8 probes in 10 resolve at the home slot).
        self.slots = []
        self.packed = []
        self.mask = 0
        self.payloadBits = 0
        self.countBits = 0
        var size = 16
        while 10 * size < 33 * rows.count { size <<= 1 }
        var small = [SmallSlot](repeating: SmallSlot(key: 0, w: (0, 0, 0, 0)), count: size)
        var smallZero: SmallSlot? = nil
        for r in rows {
            let k = keys[r]
            var slot = SmallSlot(key: k, w: (0, 0, 0, 0))
            for e in Int(rowStart[r])..<Int(rowStart[r + 1]) {
                switch classes[e] {
                case 0: slot.w.0 += weights[e]
                case 1: slot.w.1 += weights[e]
                case 2: slot.w.2 += weights[e]
                default: slot.w.3 += weights[e]
                }
            }
            if k == 0 { smallZero = slot; continue }
            var i = Int(truncatingIfNeeded: k) & (size - 1)
            while small[i].key != 0 { i = (i + 1) & (size - 1) }
            small[i] = slot
        }
        self.small = small
        self.smallZero = smallZero
    }

    /// Bits needed to write `n`.
    private static func bitWidth(_ n: Int) -> Int { n == 0 ? 0 : Int.bitWidth - n.leadingZeroBitCount }

    /// A linear-probing table of at least `size` slots (a power of two) for distinct keys: each
    /// slot is the key with its low `payloadBits` replaced by the (nonzero) payload. A lookup
    /// takes the first slot of its probe run whose fingerprint (the key's other, high bits)
    /// matches, so two keys with the same fingerprint must not share a run: when they would,
    /// the table doubles (which moves them apart), so stored rows are always found exactly.
    /// A feature without a row may still match a stranger's fingerprint, once in 2^(64 -
    /// payloadBits) probes (payloads take under 28 bits with this repository's models).
    private static func table(size: Int, keys: [UInt64], payloadBits: UInt64,
                              payload: (Int) -> UInt64) -> ([UInt64], Int) {
        var size = size
        while true {
            var slots = [UInt64](repeating: 0, count: size)
            let mask = size - 1
            var clash = false
            build: for (j, k) in keys.enumerated() {
                var i = Int(truncatingIfNeeded: k) & mask
                while slots[i] != 0 {
                    if (slots[i] ^ k) >> payloadBits == 0 { clash = true; break build }
                    i = (i + 1) & mask
                }
                slots[i] = (k >> payloadBits) << payloadBits | payload(j)
            }
            if !clash { return (slots, mask) }
            size <<= 1
        }
    }

    public var rowCount: Int { keys.count }
    public var entryCount: Int { weights.count }

    /// The row of a feature key, if kept.
    func row(_ key: UInt64) -> Int? {
        guard let i = keys.firstIndexSorted(key) else { return nil }
        return i
    }

    /// Adds the weights of `features` to `scores` (which the caller zeroes).
    @inline(__always)
    func score(_ features: [UInt64], into scores: inout [Float]) {
        if !small.isEmpty {
            var a: Float = 0, b: Float = 0, c: Float = 0, d: Float = 0
            // Two passes, as below: the home slot of every feature is read first, in one
            // independent, branch-free pass, so the cache misses overlap; then the probes are
            // resolved and the weights added in feature order (the same sums as one pass).
            small.withUnsafeBufferPointer { slots in
                features.withUnsafeBufferPointer { fs in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: fs.count) { home in
                    let mask = slots.count - 1
                    for k in 0..<fs.count { home[k] = slots[Int(truncatingIfNeeded: fs[k]) & mask].key }
                    for k in 0..<fs.count {
                        let f = fs[k]
                        if f == 0 {
                            if let z = smallZero { a += z.w.0; b += z.w.1; c += z.w.2; d += z.w.3 }
                            continue
                        }
                        var i = Int(truncatingIfNeeded: f) & mask
                        var key = home[k]
                        while true {
                            if key == f {
                                let w = slots[i].w
                                a += w.0; b += w.1; c += w.2; d += w.3
                                break
                            }
                            if key == 0 { break }
                            i = (i + 1) & mask
                            key = slots[i].key
                        }
                    }
                }
                }
            }
            // Only the classes the caller has (a model of two classes has no weights for more).
            let n = scores.count
            if n > 0 { scores[0] += a }
            if n > 1 { scores[1] += b }
            if n > 2 { scores[2] += c }
            if n > 3 { scores[3] += d }
            return
        }
        // Three passes: the home slot of every feature is read, collisions are resolved to the
        // rows found, and then the rows are added in feature order (so the sums are exactly those
        // of one pass). The reads of the first pass are independent and branch-free, so their
        // cache misses overlap instead of waiting on each other and on the adds.
        scores.withUnsafeMutableBufferPointer { sc in
            slots.withUnsafeBufferPointer { slots in
                packed.withUnsafeBufferPointer { ps in
                    features.withUnsafeBufferPointer { fs in
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: fs.count) { found in
                        let mask = self.mask, shift = self.payloadBits
                        for k in 0..<fs.count { found[k] = slots[Int(truncatingIfNeeded: fs[k]) & mask] }
                        var n = 0 // rows found so far; n <= k, so found[k] is read before it is overwritten
                        for k in 0..<fs.count {
                            let f = fs[k]
                            var s = found[k]
                            var i = Int(truncatingIfNeeded: f) & mask
                            while s != 0 && (s ^ f) >> shift != 0 {
                                i = (i + 1) & mask
                                s = slots[i]
                            }
                            if s != 0 { found[n] = s; n += 1 }
                        }
                        let countMask: UInt64 = ~(~0 << self.countBits), startMask: UInt64 = ~(~0 << shift)
                        // The first entry of every row, likewise read in one independent pass.
                        withUnsafeTemporaryAllocation(of: Packed.self, capacity: n) { first in
                            for r in 0..<n { first[r] = ps[Int(truncatingIfNeeded: (found[r] & startMask) >> self.countBits)] }
                            for r in 0..<n {
                                let start = Int(truncatingIfNeeded: (found[r] & startMask) >> self.countBits)
                                let count = Int(truncatingIfNeeded: found[r] & countMask)
                                sc[Int(first[r].cls)] += first[r].w
                                for e in (start + 1)..<(start + count) { sc[Int(ps[e].cls)] += ps[e].w }
                            }
                        }
                    }
                    }
                }
            }
        }
    }

    /// Appends the weights: row and entry counts, keys, per-row entry counts, classes, Float32
    /// weights, all little-endian.
    func write(into out: inout ByteWriter) {
        out.u32(UInt32(keys.count))
        out.u32(UInt32(weights.count))
        for k in keys { out.u64(k) }
        for r in 0..<keys.count { out.u16(UInt16(rowStart[r + 1] - rowStart[r])) }
        for c in classes { out.u16(c) }
        for w in weights { out.u32(w.bitPattern) }
    }

    /// Reads weights written by `write(into:)`; class indices must be below `classCount`.
    static func read(_ r: inout ByteReader, classCount: Int) throws -> SparseWeights {
        let nRows = Int(try r.u32())
        let nEntries = Int(try r.u32())
        guard r.remaining >= nRows * 10 + nEntries * 6 else { throw ByteReader.Bad("truncated") }
        // Fixed-width blocks: copied in bulk, then converted from little-endian.
        let keys = try r.array(UInt64.self, nRows).map { UInt64(littleEndian: $0) }
        var rowStart = [Int32](repeating: 0, count: nRows + 1)
        var acc = 0
        for (i, c) in try r.array(UInt16.self, nRows).enumerated() {
            acc += Int(UInt16(littleEndian: c))
            rowStart[i + 1] = Int32(acc)
        }
        guard acc == nEntries else { throw ByteReader.Bad("row counts do not add up") }
        let classes = try r.array(UInt16.self, nEntries).map { UInt16(littleEndian: $0) }
        guard classes.allSatisfy({ Int($0) < classCount }) else { throw ByteReader.Bad("bad class index") }
        let weights = try r.array(UInt32.self, nEntries).map { Float(bitPattern: UInt32(littleEndian: $0)) }
        guard zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) else { throw ByteReader.Bad("feature keys out of order") }
        return SparseWeights(keys: keys, rowStart: rowStart, classes: classes, weights: weights)
    }
}

/// Little-endian writes for model files.
struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u16(_ v: UInt16) { bytes.append(UInt8(v & 0xff)); bytes.append(UInt8(v >> 8)) }
    mutating func u32(_ v: UInt32) { for s in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((v >> UInt32(s)) & 0xff)) } }
    mutating func u64(_ v: UInt64) { for s in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8((v >> UInt64(s)) & 0xff)) } }
    mutating func str(_ s: String) { let b = Array(s.utf8); u16(UInt16(b.count)); bytes += b }
    mutating func raw(_ b: [UInt8]) { bytes += b }
    /// A count, then the strings.
    mutating func strings(_ list: [String]) { u32(UInt32(list.count)); for x in list { str(x) } }

    /// Writes the bytes atomically; `what` names the model in the error.
    func write(to url: URL, what: String) throws {
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw ModelError("\(url.path): cannot write the \(what) (\(error.localizedDescription))")
        }
    }
}

/// Reads a model file written with `ByteWriter`: a missing, truncated or foreign file throws a
/// `ModelError` naming the path and the model.
func readModelFile<T>(_ url: URL, what: String, magic: [UInt8], _ body: (inout ByteReader) throws -> T) throws -> T {
    let data: Data
    do {
        data = try Data(contentsOf: url)
    } catch {
        throw ModelError("\(url.path): cannot read the \(what) (\(error.localizedDescription)); run `kgraph train` to make it")
    }
    do {
        return try data.withUnsafeBytes { raw -> T in
            var r = ByteReader(raw)
            guard try r.bytes(magic.count).elementsEqual(magic) else { throw ByteReader.Bad("not a \(what)") }
            let value = try body(&r)
            guard try r.bytes(modelTrailer.count).elementsEqual(modelTrailer), r.remaining == 0 else {
                throw ByteReader.Bad("bad trailer")
            }
            return value
        }
    } catch let e as ByteReader.Bad {
        throw ModelError("\(url.path): broken \(what) (\(e.reason)); run `kgraph train` to rebuild it")
    }
}

/// The last bytes of every model file.
let modelTrailer = Array("END\n".utf8)

extension Array where Element == UInt64 {
    /// Binary search in a sorted array.
    func firstIndexSorted(_ x: UInt64) -> Int? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && self[lo] == x ? lo : nil
    }
}
