import Foundation
import SamsynSupport

/// The documents step: every report's PDF in every target that holds the report, made
/// before the pages so that each report's page can link its PDF with size and page count.
/// The document is the report's body as that target renders it (the same withheld values,
/// the same links), in `report-document.mustache` with `assets/report-print.css`.
enum ReportDocuments {
    /// Where the print stylesheet is among the theme's assets.
    static let stylesheetPath = "assets/report-print.css"

    /// Each target's documents by page id. A missing engine is a warning and no PDF is
    /// made; an engine that fails on a report is an error at the report.
    static func make(_ renderers: [TargetRenderer], assets: [OutputFile], findEngine: () -> Result<PDFEngine, PDFEngine.EngineMissing>,
                     cache: DocumentCache?, modified: LocalDate?, log: inout DiagnosticLog) -> [[String: ReportDocument]] {
        let jobs = renderers.indices.flatMap { index in
            renderers[index].view.pages.filter { $0.kind == .report }.map { (renderer: index, page: $0) }
        }
        var documents = Array(repeating: [String: ReportDocument](), count: renderers.count)
        guard !jobs.isEmpty else { return documents }
        let engine: PDFEngine
        switch findEngine() {
        case .success(let found): engine = found
        case .failure(let missing):
            log.warning(missing.message + "; the reports are built without PDFs", at: SourceLocation(path: jobs[0].page.sourcePath))
            return documents
        }
        let stylesheet = assets.first { $0.path == stylesheetPath }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
        if stylesheet.isEmpty {
            log.warning("templates/\(stylesheetPath) is missing: the reports' PDFs are laid out without their print styles",
                        at: SourceLocation(path: "templates/" + stylesheetPath))
        }
        let made = Parallel.map(jobs.count) { index -> (ReportDocument?, DiagnosticLog, PDFEngine.Failure?) in
            let (renderer, page) = (renderers[jobs[index].renderer], jobs[index].page)
            var log = DiagnosticLog()
            // The link warnings were given for the page itself.
            var ignored = DiagnosticLog()
            let body = renderer.renderBody(of: page, links: renderer.linkResolutions(of: page, log: &ignored))
            let html = renderer.documentHTML(for: page, body: body, stylesheet: stylesheet, modified: modified)
            // What goes into the PDF is checked as every built file is: its text is compressed there.
            var file = OutputFile(path: TargetRenderer.documentPath(of: page), contents: Data(html.utf8))
            file.source = page.sourcePath
            PersonalDataCheck.scanOutput([file], target: renderer.target.name, log: &log)
            switch engine.pdf(of: html, cache: cache) {
            case .success(let pdf):
                return (ReportDocument(path: file.path, contents: pdf.contents, pages: pdf.pages), log, nil)
            case .failure(let failure) where failure.cannotLoad:
                return (nil, log, failure)
            case .failure(let failure):
                log.error("the PDF of this report could not be made in the target '\(renderer.target.name)': the engine \(failure.message)",
                          at: SourceLocation(path: page.sourcePath))
                return (nil, log, nil)
            }
        }
        if let broken = made.lazy.compactMap(\.2).first {
            log.warning("the PDF engine WeasyPrint is installed but \(broken.message); \(PDFEngine.installHint); "
                        + "the reports are built without PDFs", at: SourceLocation(path: jobs[0].page.sourcePath))
            return documents
        }
        for (job, result) in zip(jobs, made) {
            log.append(contentsOf: result.1)
            if let document = result.0 { documents[job.renderer][job.page.id] = document }
        }
        return documents
    }
}
