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

    /// A line break that only wraps a paragraph's line ends no sentence: the next line opens in
    /// lower case, or the line ends in a word no sentence ends in; in text wrapped at a fixed
    /// width, no single break does. Headlines, blank lines and lines ending a sentence still split.
    @Test func wrappedLinesAreNoSentenceEnds() {
        let wrapped = tokens("The minister said the talks with\nthe delegation of Costa Rica and\nEl Salvador had ended.")
        #expect(wrapped.sentences.count == 1)
        #expect(wrapped.wrapsLines) // both single breaks fall inside the sentence
        let headline = tokens("Floods Close Schools Across the Region\nHeavy rain closed schools on Monday.\n\nMore rain is due.")
        #expect(headline.sentences.count == 3)
        #expect(!headline.wrapsLines)
        // Wrapped at a fixed width: "Anna" + "Kovacs" across a break stays in one sentence.
        let speech = tokens("We are grateful to the\noutgoing President, Ms. Anna\nKovacs, for her work in\nthe past year.\n\nNext paragraph.")
        #expect(speech.wrapsLines)
        #expect(speech.sentences.count == 2)
        #expect(Tokenizer.wrapsLine(after: "and", before: "Tobago", newlines: 1))
        #expect(!Tokenizer.wrapsLine(after: "and", before: "Tobago", newlines: 2))
        #expect(!Tokenizer.wrapsLine(after: "Region", before: "Heavy", newlines: 1))
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
        // An abbreviation with full stops is cut from the word it is hyphened to, as a name is.
        #expect(tokens("The U.N.-backed force and a U.S.-Iraqi team met.").tokens.map(\.text)
            == ["The", "U.N.", "-", "backed", "force", "and", "a", "U.S.", "-", "Iraqi", "team", "met", "."])
    }

    @Test func followsUniversalDependenciesEnglish() {
        let doc = tokens("I'm sure they'll say it cannot cost $20 or 100% -- well-known co-workers and/or e-mail!!! :)")
        #expect(doc.tokens.map(\.text) == ["I", "'m", "sure", "they", "'ll", "say", "it", "can", "not", "cost", "$", "20",
                                           "or", "100", "%", "--", "well", "-", "known", "co-workers", "and", "/", "or",
                                           "e-mail", "!!!", ":)"])
        let web = tokens("See http://example.org/a-b, or mail jo@example.org. Parents' votes count")
        #expect(web.tokens.map(\.text) == ["See", "http://example.org/a-b", ",", "or", "mail", "jo@example.org", ".",
                                           "Parents", "'", "votes", "count"])
    }

    @Test func webTextWithoutSpaces() {
        // Ellipses and commas between words separate them; numbers keep their commas.
        #expect(tokens("okay...so it was good,but 10,000 cost alot ...really").tokens.map(\.text)
                == ["okay", "...", "so", "it", "was", "good", ",", "but", "10,000", "cost", "a", "lot", "...", "really"])
        // "its" for "it's" before an article or negation; the possessive stays whole.
        #expect(tokens("its a pity its budget is not its own. Its not over").tokens.map(\.text)
                == ["it", "s", "a", "pity", "its", "budget", "is", "not", "its", "own", ".", "It", "s", "not", "over"])
        // A name glued to its address; "self-" splits as in EWT.
        #expect(tokens("Andre\"<andre@example.com> self-made").tokens.map(\.text)
                == ["Andre", "\"", "<", "andre@example.com", ">", "self", "-", "made"])
    }

    @Test func phoneNumbersAndDatesKeepTheirHyphensRangesDoNot() {
        #expect(tokens("Call 853-7906 by 01-Feb-02 for 3-4 well-paid jobs").tokens.map(\.text)
                == ["Call", "853-7906", "by", "01-Feb-02", "for", "3", "-", "4", "well", "-", "paid", "jobs"])
    }

    @Test func yearsDecadesSignedAmountsAndSlashedAbbreviations() {
        // A short year or decade keeps its apostrophe; a decade keeps its "'s"; a minus before a
        // currency sign is its own token. Possessives of other numbers still split.
        #expect(tokens("In '73 and the '90s, as in the 80's and 1990's, losses were -$ 250 and -$40; 2019's too")
                    .tokens.map(\.text)
                == ["In", "'73", "and", "the", "'90s", ",", "as", "in", "the", "80's", "and", "1990's", ",", "losses",
                    "were", "-", "$", "250", "and", "-", "$", "40", ";", "2019", "'s", "too"])
        // One letter each side of a slash is one word; longer words split at it.
        #expect(tokens("b/c w/o and/or").tokens.map(\.text) == ["b/c", "w/o", "and", "/", "or"])
        // A quotation mark before a number that is not a year still comes off.
        #expect(tokens("'123' and '7").tokens.map(\.text) == ["'", "123", "'", "and", "'", "7"])
    }

    @Test func fullStopEndsASentenceBeforeLowercaseButAbbreviationsDoNot() {
        #expect(tokens("i went there. it was fine.").sentences.count == 2)
        #expect(tokens("Mr. Smith and Dr. Jones met at 5 p.m. on Friday.").sentences.count == 1)
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
        #expect(doc.tokens.map(\.text) == ["**", "Angela", "Merkel", "**", "spoke", "."])
    }

    @Test func normalizeFoldsCaseDiacriticsPeriodsAndSpaces() {
        #expect(Entity.normalize("António  Guterres") == "antonio guterres")
        #expect(Entity.normalize("U.S.") == Entity.normalize("us"))
    }
}
