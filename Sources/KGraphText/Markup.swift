/// Markdown's marks in an article, blanked out: the text the pipeline reads is the article with
/// each mark turned into spaces, so every offset into it is an offset into the file.
/// - links and images: "[Giorgia Meloni](https://...)" reads "Giorgia Meloni";
/// - emphasis and code: "**Palais des Nations**", "*By Jane Smith*", "`code`";
/// - at a line's start: headings ("# "), quotes ("> ") and rules ("---", "***"); bullets ("* ",
///   "+ ") become the dash of plain text's lists.
/// An underscore or asterisk inside a word ("snake_case", "5*3") and brackets without a link
/// ("[the minister] said") are left alone.
public enum Markup {
    public static func plain(_ text: String) -> String {
        // Nothing to do for text without any of the marks (most plain text).
        guard text.unicodeScalars.contains(where: { "*_`#>[-+".unicodeScalars.contains($0) }) else { return text }
        var s = Array(text.unicodeScalars)
        let n = s.count
        func blank(_ r: Range<Int>) { for k in r { s[k] = " " } }
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
        func isWord(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || c.properties.numericType != nil }

        // Line starts.
        var lineStart = 0
        while lineStart < n {
            var end = lineStart
            while end < n && s[end] != "\n" { end += 1 }
            var k = lineStart
            while k < end && (s[k] == " " || s[k] == "\t") { k += 1 }
            let line = k..<end
            if !line.isEmpty {
                let marks = s[line]
                if marks.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " }), marks.filter({ $0 != " " }).count >= 3 {
                    blank(line) // a rule
                } else {
                    var j = k
                    while j < end && s[j] == "#" && j - k < 6 { j += 1 }
                    if j > k, j < end, s[j] == " " { blank(k..<j) } // a heading
                    else if s[k] == ">", k + 1 < end, s[k + 1] == " " { s[k] = " " } // a quote
                    // A bullet reads as the dash that lists in plain text have (the tagger learned those).
                    else if ["*", "+"].contains(s[k]), k + 1 < end, s[k + 1] == " " { s[k] = "-" }
                }
            }
            lineStart = end + 1
        }

        // Links and images: "[text](target)" on one line.
        var i = 0
        while i < n {
            guard s[i] == "[" else { i += 1; continue }
            var close = i + 1
            while close < n && s[close] != "]" && s[close] != "[" && s[close] != "\n" { close += 1 }
            guard close + 1 < n, s[close] == "]", s[close + 1] == "(" else { i += 1; continue }
            var paren = close + 2
            while paren < n && s[paren] != ")" && !isSpace(s[paren]) { paren += 1 }
            guard paren < n, s[paren] == ")" else { i += 1; continue }
            if i > 0, s[i - 1] == "!" { s[i - 1] = " " }
            s[i] = " "
            blank(close..<(paren + 1))
            i = paren + 1
        }

        // Emphasis and code: runs of "*", "_" or "`" that open before a word or close after one.
        i = 0
        while i < n {
            let c = s[i]
            guard c == "*" || c == "_" || c == "`" else { i += 1; continue }
            var j = i
            while j < n && s[j] == c { j += 1 }
            let before: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
            let after: Unicode.Scalar? = j < n ? s[j] : nil
            let wordBefore = before.map(isWord) ?? false, wordAfter = after.map(isWord) ?? false
            // Inside a word ("snake_case", "5*3") it is no mark; next to a word on one side only, it is.
            let opens = !wordBefore && (after.map { !isSpace($0) } ?? false)
            let closes = !wordAfter && (before.map { !isSpace($0) } ?? false)
            if j - i <= 3, opens || closes, !(wordBefore && wordAfter) { blank(i..<j) }
            i = j
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s)
        return String(out)
    }
}
