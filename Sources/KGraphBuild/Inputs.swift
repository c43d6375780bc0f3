import Foundation

/// An article file to read.
public struct InputFile: Sendable, Hashable {
    public var path: String
}

/// Something wrong with one input: the file and what is wrong, in one line.
public struct InputProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var description: String { "\(path): \(problem)" }
}

/// A document's text as read from disk, with a fingerprint of its bytes.
public struct InputText: Sendable {
    public var path: String
    public var text: String
    public var fingerprint: String
    public var length: Int
}

/// Finds the .txt and .md articles under the given files and folders, in a stable order,
/// and reads them as UTF-8 text.
public enum Inputs {
    public static let extensions: Set<String> = ["txt", "md"]

    public static func collect(_ paths: [String]) -> (files: [InputFile], problems: [InputProblem]) {
        var files: [InputFile] = []
        var problems: [InputProblem] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append(InputProblem(path: path, problem: "no such file or folder"))
                continue
            }
            if !isDir.boolValue {
                files.append(InputFile(path: path))
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else {
                problems.append(InputProblem(path: path, problem: "cannot list the folder"))
                continue
            }
            var found: [String] = []
            while let rel = walker.nextObject() as? String {
                let name = (rel as NSString).lastPathComponent
                if name.hasPrefix(".") { walker.skipDescendants(); continue }
                if extensions.contains((rel as NSString).pathExtension.lowercased()) {
                    let full = (path as NSString).appendingPathComponent(rel)
                    var d: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &d), !d.boolValue { found.append(full) }
                }
            }
            files += found.sorted().map { InputFile(path: $0) }
        }
        return (files, problems)
    }

    /// Reads one file: an unreadable, binary, non-UTF-8 or empty file is an InputProblem.
    public static func read(_ file: InputFile) throws(InputProblem) -> InputText {
        guard let fh = FileHandle(forReadingAtPath: file.path) else {
            throw InputProblem(path: file.path, problem: FileManager.default.isReadableFile(atPath: file.path) ? "cannot open" : "not readable (permission denied)")
        }
        defer { try? fh.close() }
        let data: Data
        do { data = try fh.readToEnd() ?? Data() } catch {
            throw InputProblem(path: file.path, problem: "cannot read (\(error.localizedDescription))")
        }
        if data.contains(0) { throw InputProblem(path: file.path, problem: "binary file (contains NUL bytes), skipped") }
        guard var text = String(validating: data, as: UTF8.self) else {
            throw InputProblem(path: file.path, problem: "not UTF-8 text, skipped")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy({ $0.isWhitespace }) { throw InputProblem(path: file.path, problem: "empty file, skipped") }
        return InputText(path: file.path, text: text, fingerprint: fnv1a(data), length: data.count)
    }

    static func fnv1a(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in data { h ^= UInt64(b); h &*= 0x100_0000_01b3 }
        return String(h, radix: 16)
    }
}
