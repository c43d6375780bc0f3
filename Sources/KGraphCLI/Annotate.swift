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
        let (files, problems) = Inputs.collect(paths)
        var skipped = problems.count
        for p in problems { Terminal.error(p.description) }
        for file in files {
            let input: InputText
            do { input = try Inputs.read(file) } catch {
                Terminal.error(error.description)
                skipped += 1
                continue
            }
            print(CoNLLUWriter.write(pipeline.annotate(path: input.path, text: input.text)), terminator: "")
        }
        if skipped > 0 { throw ExitCode(1) }
    }
}
