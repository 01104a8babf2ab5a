import Foundation

/// WeasyPrint, the engine that lays out a report's document HTML as a tagged PDF
/// (PDF/UA-1): CSS Paged Media with page counters in the contents, running headers and
/// bookmarks from the headings. It is a Python library; Samsyn runs it in a child process
/// through the Python that has it, with a short program that also reports the number of
/// pages (the PDF keeps its page tree in a compressed object stream). See ARCHITECTURE.md
/// for why this engine.
struct PDFEngine: Sendable {
    /// The Python interpreter that imports `weasyprint`.
    let python: String
    /// WeasyPrint's version, part of every cached document's key.
    let version: String

    /// What a user reads when the engine is missing.
    static let installHint = "install it with 'python3 -m pip install weasyprint==70.0' (it needs Debian's libpango-1.0-0 and "
        + "libpangoft2-1.0-0; scripts/install-dependencies.sh does both), set SAMSYN_PYTHON to the Python that has it, "
        + "or build without PDFs (--no-pdf, or 'pdf: false' in site.yml)"

    /// Lays out `argv[1]` (the HTML) into `argv[2]` (the PDF) and prints the page count.
    /// `pdf/ua-1` tags the structure, sets the language and shows the title in the
    /// reader's window; no date is written unless the HTML's `dcterms` metadata gives one.
    static let program = """
        import sys
        try:
            import weasyprint
        except Exception as error:
            print("WeasyPrint cannot be loaded:", error, file=sys.stderr)
            sys.exit(3)
        document = weasyprint.HTML(filename=sys.argv[1]).render()
        document.write_pdf(sys.argv[2], pdf_variant="pdf/ua-1")
        print(len(document.pages))
        """

    static let versionProgram = """
        import sys, importlib.metadata as metadata
        try:
            print(metadata.version("weasyprint"))
        except metadata.PackageNotFoundError:
            sys.exit(2)
        """

    /// The engine this machine has: `SAMSYN_PYTHON`, else the Python behind a `weasyprint`
    /// command on the PATH, else `python3`; or why none can be used.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<PDFEngine, EngineMissing> {
        var candidates: [String] = []
        if let python = environment["SAMSYN_PYTHON"], !python.isEmpty {
            candidates = [python]
        } else {
            let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
            if let script = path.map({ $0 + "/weasyprint" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }),
               let interpreter = Self.interpreter(ofScript: script) {
                candidates.append(interpreter)
            }
            if let python3 = path.map({ $0 + "/python3" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                candidates.append(python3)
            }
        }
        var reasons: [String] = []
        for python in candidates {
            // The installed version, without loading the library (a second's work): a
            // library that cannot load says so when the first document is made.
            switch Self.run(python, ["-c", Self.versionProgram], timeout: 60) {
            case .success(let output):
                return .success(PDFEngine(python: python, version: output.trimmingCharacters(in: .whitespacesAndNewlines)))
            case .failure(let failure):
                reasons.append(failure.message.hasPrefix("exited with status 2") ? "\(python) has no WeasyPrint" : "\(python): \(failure.message)")
            }
        }
        let tried = reasons.isEmpty ? "no Python found" : reasons.joined(separator: "; ")
        return .failure(EngineMissing(message: "the PDF engine WeasyPrint was not found (\(tried)); \(installHint)"))
    }

    struct EngineMissing: Error {
        let message: String
    }

    struct Failure: Error {
        let message: String
        /// The library is installed but cannot load (pango missing, say): as good as missing.
        var cannotLoad = false
    }

    /// The PDF of `html`, from the cache when the same HTML was laid out by the same
    /// engine before: the engine is deterministic, so the bytes are the same.
    func pdf(of html: String, cache: DocumentCache?) -> Result<(contents: Data, pages: Int), Failure> {
        let input = Data(html.utf8)
        if let cached = cache?.document(for: input, engine: version) { return .success(cached) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samsyn-pdf-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try input.write(to: folder.appendingPathComponent("document.html"))
        } catch {
            return .failure(Failure(message: "cannot prepare the document for the PDF engine: \(error.localizedDescription)"))
        }
        let output = folder.appendingPathComponent("document.pdf")
        let result = Self.run(python, ["-c", Self.program, folder.appendingPathComponent("document.html").path, output.path], timeout: 300)
        switch result {
        case .failure(let failure):
            return .failure(failure)
        case .success(let printed):
            guard let pages = Int(printed.trimmingCharacters(in: .whitespacesAndNewlines)),
                  let contents = try? Data(contentsOf: output), contents.starts(with: Array("%PDF-".utf8))
            else { return .failure(Failure(message: "the PDF engine wrote no PDF (it printed '\(printed.prefix(200))')")) }
            cache?.store(contents, pages: pages, for: input, engine: version)
            return .success((contents, pages))
        }
    }

