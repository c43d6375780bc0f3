import Foundation

/// One syntactic word of a CoNLL-U sentence (a line whose ID is a plain integer).
public struct CoNLLUWord: Sendable, Hashable {
    /// 1-based index in the sentence.
    public var id: Int
    public var form: String
    public var lemma: String
    public var upos: String
    public var xpos: String
    /// FEATS column verbatim ("_" when empty).
    public var feats: String
    /// Head index (0 = root); nil when the column is "_".
    public var head: Int?
    public var deprel: String
    /// DEPS column verbatim.
    public var deps: String
    /// MISC column verbatim.
    public var misc: String

    public init(id: Int, form: String, lemma: String, upos: String, xpos: String, feats: String = "_",
                head: Int? = nil, deprel: String = "_", deps: String = "_", misc: String = "_") {
        self.id = id
        self.form = form
        self.lemma = lemma
        self.upos = upos
        self.xpos = xpos
        self.feats = feats
        self.head = head
        self.deprel = deprel
        self.deps = deps
        self.misc = misc
    }

    /// False when MISC says `SpaceAfter=No`.
    public var spaceAfter: Bool { !misc.split(separator: "|").contains("SpaceAfter=No") }
}

/// A multiword token ("1-2 don't"): the surface form of words first...last.
public struct CoNLLUMultiword: Sendable, Hashable {
    public var first: Int
    public var last: Int
    public var form: String
    public var misc: String
    public var spaceAfter: Bool { !misc.split(separator: "|").contains("SpaceAfter=No") }
}

/// A CoNLL-U sentence: its words (empty nodes skipped), multiword tokens and comments.
public struct CoNLLUSentence: Sendable, Hashable {
    public var words: [CoNLLUWord] = []
    public var multiwords: [CoNLLUMultiword] = []
    /// Comment lines without the leading "# ".
    public var comments: [String] = []

    public init(words: [CoNLLUWord] = [], comments: [String] = []) {
        self.words = words
        self.comments = comments
    }

    /// The value of a `# key = value` comment.
    public func comment(_ key: String) -> String? {
        for c in comments {
            guard let eq = c.firstIndex(of: "=") else { continue }
            if c[..<eq].trimmingCharacters(in: .whitespaces) == key {
                return c[c.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// `# text = ...`
    public var text: String? { comment("text") }
    /// `# sent_id = ...`
    public var sentID: String? { comment("sent_id") }

    public var forms: [String] { words.map(\.form) }
    public var lemmas: [String] { words.map(\.lemma) }
    public var upos: [String] { words.map(\.upos) }
    public var xpos: [String] { words.map(\.xpos) }
    /// Head indices, 0 for the root and -1 where the column is "_".
    public var heads: [Int] { words.map { $0.head ?? -1 } }
    public var deprels: [String] { words.map(\.deprel) }
}

/// A malformed CoNLL-U file.
public struct CoNLLUError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Reads CoNLL-U (https://universaldependencies.org/format.html).
public enum CoNLLU {
    /// Reads a file; errors name the path and line.
    public static func read(_ url: URL) throws -> [CoNLLUSentence] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CoNLLUError("\(url.path): cannot read (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CoNLLUError("\(url.path): not UTF-8")
        }
        return try parse(text, source: url.path)
    }

    /// Parses CoNLL-U text. Multiword-token lines ("1-2") are kept apart from the words; empty
    /// nodes ("1.1") are skipped.
    public static func parse(_ text: String, source: String = "<text>") throws -> [CoNLLUSentence] {
        var sentences: [CoNLLUSentence] = []
        var current = CoNLLUSentence()
        var lineNo = 0
        func flush() {
            if !current.words.isEmpty { sentences.append(current) }
            current = CoNLLUSentence()
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            var line = rawLine
            if line.last == "\r" { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush()
                continue
            }
            if line.first == "#" {
                var c = line.dropFirst()
                if c.first == " " { c = c.dropFirst() }
                current.comments.append(String(c))
                continue
            }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 10 else {
                throw CoNLLUError("\(source): line \(lineNo): expected 10 tab-separated columns, found \(f.count)")
            }
            if f[0].contains(".") { continue }
            if f[0].contains("-") {
                let ends = f[0].split(separator: "-")
                guard ends.count == 2, let a = Int(ends[0]), let b = Int(ends[1]), a <= b else {
                    throw CoNLLUError("\(source): line \(lineNo): bad multiword ID '\(f[0])'")
                }
                current.multiwords.append(CoNLLUMultiword(first: a, last: b, form: String(f[1]), misc: String(f[9])))
                continue
            }
            guard let id = Int(f[0]) else {
                throw CoNLLUError("\(source): line \(lineNo): bad ID '\(f[0])'")
            }
            let head: Int?
            if f[6] == "_" {
                head = nil
            } else if let h = Int(f[6]) {
                head = h
            } else {
                throw CoNLLUError("\(source): line \(lineNo): bad HEAD '\(f[6])'")
            }
            current.words.append(CoNLLUWord(
                id: id, form: String(f[1]), lemma: String(f[2]), upos: String(f[3]), xpos: String(f[4]),
                feats: String(f[5]), head: head, deprel: String(f[7]), deps: String(f[8]), misc: String(f[9])))
        }
        flush()
        return sentences
    }
}
