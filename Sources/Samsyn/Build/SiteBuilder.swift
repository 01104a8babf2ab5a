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

    public init(sourceDirectory: URL, outputDirectory: URL, targets: [String] = [], strict: Bool = false, writeOutput: Bool = true,
                today: LocalDate = .today()) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
        self.targets = targets
        self.strict = strict
        self.writeOutput = writeOutput
        self.today = today
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

/// The build, step by step: configuration, content, checks, rendering per target, output.
/// Every step logs what it finds and the build goes on as far as it can, so one run reports
/// every error; nothing is written unless there are none.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        var log = DiagnosticLog()
        var result = RunResult()
        run(log: &log, result: &result)
        return BuildReport(diagnostics: log.sorted, targets: result.targets, suppressedCells: result.suppressedCells,
                           readability: result.readability, duration: clock.now - start, strict: options.strict)
    }

    private struct RunResult {
        var targets: [TargetSummary] = []
        var suppressedCells = 0
        var readability: [PageReadability] = []
    }

    /// What the steps before rendering work out: the checked site and what renders it.
    struct LoadedSite {
        var config: SiteConfig
        var targets: [Target]
        /// Nil when a template has errors (reported; the content is still checked).
        var templates: TemplateSet?
        var localization: Localization
        var site: Site
        var searchTerms: SearchTermTable
        var suppressedCells: Int
        var readability: [PageReadability]
        /// The walk of the site's folders.
        var tree: SourceTree
        /// The theme's styles and scripts, from `templates/assets/`.
        var assets: [OutputFile]

        /// What renders one target of the site.
        func renderer(for target: Target, templates: TemplateSet, today: LocalDate) -> TargetRenderer {
            TargetRenderer(view: TargetView(site: site, target: target),
                           rendering: RenderContext(templates: templates, localization: localization, today: today),
                           searchTerms: searchTerms)
        }
    }

    /// Configuration, content and checks: everything up to rendering. Nil when the
    /// configuration is too broken to go on (the log says why).
    func load(log: inout DiagnosticLog, timer: inout StepTimer) -> LoadedSite? {
        let source = options.sourceDirectory
        let config = SiteConfig.load(sourceDirectory: source, log: &log)
        let tree = SourceTree(sourceDirectory: source, log: &log)
        PersonalDataCheck.scanInputs(tree, log: &log)
        // Templates are checked even when the content has errors, so one run reports both.
        let templates = TemplateSet.load(tree: tree, log: &log)
        guard let config else { return nil }
        let targets = selectTargets(config, log: &log)

        let files = tree.pageFiles
        guard let localization = Localization.load(languages: config.languages(including: ContentFileName.translationLanguages(of: files)), defaultLanguage: config.language, sourceDirectory: source, log: &log) else {
            return nil
        }
        timer.lap("configuration")
        var data = DataStore(sourceDirectory: source, tree: tree, minCell: config.minCell, log: &log)
        let loadedPages = ContentLoader(sourceDirectory: source, config: config).load(files: files, log: &log)
        timer.lap("content")
        // Chart and table blocks in each page's language.
        let pages = DataBlocks.draw(loadedPages, minCell: config.minCell, localization: localization, store: &data, log: &log)
        timer.lap("charts and tables")
        // The search terms need only the pages: counted beside the checks, whose serial
        // parts would leave a core idle.
        let counting = Background { templates == nil ? SearchTermTable() : SearchTermTable(pages: pages) }
        let site = Site(config: config, pages: pages, log: &log)
        let readability = SiteChecks.run(on: site, today: options.today, log: &log)
        timer.lap("checks")
        let searchTerms = counting.result()
        timer.lap("search terms")
        let slimSite = site.releasingProse()
        #if os(Linux)
        // Loading freed much (the pages' prose, each thread's parse buffers) in memory that
        // glibc keeps per thread; handing it back keeps the peak of rendering down.
        _ = malloc_trim(0)
        #endif
        return LoadedSite(config: config, targets: targets, templates: templates?.localized(with: localization), localization: localization, site: slimSite,
                          searchTerms: searchTerms, suppressedCells: data.suppressedCells, readability: readability,
                          tree: tree, assets: Generator.themeAssets(in: tree, log: &log))
    }

    private func run(log: inout DiagnosticLog, result: inout RunResult) {
        var timer = StepTimer()
        defer { timer.report() }
        guard let loaded = load(log: &log, timer: &timer) else { return }
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
            let renderers = targets.map { loaded.renderer(for: $0, templates: templates, today: options.today) }
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
                result.targets.append(TargetSummary(name: renderer.target.name, pages: renderer.view.pages.count, charts: renderer.view.pages.reduce(0) { $0 + $1.chartCount }))
            }
            timer.lap("render")
            let failed = log.hasErrors || (options.strict && log.warningCount > 0)
            if writing, !failed { try writer.commit() } else { writer.discard() }
            timer.lap("commit")
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

    private func selectTargets(_ config: SiteConfig, log: inout DiagnosticLog) -> [Target] {
        guard !options.targets.isEmpty else { return config.targets }
        let names = config.targets.map(\.name)
        for name in options.targets where !names.contains(name) {
            log.error(Suggestion.message("no target '\(name)' in site.yml", for: name, in: names), at: SourceLocation(path: SiteConfig.path))
        }
        return config.targets.filter { options.targets.contains($0.name) }
    }
}

/// How long each step of a build took, printed to standard error when the environment has
/// `SAMSYN_TIMINGS=1`: for profiling, not for users.
struct StepTimer {
    private let enabled = ProcessInfo.processInfo.environment["SAMSYN_TIMINGS"] == "1"
    private let clock = ContinuousClock()
    private var last = ContinuousClock.now
    private var lastCPU = StepTimer.cpuTime()
    private var laps: [(step: String, duration: Duration, cpu: Duration, memory: String)] = []

    mutating func lap(_ step: String) {
        guard enabled else { return }
        let now = clock.now
        let cpu = Self.cpuTime()
        laps.append((step, now - last, cpu - lastCPU, Self.memory()))
        last = now
        lastCPU = cpu
    }

    func report() {
        let milliseconds = Duration.UnitsFormatStyle.units(allowed: [.milliseconds])
        for lap in laps {
            FileHandle.standardError.write(Data("timing: \(lap.step) \(lap.duration.formatted(milliseconds)) (CPU \(lap.cpu.formatted(milliseconds))), \(lap.memory)\n".utf8))
        }
    }

    /// User and system time of every thread so far: with the wall time, how busy the cores were.
    private static func cpuTime() -> Duration {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func duration(_ time: timeval) -> Duration { .seconds(time.tv_sec) + .microseconds(time.tv_usec) }
        return duration(usage.ru_utime) + duration(usage.ru_stime)
    }

    /// Resident and peak resident memory, from Linux's /proc.
    private static func memory() -> String {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        return status.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }.joined(separator: ", ")
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (malloc.h, which the Glibc module does not bring in).
@_silgen_name("malloc_trim")
private func malloc_trim(_ pad: Int) -> Int32
#endif
