import ArgumentParser
import Foundation
import KGraphBuild
import KGraphModel
import KGraphText

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the entities and relations of each article as JSON lines, without touching the store.")

    enum Format: String, ExpressibleByArgument { case jsonl }

    @Argument(help: "Article files or folders.")
    var paths: [String]

    @Option(help: "Output format.")
    var format: Format = .jsonl

    @OptionGroup var modelOptions: ModelOptions

    struct Output: Encodable {
        struct MentionOut: Encodable { var start: Int; var end: Int; var text: String }
        struct EntityOut: Encodable { var id: String; var name: String; var type: String; var mentions: [MentionOut] }
        struct EvidenceOut: Encodable { var start: Int; var end: Int; var sentence: String; var source: String? }
        struct RelationOut: Encodable {
            var subject: String; var predicate: String; var object: String
            /// The predicate with its verb in the base form ("engage in").
            var lemma: String
            /// True when the sentence denies the relation ("did not visit").
            var negated: Bool
            /// How likely this reading is right (the measured precision of its pattern).
            var confidence: Double?
            var evidence: EvidenceOut
        }
        var document: String
        var entities: [EntityOut]
        var relations: [RelationOut]
    }

    func run() throws {
        let pipeline = try modelOptions.pipeline()
        let builder = GraphBuilder(lexicon: pipeline.lexicon)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let skipped = try forEachInput(paths) { input in
            let doc = builder.resolve(pipeline.analyze(path: input.path, text: input.text))
            let byEntity = Dictionary(grouping: doc.mentions, by: \.entity)
            let out = Output(
                document: doc.path,
                entities: doc.entities.map { e in
                    Output.EntityOut(id: e.id, name: e.name, type: e.type.rawValue,
                                     mentions: (byEntity[e.id] ?? []).map { .init(start: $0.start, end: $0.end, text: $0.text) })
                },
                relations: doc.relations.flatMap { r in
                    r.evidence.map { ev in
                        Output.RelationOut(subject: r.subject, predicate: r.predicate, object: r.object, lemma: r.lemma, negated: r.negated,
                                           confidence: ev.confidence, evidence: .init(start: ev.start, end: ev.end, sentence: ev.sentence, source: ev.source))
                    }
                })
            print(String(decoding: try encoder.encode(out), as: UTF8.self))
        }
        if skipped > 0 { throw ExitCode(1) }
    }
}
