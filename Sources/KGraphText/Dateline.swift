/// A news dateline at the start of a line: "GENEVA (Reuters) -", "KYIV, Ukraine (AP) —",
/// "NEW YORK, March 3 (AFP) --". The place is in capitals and known to the gazetteers; a comma may
/// add its state, region or a date, brackets the agency; a dash ends it. A dateline is a sentence of
/// its own (it is no part of the first sentence's syntax), and its names are read from its shape.
public struct Dateline: Sendable, Equatable {
    /// The place in capitals ("KYIV"), what follows its comma ("Ukraine"), the agency ("AP").
    public var place: Range<Int>
    public var region: Range<Int>?
    public var agency: Range<Int>?
    /// The dateline's tokens, its dash included.
    public var tokens: Range<Int>

    static let dashes: Set<String> = ["-", "—", "–", "--", "―"]

    /// The dateline that opens at token `start` (the first of a line), within `end`, if any.
    public static func at(_ doc: Document, _ start: Int, end: Int, lexicon: Lexicon) -> Dateline? {
        let t = doc.tokens
        guard start < end, start == 0 || lineBreak(doc, before: start) else { return nil }
        var k = start
        while k < end, k - start < 4, isCapitals(t[k].text) { k += 1 }
        guard k > start else { return nil }
        let place = start..<k
        let name = place.map { t[$0].text }.joined(separator: " ")
        guard lexicon.place(named: name) != nil || lexicon.state(named: name) != nil else { return nil }
        var region: Range<Int>? = nil
        if k < end, t[k].text == "," {
            let a = k + 1
            k = a
            while k < end, k - a < 4, !["(", ","].contains(t[k].text), !dashes.contains(t[k].text),
                  t[k].text.first.map({ $0.isUppercase || $0.isNumber }) == true || t[k].text == "." {
                k += 1
            }
            guard k > a else { return nil }
            region = a..<k
        }
        var agency: Range<Int>? = nil
        if k < end, t[k].text == "(" {
            let a = k + 1
            k = a
            while k < end, k - a < 4, t[k].text != ")" { k += 1 }
            guard k < end, t[k].text == ")", k > a else { return nil }
            agency = a..<k
            k += 1
        }
        guard k < end, dashes.contains(t[k].text) else { return nil }
        if k + 1 < end, dashes.contains(t[k + 1].text) { k += 1 } // "--" cut in two
        return Dateline(place: place, region: region, agency: agency, tokens: start..<(k + 1))
    }

    /// Splits every sentence that opens with a dateline after its dash.
    public static func split(_ doc: inout Document, lexicon: Lexicon) {
        var out: [Range<Int>] = []
        var changed = false
        for s in doc.sentences {
            if let d = at(doc, s.lowerBound, end: s.upperBound, lexicon: lexicon), d.tokens.upperBound < s.upperBound {
                out.append(d.tokens)
                out.append(d.tokens.upperBound..<s.upperBound)
                changed = true
            } else {
                out.append(s)
            }
        }
        if changed { doc.sentences = out }
    }

    static func lineBreak(_ doc: Document, before k: Int) -> Bool {
        Tokenizer.lineBreaks(doc.scalars, in: doc.tokens[k - 1].end..<doc.tokens[k].start) > 0
    }

    /// A word in capitals: letters all upper case (two or more), with periods, hyphens or
    /// apostrophes ("KYIV", "ST.", "PORT-AU-PRINCE").
    static func isCapitals(_ w: String) -> Bool {
        let letters = w.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
            && w.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || [".", "-", "'", "’"].contains($0) }
    }
}
