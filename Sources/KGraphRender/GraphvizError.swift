import CGraphviz

/// A failure reported by Graphviz (or by kgraph about Graphviz).
///
/// `message` holds what kgraph was doing and, when Graphviz said anything, its own
/// words as captured through `agseterrf`.
public struct GraphvizError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, including Graphviz's own message text when there was one.
    public var message: String

    /// An error with the given message.
    public init(_ message: String) {
        self.message = message
    }

    /// "Graphviz: " and the message.
    public var description: String { "Graphviz: " + message }
}

// MARK: - Capturing Graphviz's messages

/// Everything Graphviz reported through `agerr` since the last `ErrorCapture.reset()`.
///
/// Only read and written on the Graphviz thread (see `GraphvizThread`): the callback
/// below runs inside Graphviz calls, and every Graphviz call runs on that thread.
nonisolated(unsafe) private var capturedMessages = ""

/// Enough to read any real message; a runaway loop of warnings must not eat memory.
private let capturedLimit = 64 * 1024

/// Graphviz's error callback. A C function pointer cannot carry context, so it writes
/// to the global buffer above. Messages can arrive in fragments (an `AGPREV`
/// continuation, or one line at a time), so they are appended, never replaced.
private let errorSink: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
    guard let text else { return 0 }
    if capturedMessages.utf8.count < capturedLimit {
        capturedMessages += String(cString: text)
    }
    return 0
}

/// The error side of the Graphviz thread. Every member must be called on that thread.
enum ErrorCapture {
    /// Routes Graphviz's messages to the buffer instead of stderr. Done once.
    static func install() {
        _ = agseterrf(errorSink)
    }

    /// Forgets earlier messages; call before each job.
    static func reset() {
        _ = agreseterrors()
        capturedMessages = ""
    }

    /// The messages captured since the last reset, trimmed.
    static var messages: String {
        var text = Substring(capturedMessages)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        return String(text)
    }

    /// An error about `what`, with Graphviz's messages appended when there are any.
    static func error(_ what: String) -> GraphvizError {
        let said = messages
        return GraphvizError(said.isEmpty ? what : what + ": " + said)
    }
}
