import SamsynSupport
import SamsynData
import Foundation

/// What a build was asked to do.
public struct BuildOptions: Sendable {
    public var sourceDirectory: URL
    public var outputDirectory: URL
    /// Names of the targets to build; empty means all.
    public var targets: [String]
    /// Warnings count as errors.
    public var strict: Bool
    /// Check everything, write nothing.
    public var writeOutput: Bool
    /// The date overdue reviews are judged by (see `LocalDate.today`).
    public var today: LocalDate
    /// Each report's PDF beside its page, unless site.yml says `pdf: false` (`--no-pdf`).
    public var reportPDFs: Bool

    public init(sourceDirectory: URL, outputDirectory: URL, targets: [String] = [], strict: Bool = false, writeOutput: Bool = true,
                today: LocalDate = .today(), reportPDFs: Bool = true) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
        self.targets = targets
        self.strict = strict
        self.writeOutput = writeOutput
        self.today = today
        self.reportPDFs = reportPDFs
    }
}

public struct TargetSummary: Sendable {
    public var name: String
    public var pages: Int
    public var charts: Int
}

public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Pages written (or, for a check, that would be written) per target, in site.yml's order.
    public var targets: [TargetSummary]
    /// Cells withheld by disclosure control, across all data read.
    public var suppressedCells: Int
    /// LIX of every page in the site's language.
    public var readability: [PageReadability]
    public var duration: Duration
    public var strict: Bool

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    /// Whether the content is fit to publish: no errors, and with --strict no warnings.
    public var succeeded: Bool { errorCount == 0 && (!strict || warningCount == 0) }
}

/// `samsyn build`: the pipeline's steps (`BuildStep`) with the staging folders of
/// `OutputWriter` as the render step's sink, then the write step, which swaps them in
/// only when no step found an error.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// - Parameter releasingMemory: false where the process ends right after the build (the
    ///   command line): the site's objects, tens of thousands at 10,000 pages, are then left
    ///   for the operating system to take back at exit, all at once, rather than freed one
    ///   by one before the report is printed.
    public func build(releasingMemory: Bool = true) -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        var log = DiagnosticLog()
        var result = RunResult()
        run(log: &log, result: &result)
        if !releasingMemory, let loaded = result.loaded {
            _ = Unmanaged.passRetained(KeptUntilExit(loaded))
        }
        result.loaded = nil
        return BuildReport(diagnostics: log.sorted, targets: result.targets, suppressedCells: result.suppressedCells,
                           readability: result.readability, duration: clock.now - start, strict: options.strict)
    }

    private struct RunResult {
        var targets: [TargetSummary] = []
        var suppressedCells = 0
        var readability: [PageReadability] = []
        /// What the steps made, for `build` to release or keep.
        var loaded: LoadedSite?
    }

    private final class KeptUntilExit {
        let loaded: LoadedSite
        init(_ loaded: LoadedSite) { self.loaded = loaded }
    }

    private func run(log: inout DiagnosticLog, result: inout RunResult) {
        var timer = StepTimer()
        defer { timer.report() }
        guard let loaded = Pipeline(options: options).load(log: &log, timer: &timer) else { return }
        result.loaded = loaded
        result.suppressedCells = loaded.suppressedCells
        result.readability = loaded.readability
        guard let templates = loaded.templates else { return }
        let (site, targets) = (loaded.site, loaded.targets)

        if options.writeOutput, let overlap = Self.sourceFolderOverlapping(options.outputDirectory, source: options.sourceDirectory) {
            log.error("the output folder overlaps the site's \(overlap)/: a build there would write over the sources; "
                      + "choose a folder beside them, such as public/", at: SourceLocation(path: options.outputDirectory.path))
            return
        }
        var writer = OutputWriter(outputDirectory: options.outputDirectory)
        let writing = options.writeOutput && !log.hasErrors
        do {
            var renderers = targets.map { loaded.renderer(for: $0, templates: templates, today: options.today) }
            // Made only for a build that will be written: laying out a report takes seconds.
            if writing, options.reportPDFs, loaded.config.reportPDFs {
                let documents = ReportDocuments.make(renderers, assets: loaded.assets, findEngine: { PDFEngine.find() },
                                                     cache: DocumentCache.standard(), modified: LocalDate.sourceDateEpoch(), log: &log)
                renderers = zip(renderers, documents).map { $0.with(documents: $1) }
                timer.lap(.documents)
            }
            if writing {
                for target in targets { try writer.begin(target.name) }
            }
            // Every file is checked for personal identity numbers before it is written: a
            // build that finds one is never committed.
            let outputWriter = writer
            let (renderLog, renderError) = RenderPool.run(renderers, pages: site.pages, assets: loaded.assets) { files, target in
                if writing { try outputWriter.write(files, to: target.name) }
            }
            log.append(contentsOf: renderLog)
            if let renderError { throw renderError }
            for renderer in renderers {
                // An indicator's page has its own chart besides its blocks, once it has a value or a target.
                func drawsIndicatorChart(_ page: Page) -> Bool {
                    guard page.kind == .indicator, let values = site.indicators[page.id] else { return false }
                    return !values.own.points.isEmpty || !values.comparisons.isEmpty || !(page.indicator?.targets.isEmpty ?? true)
                }
                let charts = renderer.view.pages.reduce(0) { $0 + $1.chartCount + (drawsIndicatorChart($1) ? 1 : 0) }
                result.targets.append(TargetSummary(name: renderer.target.name, pages: renderer.view.pages.count, charts: charts))
            }
            timer.lap(.render)
            let failed = log.hasErrors || (options.strict && log.warningCount > 0)
            if writing, !failed { try writer.commit() } else { writer.discard() }
            timer.lap(.write)
        } catch {
            writer.discard()
            log.error("cannot write the site: \(error.localizedDescription)", at: SourceLocation(path: options.outputDirectory.path))
        }
    }

    /// `content` or `templates` if the output folder is one of them, inside one, or above one
    /// (the site folder itself, or a folder holding it): targets are replaced whole, and a
    /// target named like a source folder would take its place.
    static func sourceFolderOverlapping(_ output: URL, source: URL) -> String? {
        func components(_ url: URL) -> [String] { url.standardizedFileURL.resolvingSymlinksInPath().pathComponents }
        let out = components(output)
        for folder in SourceTree.folders {
            let sourceFolder = components(source.appendingPathComponent(folder))
            if out.starts(with: sourceFolder) || sourceFolder.starts(with: out) { return folder }
        }
        return nil
    }
}
