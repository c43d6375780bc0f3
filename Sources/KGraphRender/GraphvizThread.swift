import CGraphviz
import Dispatch
import Foundation

/// The one thread that talks to Graphviz.
///
/// libgvc keeps global state (the error machinery, plugin and font caches, the DOT
/// parser) and is not safe to use from two threads at once, even with one context per
/// thread. So every Graphviz call in the process runs here, one job at a time, on a
/// single Foundation `Thread` started once: never on the Swift concurrency pool or on
/// a dispatch queue's worker threads. Callers hand over a closure and wait for it.
final class GraphvizThread: @unchecked Sendable {
    /// The process-wide instance, started on first use.
    static let shared = GraphvizThread()

    /// Layout code recurses deeply on big graphs; give it room.
    private static let stackSize = 64 << 20

    /// Guards `jobs`; signalled when one is added.
    private let condition = NSCondition()
    /// Jobs waiting for the thread, oldest first. Guarded by `condition`.
    private var jobs: [(GraphvizSession) -> Void] = []
    /// Set once in `init` before the thread starts; read-only afterwards.
    private var thread: Thread?
    /// The session, owned by the thread: only touched there.
    private var session: GraphvizSession?

    private init() {
        let thread = Thread { [self] in self.loop() }
        thread.name = "kgraph.graphviz"
        thread.stackSize = Self.stackSize
        self.thread = thread
        thread.start()
    }

    private func loop() {
        // Linux threads inherit their creator's name; set ours from inside (15 bytes at most).
        Thread.current.name = "kgraph.graphviz"
        let session = GraphvizSession()
        self.session = session
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job(session)
        }
    }

    /// Runs `body` on the Graphviz thread and waits for its result.
    ///
    /// Blocks the calling thread; jobs run in the order they were handed over.
    /// Called from the Graphviz thread itself (a job running another), it runs inline.
    func run<T: Sendable>(_ body: @escaping @Sendable (GraphvizSession) throws -> T) throws -> T {
        if let thread, Thread.current === thread, let session {
            return try body(session)
        }
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        condition.lock()
        jobs.append { session in
            outcome.value = Result { try body(session) }
            done.signal()
        }
        condition.signal()
        condition.unlock()
        done.wait()
        return try outcome.value!.get()
    }
}

/// A job's result, written on the Graphviz thread before the semaphore is signalled and
/// read by the waiting caller after: the semaphore orders the two.
private final class Outcome<T>: @unchecked Sendable {
    var value: Result<T, any Error>?
}

/// Graphviz state that lives on the Graphviz thread: the process's single `GVC_t`,
/// created lazily, and the error capture.
final class GraphvizSession {
    private var context: GVContext?

    init() {
        ErrorCapture.install()
    }

    /// Forgets earlier Graphviz messages; call at the start of each job.
    func beginJob() {
        ErrorCapture.reset()
    }

    /// The process's Graphviz context, created on first use.
    ///
    /// Throws when Graphviz found no layout plugins: then its plugin configuration is
    /// missing and nothing could be drawn.
    func gvc() throws -> GVContext {
        if let context { return context }
        let created = try GVContext()
        let layouts = try created.pluginNames(kind: "layout")
        guard !layouts.isEmpty else {
            throw GraphvizError(
                "Graphviz loaded no layout plugins, so it cannot draw. Install Graphviz's libraries "
                + "(Debian/Ubuntu: apt-get install libgvc6 libgraphviz-dev), whose install writes the "
                + "plugin configuration, or write it yourself as root the way `dot -c` does "
                + "(the file is config6a next to the libgvplugin_*.so files).")
        }
        context = created
        return created
    }
}

@available(*, unavailable)
extension GraphvizSession: Sendable {}
