import Foundation
import SamsynData

/// `samsyn serve`'s site: one target built into memory and kept up to date as files change.
///
/// An edit to a page's body (front matter, headings and steps unchanged, so no other page
/// shows anything different) re-renders that page alone; any other change builds the target
/// again. A change with errors leaves the last good site served and keeps the errors for
/// the browser to show.
public final class Preview: @unchecked Sendable {
    /// What the latest change led to.
    public struct Update: Sendable {
        public enum Kind: Sendable { case page, full }
        public var kind: Kind
        /// Errors and warnings of the change; with errors the previous site is still served.
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool
        public var duration: Duration
        /// Counts the successful updates: the reload events.
        public var version: Int
    }

    public let options: BuildOptions
    /// The target served; nil until the first build finds the configuration.
    public private(set) var targetName: String?
    // Everything below is read and written under `lock`.
    private let lock = NSLock()
    private var files: [String: Data] = [:]
    private var loaded: LoadedSite?
    private var renderer: TargetRenderer?
    private var searchIsStale = false
    private var latest: Update?

    /// - Parameter options: the source, the date and `targets` (at most one; empty means
    ///   the first target of site.yml).
    public init(options: BuildOptions) {
        self.options = options
    }

    /// The served file at a path relative to the target's root (`rutiner/x/index.html`).
    public func file(at path: String) -> Data? {
        lock.withLock {
            if path.hasPrefix(TargetRenderer.searchIndexFolder), searchIsStale, let renderer {
                // Left until asked for: a one-page edit should not wait for the whole index.
                for file in renderer.searchFiles() { files[file.path] = file.contents }
                searchIsStale = false
            }
            return files[path]
        }
    }

    /// The outcome of the latest build or update.
    public var latestUpdate: Update? { lock.withLock { latest } }

    /// Builds the whole target.
    @discardableResult
    public func rebuild() -> Update {
        lock.withLock { rebuildLocked(start: ContinuousClock.now) }
    }

    /// Brings the site up to date after the files at `paths` (relative to the source
    /// folder) changed.
    @discardableResult
    public func update(changed paths: Set<String>) -> Update {
        lock.withLock {
            let start = ContinuousClock.now
            if paths.count == 1, let path = paths.first, let update = updatePage(at: path, start: start) {
                return update
            }
            return rebuildLocked(start: start)
        }
    }

    private func rebuildLocked(start: ContinuousClock.Instant) -> Update {
        var log = DiagnosticLog()
        var timer = StepTimer()
        var rendered: [String: Data] = [:]
        var renderer: TargetRenderer?
        let loaded = Pipeline(options: options).load(log: &log, timer: &timer)
        if let loaded, let templates = loaded.templates {
            if let target = loaded.targets.first {
                targetName = target.name
                let targetRenderer = loaded.renderer(for: target, templates: templates, today: options.today)
                let collected = Collected()
                let (renderLog, _) = RenderPool.run([targetRenderer], pages: targetRenderer.view.pages, assets: loaded.assets) { files, _ in
                    collected.add(files)
                }
                log.append(contentsOf: renderLog)
                rendered = collected.files
                renderer = targetRenderer
            } else if !log.hasErrors {
                // An unknown --target has been reported already.
                log.error("site.yml has no target to serve", at: SourceLocation(path: SiteConfig.path))
            }
        }
        let succeeded = !log.hasErrors && renderer != nil
        if succeeded {
            files = rendered
            self.loaded = loaded
            self.renderer = renderer
            searchIsStale = false
        }
        return finish(.full, log: log, succeeded: succeeded, start: start)
    }

    /// The page-by-page path; nil when the change needs the whole target built again.
    private func updatePage(at path: String, start: ContinuousClock.Instant) -> Update? {
        let file = String(path.dropFirst("content/".count))
        guard path.hasPrefix("content/"), path.hasSuffix(".md"), let loaded, let renderer,
              loaded.site.page(contentPath: file) != nil,
              FileManager.default.fileExists(atPath: options.sourceDirectory.appendingPathComponent(path).path)
        else { return nil }
        var log = DiagnosticLog()
        let loader = ContentLoader(sourceDirectory: options.sourceDirectory, config: loaded.config)
        guard var page = loader.reload(file: file, originals: loaded.site.page(contentPath:), log: &log) else {
            // The page no longer loads: its errors are reported as for a full build.
            return log.hasErrors ? finish(.page, log: log, succeeded: false, start: start) : nil
        }
        // The data store is read again only for a page with chart or table blocks.
        if DataBlocks.hasBlocks(page) {
            var data = DataStore(sourceDirectory: options.sourceDirectory, files: loaded.dataFiles, minCell: loaded.config.minCell, log: &log)
            page = DataBlocks.draw([page], minCell: loaded.config.minCell, localization: loaded.localization, store: &data, log: &log)[0]
        }
        page = Indicators.fillInlineValues([page], site: loaded.site.pages, indicators: loaded.site.indicators,
                                           localization: loaded.localization, log: &log)[0]
        // Nil when the edit changes what other pages show of it: then the target is built again.
        guard let edited = loaded.replacing(page) else { return nil }
        SiteChecks.links(of: page, in: edited.site, log: &log)
        SiteChecks.followUpBlocks(of: page, log: &log)
        SiteChecks.inlineValueAudiences(of: [page], in: edited.site, log: &log)
        if page.language == loaded.config.language {
            SiteChecks.check(Readability.of(text: page.readableText), of: page, in: edited.site, log: &log)
        }
        guard !log.hasErrors else { return finish(.page, log: log, succeeded: false, start: start) }
        let updated = renderer.replacing(page, in: edited.site, searchTerms: edited.searchTerms)
        // The page alone, through the same jobs and checks as a full build.
        let collected = Collected()
        let (renderLog, _) = RenderPool.run([updated], pages: [page], assets: [], generatedOutputs: false) { files, _ in collected.add(files) }
        log.append(contentsOf: renderLog)
        guard !log.hasErrors else { return finish(.page, log: log, succeeded: false, start: start) }
        if !collected.files.isEmpty {
            files.merge(collected.files) { _, new in new }
            searchIsStale = true
        }
        self.loaded = edited
        self.renderer = updated
        return finish(.page, log: log, succeeded: true, start: start)
    }

    private func finish(_ kind: Update.Kind, log: DiagnosticLog, succeeded: Bool, start: ContinuousClock.Instant) -> Update {
        let version = (latest?.version ?? 0) + (succeeded ? 1 : 0)
        let update = Update(kind: kind, diagnostics: log.sorted, succeeded: succeeded, duration: ContinuousClock.now - start, version: version)
        latest = update
        return update
    }
}

/// The files of a target rendered into memory, from the jobs of `RenderPool` on every core.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files: [String: Data] = [:]

    func add(_ output: [OutputFile]) {
        lock.withLock { for file in output { files[file.path] = file.contents } }
    }
}
