import KGraphModel
import Testing
@testable import KGraphText

@Suite struct TokenizerTests {
    func tokens(_ text: String) -> (Document) {
        var doc = Document(path: "t.txt", text: text)
        Tokenizer().tokenize(&doc)
        return doc
    }

    @Test func keepsAbbreviationsAndSplitsPunctuation() {
        let doc = tokens("Mr. Smith met U.S. officials in Paris, then left.")
        #expect(doc.tokens.map(\.text) == ["Mr.", "Smith", "met", "U.S.", "officials", "in", "Paris", ",", "then", "left", "."])
        #expect(doc.sentences.count == 1)
    }

    @Test func offsetsCountUnicodeScalars() {
        let text = "Café “Zoë” — naïve. Next one."
        let doc = tokens(text)
        let scalars = Array(text.unicodeScalars)
        for t in doc.tokens {
            #expect(String(String.UnicodeScalarView(scalars[t.start..<t.end])) == t.text)
        }
        #expect(doc.tokens.contains { $0.text == "Zoë" })
        #expect(doc.sentences.count == 2)
    }

    @Test func possessivesDashesAndCapitalizedHyphens() {
        let doc = tokens("Merkel's plan—finally—won French-German support.")
        #expect(doc.tokens.map(\.text) == ["Merkel", "'s", "plan", "—", "finally", "—", "won", "French", "-", "German", "support", "."])
    }

    @Test func lineBreaksEndSentences() {
        let doc = tokens("A Headline Without A Period\nThe body starts here. It goes on.")
        #expect(doc.sentences.count == 3)
    }
}

@Suite struct MarkdownAndNormalizationTests {
    @Test func markdownEmphasisIsPunctuation() {
        var doc = Document(path: "t.md", text: "**Angela Merkel** spoke.")
        Tokenizer().tokenize(&doc)
        #expect(doc.tokens.map(\.text) == ["*", "*", "Angela", "Merkel", "*", "*", "spoke", "."])
    }

    @Test func normalizeFoldsCaseDiacriticsPeriodsAndSpaces() {
        #expect(Entity.normalize("António  Guterres") == "antonio guterres")
        #expect(Entity.normalize("U.S.") == Entity.normalize("us"))
    }
}
