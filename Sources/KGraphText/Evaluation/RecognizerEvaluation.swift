import Foundation

/// The recognizer's typed names, the ones the graph gets (the trained tagger, then the gazetteers,
/// titles and rules of `LexiconRecognizer`), scored against gold mentions such as UNER's: each
/// sentence's words joined by spaces go through the whole pipeline from raw text, and a name is
/// right when it covers exactly a gold mention's words with its type (Person -> PER, State and
/// Place -> LOC, Organization -> ORG). Events, pronouns and event nouns are not names; nor is a
/// demonym standing for its state ("Iraqi" troops), which UNER leaves out.
public enum RecognizerEvaluation {
    public static func evaluate(_ pipeline: TextPipeline, on sentences: [NERTraining.Sentence]) -> NERScore {
        var score = NERScore()
        for s in sentences {
            // Where each gold word starts and ends in the text, in Unicode scalars.
            var starts: [Int] = [], ends: [Int] = []
            var at = 0
            for w in s.words {
                starts.append(at)
                at += w.unicodeScalars.count
                ends.append(at)
                at += 1
            }
            let doc = pipeline.annotate(path: s.id ?? "uner", text: s.words.joined(separator: " "))
            var predicted = [String](repeating: "O", count: s.words.count)
            for span in doc.spans where !span.isReference && !span.isCommonNoun {
                let type: String
                switch span.type {
                case .person: type = "PER"
                case .state, .place: type = "LOC"
                case .organization: type = "ORG"
                case .event: continue
                }
                let r = doc.scalarRange(span.tokens)
                if span.type == .state, pipeline.lexicon.stateForDemonym(doc.string(r)) != nil { continue }
                // A name that starts or ends inside a gold word cannot match; it counts as a wrong
                // mention of its own type.
                let words = s.words.indices.filter { ends[$0] > r.lowerBound && starts[$0] < r.upperBound }
                guard let first = words.first, let last = words.last else { continue }
                let aligned = starts[first] == r.lowerBound && ends[last] == r.upperBound
                for (k, w) in words.enumerated() { predicted[w] = (k == 0 || !aligned ? "B-" : "I-") + type }
            }
            NERScoring.add(gold: s.labels, predicted: predicted, types: ["PER", "LOC", "ORG"], to: &score)
        }
        return score
    }
}
