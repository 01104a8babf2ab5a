import ArgumentParser
import Foundation
import Samsyn

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview a target on 127.0.0.1, rebuilt on every change, with open pages reloaded."
    )

    @Option(name: .long, help: "The site folder, holding content/ and templates/.")
    var source: String = "."

    @Option(name: .long, help: "The port to listen on.")
    var port: Int = 8000

    @Option(name: .long, help: "The language of the messages: sv or en (default: from the locale, LANG).")
    var lang: MessageLanguage?

    @Option(name: .long, help: "The target to preview (default: the first in site.yml).")
    var target: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        let sourceURL = URL(fileURLWithPath: source, isDirectory: true).standardizedFileURL
        let options = BuildOptions(sourceDirectory: sourceURL, outputDirectory: sourceURL, targets: target.map { [$0] } ?? [], writeOutput: false)
        let preview = Preview(options: options)
        let first = preview.rebuild()
        report(first)
        guard let targetName = preview.targetName else { throw ContentFailure() }

        let broadcaster = ReloadBroadcaster()
        // A site that starts with errors shows them in the first page opened.
        broadcaster.send(first)
        guard let watcher = FileWatcher(root: sourceURL, folders: ["content", "templates"]) else {
            throw ValidationError("cannot watch \(sourceURL.path) for changes")
        }
        watcher.start { paths in
            let update = preview.update(changed: paths)
            report(update)
            broadcaster.send(update)
        }
        let stop = Self.exitOnSignals(saying: say("Stopped.", lang ?? .from()))
        let server = PreviewServer(preview: preview, broadcaster: broadcaster, port: port)
        do {
            try await server.run {
                line(say("Serving the target '\(targetName)' at http://127.0.0.1:\(port)/ (Ctrl-C stops)", lang ?? .from()))
            }
        } catch {
            throw ValidationError("cannot serve on port \(port): \(error)")
        }
        _ = (watcher, stop)
    }

    /// Ctrl-C, SIGINT or SIGTERM ends the preview at once, with exit status 0, whatever is
    /// connected. `_exit`, not `exit`: the latter runs the process's exit handlers, which
    /// can wait on threads still serving open event streams; the kernel closes the
    /// connections either way. The handler runs on a thread of its own, so that no busy
    /// queue can hold it up.
    private static func exitOnSignals(saying stopped: String) -> [DispatchSourceSignal] {
        let queue = DispatchQueue(label: "samsyn.serve.signals")
        return [SIGINT, SIGTERM, SIGHUP].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                FileHandle.standardOutput.write(Data((stopped + "\n").utf8))
                _exit(0)
            }
            source.resume()
            return source
        }
    }

    /// Diagnostics and one line per build or update, as `build` prints them.
    private func report(_ update: Preview.Update) {
        let language = lang ?? .from()
        for diagnostic in update.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.text(in: language) + "\n").utf8))
        }
        let milliseconds = Int((Double(update.duration.components.attoseconds) / 1e15).rounded()) + Int(update.duration.components.seconds) * 1000
        if update.succeeded {
            line(say(update.kind == .page ? "Page rebuilt in \(milliseconds) ms." : "Site built in \(milliseconds) ms.", language))
        } else {
            let errors = update.diagnostics.count { $0.severity == .error }
            line(say(errors == 1 ? "Not rebuilt: 1 error (the last good site is still served)."
                                 : "Not rebuilt: \(errors) errors (the last good site is still served).", language))
        }
    }
}

/// A line on standard output, written at once (a test or a script may be waiting for it).
private func line(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
