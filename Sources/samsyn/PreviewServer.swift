import Foundation
import Hummingbird
import Logging
import Samsyn

/// Sends the preview's events to every open page: `reload` after a successful change,
/// `problems` with the diagnostics after one with errors.
final class ReloadBroadcaster: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    /// The `problems` event of the latest change, while its errors are unfixed: a page
    /// opened meanwhile shows it at once.
    private var problems: String?

    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = lock.withLock { self.listeners.removeValue(forKey: id) }
        }
        lock.withLock {
            listeners[id] = continuation
            if let problems { continuation.yield(problems) }
        }
        return stream
    }

    func send(_ update: Preview.Update) {
        let event: String
        if update.succeeded {
            event = "event: reload\ndata: \(update.version)\n\n"
        } else {
            let errors = update.diagnostics.filter { $0.severity == .error }.map(\.description)
            event = "event: problems\n" + errors.flatMap(Self.eventLines).map { "data: \($0)\n" }.joined() + "\n"
        }
        lock.withLock {
            problems = update.succeeded ? nil : event
            for listener in listeners.values { listener.yield(event) }
        }
    }

    /// A text as the lines of an event's data: an event stream ends a line at CR, LF or
    /// CR LF, so each becomes a `data:` line of its own and author text (a diagnostic
    /// quotes it) cannot start a line such as `event: reload`.
    static func eventLines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    }
}

/// Answers only requests addressed to the preview by a loopback name: a web page elsewhere
/// that points its own host name at 127.0.0.1 (DNS rebinding) would otherwise read the
/// preview, which may show staff pages.
struct LoopbackHostMiddleware<Context: RequestContext>: RouterMiddleware {
    let port: Int

    static func allowedHosts(port: Int) -> Set<String> {
        let names = ["127.0.0.1", "localhost", "[::1]"]
        return Set(names.map { "\($0):\(port)" } + (port == 80 ? names : []))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let host = request.head.authority?.lowercased(), Self.allowedHosts(port: port).contains(host) else {
            return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "samsyn serve answers only http://127.0.0.1:\(port)/\n")))
        }
        return try await next(request, context)
    }
}

/// Serves the preview's files on 127.0.0.1 with Hummingbird, with a live-reload script
/// added to every HTML page (only here: built sites never have it).
struct PreviewServer {
    static let eventsPath = "/__samsyn/events"
    static let scriptPath = "/__samsyn/live.js"

    let preview: Preview
    let broadcaster: ReloadBroadcaster
    let port: Int

    func run(onRunning: @escaping @Sendable () -> Void) async throws {
        let router = Router()
        router.add(middleware: LoopbackHostMiddleware(port: port))
        let broadcaster = self.broadcaster
        let preview = self.preview
        router.get(RouterPath(Self.eventsPath)) { _, _ -> Response in
            let events = broadcaster.subscribe()
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: ": samsyn\n\n"))
                    for await event in events {
                        try await writer.write(ByteBuffer(string: event))
                    }
                    try await writer.finish(nil)
                }
            )
        }
        router.get(RouterPath(Self.scriptPath)) { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: Self.liveScript)))
        }
        // "**" matches every path but the root.
        for path in ["/", "**"] {
            for method in [HTTPRequest.Method.get, .head] {
                router.on(RouterPath(path), method: method) { request, _ -> Response in
                    Self.respond(to: request.uri.path, from: preview)
                }
            }
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "samsyn"),
            onServerRunning: { _ in onRunning() },
            logger: {
                var logger = Logger(label: "samsyn.serve")
                logger.logLevel = .error
                return logger
            }()
        )
        // No graceful shutdown: open event streams never end by themselves, and a preview
        // has nothing to save. `samsyn serve` exits on SIGINT and SIGTERM at once.
        try await app.runService(gracefulShutdownSignals: [])
    }

    static func respond(to rawPath: String, from preview: Preview) -> Response {
        let path = String((rawPath.removingPercentEncoding ?? rawPath).drop { $0 == "/" })
        if path.isEmpty || path.hasSuffix("/"), let page = preview.file(at: path + "index.html") {
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: withLiveScript(page))))
        }
        if let file = preview.file(at: path) {
            return Response(status: .ok, headers: [.contentType: contentType(of: path), .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: file)))
        }
        if !path.isEmpty, preview.file(at: path + "/index.html") != nil {
            return Response(status: .movedPermanently, headers: [.location: "/" + path + "/"])
        }
        let notFound = "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Sidan finns inte</title></head>"
            + "<body><main><h1>Sidan finns inte</h1><p><a href=\"/\">Till startsidan</a></p></main></body></html>"
        return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: withLiveScript(Data(notFound.utf8)))))
    }

    /// The page with the live-reload script before `</body>`.
    static func withLiveScript(_ html: Data) -> Data {
        let tag = Data("<script src=\"\(scriptPath)\"></script>\n".utf8)
        guard let end = html.range(of: Data("</body>".utf8), options: .backwards) else { return html + tag }
        var result = html
        result.insert(contentsOf: tag, at: end.lowerBound)
        return result
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "woff2": "font/woff2"
        case "pdf": "application/pdf"
        case "csv": "text/csv; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    /// Reloads the page after a successful change; after one with errors, shows them over
    /// the page (which stays as it was) until they are fixed.
    static let liveScript = """
    (function () {
      var events = new EventSource("\(eventsPath)");
      events.addEventListener("reload", function () { location.reload(); });
      events.addEventListener("problems", function (event) {
        var overlay = document.getElementById("samsyn-problems");
        if (!overlay) {
          overlay = document.createElement("section");
          overlay.id = "samsyn-problems";
          overlay.setAttribute("role", "alert");
          overlay.setAttribute("aria-label", "Fel i innehållet");
          overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
            "margin:0;padding:1rem 1.5rem;background:#fff;color:#1a1a1a;border-top:0.4rem solid #b00020;" +
            "font:1rem/1.5 system-ui,sans-serif;box-shadow:0 -0.25rem 1rem rgba(0,0,0,.3)";
          document.body.appendChild(overlay);
        }
        overlay.innerHTML = "";
        var heading = document.createElement("h2");
        heading.textContent = "Sidan kunde inte byggas om – den senaste fungerande versionen visas";
        heading.style.cssText = "margin:0 0 .5rem;font-size:1.2rem;color:#b00020";
        var details = document.createElement("pre");
        details.textContent = event.data;
        details.style.cssText = "margin:0;white-space:pre-wrap;font:0.95rem/1.4 ui-monospace,monospace";
        overlay.appendChild(heading);
        overlay.appendChild(details);
      });
    })();
    """
}
