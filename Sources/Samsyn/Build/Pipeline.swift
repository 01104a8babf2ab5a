import Foundation
import SamsynSupport

/// The steps of a build, in order. Each takes what the steps before it made and hands on
/// its own product; all log to one `DiagnosticLog` and go on as far as they can, so one
/// run reports every error. `samsyn build` (`SiteBuilder`) and `samsyn serve` (`Preview`)
/// run the same steps; they differ only in the sink the render step writes to.
enum BuildStep: String, CaseIterable, Sendable {
    /// site.yml, the walk of content/ and templates/ and the scan of every input for
    /// personal identity numbers → `SiteConfig`, `SourceTree`, the targets built.
    case configuration
    /// Templates and the interface text of every language → `TemplateSet`, `Localization`.
    case templatesAndText = "templates and text"
    /// CSV files read and passed through disclosure control → `DataStore`.
    case data
    /// Pages read and parsed, their blocks left open → `[Page]`.
    case content
    /// Chart and table blocks drawn from the data, in each page's language → `[Page]`.
    case chartsAndTables = "charts and tables"
    /// Each indicator's values read from its data (CSV or Kolada) → `IndicatorValues` by id;
    /// each page's inline values (`` `=ID` ``) filled in from them → `[Page]`.
    case indicators
    /// The site model and its checks → `Site`, LIX per page.
    case checks
    /// Every page's search terms, once for all targets → `SearchTermTable`.
    case searchTerms = "search terms"
    /// Each report's PDF in each target that holds it (`ReportDocuments`, WeasyPrint), before
    /// the pages that link them → `ReportDocument`s by target and page.
    case documents
    /// Every target's pages and generated outputs, to a sink (`RenderPool`).
    case render
    /// The staging folders swapped in, or thrown away on errors (`OutputWriter`).
    case write
}

/// What the steps before rendering made: the checked site and what renders it.
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
    /// The CSV files and their sidecars' folder, from the walk: `samsyn serve` reads the
    /// data again for an edited page with blocks.
    var dataFiles: [(relative: String, file: SourceTree.File)]
    /// The theme's styles and scripts, from `templates/assets/`.
    var assets: [OutputFile]

    /// The site with one edited page in place of its old version (`Site.replacing`) and
    /// its search terms counted again; nil when the edit changes what other pages show.
    func replacing(_ page: Page) -> LoadedSite? {
        guard let site = site.replacing(page) else { return nil }
        var loaded = self
        loaded.site = site
        loaded.searchTerms.update(page)
        return loaded
    }

    /// What renders one target of the site.
    func renderer(for target: Target, templates: TemplateSet, today: LocalDate) -> TargetRenderer {
        TargetRenderer(view: TargetView(site: site, target: target),
                       rendering: RenderContext(templates: templates, localization: localization, today: today),
                       searchTerms: searchTerms)
    }
}

/// The steps up to rendering, over explicit inputs and outputs.
struct Pipeline {
    let options: BuildOptions

    /// Every step before rendering. Nil when the configuration is too broken to go on
    /// (the log says why).
    func load(log: inout DiagnosticLog, timer: inout StepTimer) -> LoadedSite? {
        guard let (config, tree, targets) = configuration(log: &log) else { return nil }
        timer.lap(.configuration)
        // Templates are checked even when the content has errors, so one run reports both.
        let templates = TemplateSet.load(tree: tree, log: &log)
        let files = tree.pageFiles
        let languages = config.languages(including: ContentFileName.translationLanguages(of: files))
        guard let localization = Localization.load(languages: languages, defaultLanguage: config.language,
                                                   sourceDirectory: options.sourceDirectory, log: &log)
        else { return nil }
        timer.lap(.templatesAndText)
        let dataFiles = tree.files(under: DataStore.folder)
        var data = DataStore(sourceDirectory: options.sourceDirectory, files: dataFiles, minCell: config.minCell, log: &log)
        timer.lap(.data)
        let loaded = ContentLoader(sourceDirectory: options.sourceDirectory, config: config).load(files: files, log: &log)
        timer.lap(.content)
        let drawn = DataBlocks.draw(loaded, minCell: config.minCell, localization: localization, store: &data, log: &log)
        timer.lap(.chartsAndTables)
        let indicators = Indicators.resolve(drawn, store: &data, files: dataFiles, log: &log)
        let pages = Indicators.fillInlineValues(drawn, site: drawn, indicators: indicators, localization: localization, log: &log)
        timer.lap(.indicators)
        // The search terms need only the pages: counted on another thread while the checks run.
        let counting = Background { templates == nil ? SearchTermTable() : SearchTermTable(pages: pages) }
        let site = Site(config: config, pages: pages, indicators: indicators, log: &log)
        let readability = SiteChecks.run(on: site, today: options.today, reservedFolders: Generator.reservedFolders, log: &log)
        timer.lap(.checks)
        let searchTerms = counting.result()
        timer.lap(.searchTerms)
        let slimSite = site.releasingProse()
        #if os(Linux)
        // Loading freed much (the pages' prose, each thread's parse buffers) in memory that
        // glibc keeps per thread; handing it back keeps the peak of rendering down.
        _ = malloc_trim(0)
        #endif
        return LoadedSite(config: config, targets: targets, templates: templates?.localized(with: localization), localization: localization,
                          site: slimSite, searchTerms: searchTerms, suppressedCells: data.suppressedCells, readability: readability,
                          dataFiles: dataFiles, assets: Generator.themeAssets(in: tree, log: &log))
    }

    /// site.yml, the walk of the site's folders with the scan of every input, and the
    /// targets asked for. The walk and the scan run even when site.yml is broken.
    private func configuration(log: inout DiagnosticLog) -> (SiteConfig, SourceTree, [Target])? {
        let config = SiteConfig.load(sourceDirectory: options.sourceDirectory, log: &log)
        let tree = SourceTree(sourceDirectory: options.sourceDirectory, log: &log)
        PersonalDataCheck.scanInputs(tree, log: &log)
        guard let config else { return nil }
        return (config, tree, selectTargets(config, log: &log))
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
    private var laps: [(step: BuildStep, duration: Duration, cpu: Duration, memory: String)] = []

    mutating func lap(_ step: BuildStep) {
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
            FileHandle.standardError.write(Data("timing: \(lap.step.rawValue) \(lap.duration.formatted(milliseconds)) (CPU \(lap.cpu.formatted(milliseconds))), \(lap.memory)\n".utf8))
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
