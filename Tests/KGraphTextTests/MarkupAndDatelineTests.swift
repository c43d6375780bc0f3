import Testing
import KGraphModel
@testable import KGraphText

/// Articles as they come: Markdown's marks, wire datelines, a name the tagger misses once.
@Suite struct MarkupAndDatelineTests {
    /// Marks turn into spaces, so offsets stay the file's; brackets and underscores that are no
    /// marks stay.
    @Test func markdownMarksAreBlanked() {
        let text = "# Talks Resume\n\n*By Ana Ruiz*\n\nShe met [Prime Minister Kofi Mensah](https://example.com/a_b) at the **Palais**.\n* first point\n> quoted\n\n---\n[the minister] said snake_case 5*3."
        let plain = Markup.plain(text)
        #expect(plain.unicodeScalars.count == text.unicodeScalars.count)
        let link = String(repeating: " ", count: "](https://example.com/a_b)".count)
        #expect(plain == "  Talks Resume\n\n By Ana Ruiz \n\nShe met  Prime Minister Kofi Mensah\(link) at the   Palais  .\n- first point\n  quoted\n\n   \n[the minister] said snake_case 5*3.")
        #expect(Markup.plain("No marks here.") == "No marks here.")
        let a = sharedPipeline.analyze(path: "t.md", text: text)
        #expect(a.document.spans.contains { $0.type == .person && $0.name == "Kofi Mensah" })
        #expect(!a.document.spans.contains { $0.name.contains("](") || $0.name.contains("*") })
    }

    /// "KYIV, Ukraine (AP) —" is a sentence of its own: the place, its state and the agency are
    /// names, and none of it is the first sentence's subject.
    @Test func datelinesStandApart() {
        let text = "Floods Hit the Region\nKYIV, Ukraine (AP) — Rescuers reached Kharkiv on Monday.\n\nGENEVA (Reuters) - The talks in Geneva resumed."
        let a = sharedPipeline.analyze(path: "t.txt", text: text)
        let doc = a.document
        let sentences = doc.sentences.map { doc.tokens[$0].map(\.text).joined(separator: " ") }
        #expect(sentences.contains("KYIV , Ukraine ( AP ) —"))
        #expect(sentences.contains("GENEVA ( Reuters ) -"))
        #expect(doc.spans.contains { $0.type == .place && $0.name == "Kyiv" })
        #expect(doc.spans.contains { $0.type == .organization && $0.name == "AP" })
        #expect(doc.spans.contains { $0.type == .organization && $0.name == "Reuters" })
        // "Geneva" in the text is the dateline's place, though the tagger left it out.
        #expect(doc.spans.filter { $0.name == "Geneva" && $0.type == .place }.count == 2)
        #expect(!a.relations.contains { doc.spans[$0.subject].name == "Kyiv" && doc.spans[$0.object].name == "Kharkiv" })
        // Capitals that no gazetteer knows open no dateline ("NOTE - ...").
        let b = sharedPipeline.tokenize(path: "t.txt", text: "NOTE - The meeting was moved to Friday.")
        #expect(b.sentences.count == 1)
    }
}
