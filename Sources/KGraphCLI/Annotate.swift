import ArgumentParser
import Foundation
import KGraphBuild
import KGraphText

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the text pipeline's analysis of articles (tokens, tags, lemmas, dependencies, entities).")

    enum Format: String, ExpressibleByArgument { case conllu }

    @Argument(help: "Article files or folders.")
    var paths: [String]

    @Option(help: "Output format.")
    var format: Format = .conllu

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        let pipeline = try modelOptions.pipeline()
        let skipped = forEachInput(paths) { input in
            print(CoNLLUWriter.write(pipeline.annotate(path: input.path, text: input.text)), terminator: "")
        }
        if skipped > 0 { throw ExitCode(1) }
    }
}
