import Foundation
import Testing
@testable import KGraphText

let treebankSample = """
# newdoc id = d1
# newpar id = d1-p1
# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = s2
# text = Go!
1	Go	go	VERB	VB	_	0	root	_	SpaceAfter=No
2	!	!	PUNCT	.	_	1	punct	_	_

# newpar id = d1-p2
# sent_id = s3
# text = Bye.
1	Bye	bye	INTJ	UH	_	0	root	_	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	_	_

"""

@Suite struct RawTextEvaluationTests {
    func gold() throws -> TreebankDocument {
        let docs = TreebankDocument.documents(from: try CoNLLU.parse(treebankSample))
        #expect(docs.count == 1)
        return docs[0]
    }

    @Test func rebuildsTheRawTextWithParagraphsAndWordSpans() throws {
        let d = try gold()
        #expect(d.text == "I don't know. Go!\n\nBye.")
        let scalars = Array(d.text.unicodeScalars)
        #expect(d.words.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
                == ["I", "do", "n't", "know", ".", "Go", "!", "Bye", "."])
        #expect(d.tokens.count == 8) // "don't" is one surface token
        #expect(d.words[1].head == 3 && d.words[3].head == -1 && d.words[5].head == -1 && d.words[6].head == 5)
        #expect(d.sentences.count == 3)
    }

    @Test func perfectAnalysisScoresOneAndMistakesCount() throws {
        let d = try gold()
        var doc = Document(path: d.id, text: d.text)
        Tokenizer().tokenize(&doc)
        doc.upos = d.words.map(\.upos)
        doc.xpos = d.words.map(\.xpos)
        doc.heads = d.words.map(\.head)
        doc.deprels = d.words.map(\.deprel)
        var s = RawTextScore.score(doc, against: d)
        #expect(s.words.f1 == 1 && s.sentences.f1 == 1 && s.upos.f1 == 1 && s.uas.f1 == 1 && s.las.f1 == 1)
        // One wrong head and one wrong label (subtypes are ignored) out of nine words.
        doc.heads[0] = 1
        doc.deprels[1] = "aux:pass"
        doc.deprels[2] = "obj"
        s = RawTextScore.score(doc, against: d)
        #expect(s.uas.correct == 8 && s.las.correct == 7)
        // A tokenization that misses words: "don't" kept whole loses two words, gains one.
        var merged = Document(path: d.id, text: d.text)
        Tokenizer().tokenize(&merged)
        merged.tokens[1...2] = [Token(start: merged.tokens[1].start, end: merged.tokens[2].end, text: "don't")]
        merged.sentences = [0..<4, 4..<6, 6..<8]
        s = RawTextScore.score(merged, against: d)
        #expect(s.words.gold == 9 && s.words.system == 8 && s.words.correct == 7)
        #expect(s.sentences.correct == 3)
    }

    @Test func goldSentenceBoundariesReplaceTheSplittersOnes() throws {
        let d = try gold()
        var doc = Document(path: d.id, text: d.text)
        Tokenizer().tokenize(&doc)
        doc.sentences = [0..<doc.tokens.count] // a splitter that missed every boundary
        d.splitAtItsSentences(&doc)
        #expect(doc.sentences.map { doc.scalarRange($0) } == d.sentences)
        #expect(RawTextScore.score(doc, against: d).sentences.f1 == 1)
    }
}

@Suite struct SentenceSegmenterTests {
    @Test func committedModelSplitsSentencesAndKeepsAbbreviations() throws {
        let doc = sharedPipeline.tokenize(path: "t.txt", text: "Mr. Smith met Dr. Jones at 5 p.m. on Friday. They talked\nThe end")
        #expect(doc.sentences.map { doc.tokens[$0].map(\.text).joined(separator: " ") }
                == ["Mr. Smith met Dr. Jones at 5 p.m. on Friday .", "They talked", "The end"])
    }

    @Test func learnsBoundariesFromATreebankAndRoundTrips() throws {
        let docs = TreebankDocument.documents(from: try CoNLLU.parse(treebankSample))
        let model = SentenceSegmenter.train(documents: docs + docs + docs, iterations: 5)
        var doc = Document(path: "d", text: docs[0].text)
        Tokenizer().tokenize(&doc)
        model.segment(&doc)
        #expect(doc.sentences.map { doc.scalarRange($0) } == docs[0].sentences)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sentences-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.write(to: url)
        let loaded = try SentenceSegmenter.load(from: url)
        var again = Document(path: "d", text: docs[0].text)
        Tokenizer().tokenize(&again)
        loaded.segment(&again)
        #expect(again.sentences == doc.sentences)
        try Data("KGSENTS1\ngarbage".utf8).write(to: url)
        #expect(throws: ModelError.self) { try SentenceSegmenter.load(from: url) }
    }
}
