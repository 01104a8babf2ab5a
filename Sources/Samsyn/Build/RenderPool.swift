import SamsynSupport
import Foundation

/// Every output of every target as one pool of jobs on every core, each job handing its
/// files to a sink at once: the staging folders of a build (`SiteBuilder`) or the memory
/// of `samsyn serve` (`Preview`), which thus render alike. Every file rendered passes the
/// check for personal identity numbers on its way to the sink (the theme's assets are
/// copied as they are, and were checked as input files).
enum RenderPool {
    /// Takes a job's files for a target; called from many threads at once.
    typealias Sink = @Sendable ([OutputFile], Target) throws -> Void

    /// Runs the jobs: the search indexes first and one after the other (the slowest jobs,
    /// and only one in memory at a time), then the generated pages, then the pages a few at
    /// a time, each rendered for every target that holds it; last the theme's assets.
    /// Returns what the jobs logged and the first error a sink threw.
    /// - Parameter generatedOutputs: false for `samsyn serve`'s one edited page, which
    ///   changes no generated output but the search index, made when asked for.
    static func run(_ renderers: [TargetRenderer], pages: [Page], assets: [OutputFile], generatedOutputs: Bool = true, pagesPerJob: Int = 32,
                    sink: @escaping Sink) -> (log: DiagnosticLog, error: (any Error)?) {
        let deliver: @Sendable ([OutputFile], Target, inout DiagnosticLog) throws -> Void = { files, target, log in
            PersonalDataCheck.scanOutput(files, target: target.name, log: &log)
            try sink(files, target)
        }
        var jobs: [@Sendable (inout DiagnosticLog) throws -> Void] = []
        if generatedOutputs {
            jobs.append { log in
                for renderer in renderers { try deliver(renderer.searchIndexJob.run(&log), renderer.target, &log) }
            }
            for renderer in renderers {
                jobs += renderer.generatedJobs().map { job in { log in try deliver(job.run(&log), renderer.target, &log) } }
            }
        }
        for start in stride(from: 0, to: pages.count, by: pagesPerJob) {
            let slice = pages[start..<min(start + pagesPerJob, pages.count)]
            jobs.append { log in
                for (files, renderer) in zip(TargetRenderer.renderPages(slice, in: renderers, log: &log), renderers) {
                    try deliver(files, renderer.target, &log)
                }
            }
        }
        if !assets.isEmpty {
            jobs.append { _ in
                for renderer in renderers { try sink(assets, renderer.target) }
            }
        }
        let outcomes = Parallel.map(jobs.count) { index -> (log: DiagnosticLog, error: (any Error)?) in
            var jobLog = DiagnosticLog()
            do {
                try jobs[index](&jobLog)
                return (jobLog, nil)
            } catch {
                return (jobLog, error)
            }
        }
        var log = DiagnosticLog()
        for outcome in outcomes { log.append(contentsOf: outcome.log) }
        return (log, outcomes.lazy.compactMap(\.error).first)
    }
}