    /// The interpreter a script's `#!` line names (pip's and Debian's `weasyprint` have one).
    private static func interpreter(ofScript path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 256), as: UTF8.self)
        guard head.hasPrefix("#!"), let line = head.dropFirst(2).split(separator: "\n").first else { return nil }
        let words = line.split(separator: " ").map(String.init)
        // `#!/usr/bin/env python3` names the interpreter second.
        if words.first?.hasSuffix("/env") == true { return words.dropFirst().first }
        return words.first.flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
    }

    /// Runs a program with its output in files (a child writing into a pipe nobody reads
    /// blocks), stopping it after `timeout` seconds. Its standard output, or why it failed.
    private static func run(_ executable: String, _ arguments: [String], timeout: Int) -> Result<String, Failure> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samsyn-run-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
            FileManager.default.createFile(atPath: out.path, contents: nil)
            FileManager.default.createFile(atPath: err.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            let finished = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in finished.signal() }
            try process.run()
            if finished.wait(timeout: .now() + .seconds(timeout)) == .timedOut, process.isRunning {
                process.terminate()
                process.waitUntilExit()
                return .failure(Failure(message: "the PDF engine took more than \(timeout) seconds and was stopped"))
            }
            process.waitUntilExit()
            let printed = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            guard process.terminationReason == .exit, process.terminationStatus == 0 else {
                let errors = ((try? String(contentsOf: err, encoding: .utf8)) ?? "").split(separator: "\n").suffix(3).joined(separator: " / ")
                return .failure(Failure(message: "exited with status \(process.terminationStatus)" + (errors.isEmpty ? "" : ": " + errors),
                                        cannotLoad: process.terminationReason == .exit && process.terminationStatus == 3))
            }
            return .success(printed)
        } catch {
            return .failure(Failure(message: "cannot run: \(error.localizedDescription)"))
        }
    }
}

/// Made documents kept between builds (`$XDG_CACHE_HOME/samsyn/pdf`, or `~/.cache/…`):
/// laying out a report takes seconds, and most builds change no report. A document is
/// found by a hash of its HTML and the engine's version and used only when the HTML kept
/// beside it is byte for byte the same.
struct DocumentCache: Sendable {
    let folder: URL

    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> DocumentCache? {
        if let folder = environment["SAMSYN_CACHE_DIR"], !folder.isEmpty {
            return DocumentCache(folder: URL(fileURLWithPath: folder).appendingPathComponent("pdf"))
        }
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
            return DocumentCache(folder: URL(fileURLWithPath: base).appendingPathComponent("samsyn/pdf"))
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return DocumentCache(folder: URL(fileURLWithPath: home).appendingPathComponent(".cache/samsyn/pdf"))
    }

    func document(for input: Data, engine: String) -> (contents: Data, pages: Int)? {
        let name = key(input, engine)
        guard let kept = try? Data(contentsOf: folder.appendingPathComponent(name + ".html")), kept == input,
              let pagesText = try? String(contentsOf: folder.appendingPathComponent(name + ".pages"), encoding: .utf8),
              let pages = Int(pagesText),
              let contents = try? Data(contentsOf: folder.appendingPathComponent(name + ".pdf"))
        else { return nil }
        return (contents, pages)
    }

    /// Best effort: a cache that cannot be written only makes the next build slower. The
    /// PDF is written first and the HTML last, so a half-written entry is never matched.
    func store(_ contents: Data, pages: Int, for input: Data, engine: String) {
        let name = key(input, engine)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? contents.write(to: folder.appendingPathComponent(name + ".pdf"), options: .atomic)
        try? Data(String(pages).utf8).write(to: folder.appendingPathComponent(name + ".pages"), options: .atomic)
        try? input.write(to: folder.appendingPathComponent(name + ".html"), options: .atomic)
    }

    /// FNV-1a over the engine's version and the HTML: a file name, not a proof of
    /// identity (the kept HTML is compared).
    private func key(_ input: Data, _ engine: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Data(engine.utf8) + [0] + input {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
