import ArgumentParser
import Foundation
import KGraphBuild
import KGraphText

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the text pipeline's speed, stage by stage, on one core, and the peak memory.")

    @Argument(help: "Text files or folders (e.g. ../shared/corpora/un-general-debates).")
    var paths: [String]

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        let loadStart = Date()
        let pipeline = try modelOptions.pipeline()
        let loadSeconds = Date().timeIntervalSince(loadStart)
        let stages = ["tokenize", "tag", "lemmatize", "parse", "recognize", "extract"]
        var seconds = [Double](repeating: 0, count: stages.count)
        var words = 0, documents = 0, relations = 0
        // CPU time of this thread: what one core spends, whatever else runs on the machine.
        func cpu() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
        }
        func timed<T>(_ stage: Int, _ body: () -> T) -> T {
            let start = cpu()
            let value = body()
            seconds[stage] += cpu() - start
            return value
        }
        _ = forEachInput(paths) { input in
            var doc = timed(0) { pipeline.tokenize(path: input.path, text: input.text) }
            timed(1) { pipeline.tagger.tag(&doc) }
            timed(2) { pipeline.lemmatizer.lemmatize(&doc) }
            timed(3) { pipeline.parse(&doc) }
            timed(4) { pipeline.recognize(&doc) }
            relations += timed(5) { pipeline.extract(doc) }.count
            words += doc.tokens.count
            documents += 1
        }
        print("documents: \(documents), words (tokens): \(words), models loaded in \(String(format: "%.3f", loadSeconds)) s")
        for (k, stage) in stages.enumerated() {
            print(stage.padding(toLength: 10, withPad: " ", startingAt: 0)
                  + String(format: "%10.0f words/s  (%.2f s)", Double(words) / max(seconds[k], 1e-9), seconds[k]))
        }
        let total = seconds.reduce(0, +)
        print("pipeline  " + String(format: "%10.0f words/s  (%.2f s of one core's time)", Double(words) / max(total, 1e-9), total))
        print("relations: \(relations)")
        print("peak memory: \(PeakMemory.megabytes().map { "\($0) MB" } ?? "unknown")")
    }
}

/// The process's peak resident memory (Linux's VmHWM).
enum PeakMemory {
    static func megabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = line.split(separator: " ").compactMap({ Int($0) }).first else { return nil }
        return (kb + 512) / 1024
    }
}
