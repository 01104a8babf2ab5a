import Foundation
import Testing
@testable import SamsynMarkdown

@Suite struct ConformanceTests {
    @Test func examplesAreFound() throws {
        let examples = try SpecExample.all()
        #expect(examples.count == 673 + 28 + 19)
    }

    @Test func rawModeMatchesDebiansCmarkGFMOnEveryExample() throws {
        try #require(ReferenceCMark.executable != nil, "install Debian's cmark-gfm package")
        var mismatches: [String] = []
        for example in try SpecExample.all() {
            // Debian's command has no footnotes switch, so both run without footnotes here.
            let ours = Markdown.renderPlain(example.markdown, extensions: example.extensions, allowRawHTML: true)
            let reference = try ReferenceCMark.render(example.markdown, extensions: example.extensions)
            if ours != reference { mismatches.append(example.description) }
        }
        #expect(mismatches.isEmpty, "differs from cmark-gfm: \(mismatches)")
    }

    @Test func rawModeMeetsTheSpecWhereDebiansVersionDoes() throws {
        // Debian's 0.29.0.gfm.6 is older than the spec files: README says it passes
        // 671 + 26 + 17 examples. The wrapper must not do worse.
        let failed = try SpecExample.all().filter {
            Markdown.renderPlain($0.markdown, extensions: $0.extensions, allowRawHTML: true, footnotes: $0.footnotes) != $0.expectedHTML
        }
        #expect(failed.count <= 2 + 2 + 2, "\(failed)")
    }

    /// A document prepared once and filled in per target must give what rendering it with
    /// the same link decisions gives, on every spec example: links kept, pointed elsewhere
    /// and made plain text, in turn, so that their order counts too.
    @Test func preparedHTMLMatchesRenderingOnEveryExample() throws {
        var mismatches: [String] = []
        for example in try SpecExample.all() {
            let decisions: [LinkResolution] = [.keep, .replace(with: "../a b/ö&'.html#x"), .plainText]
            var ordinal = 0
            let rendered = Markdown.render(example.markdown, resolveLink: { _ in
                defer { ordinal += 1 }
                return decisions[ordinal % 3]
            }).html
            let prepared = Markdown.prepare(example.markdown, reservedIDs: [], layout: { _ in ([], nil) }, isOwnBlock: { _ in false })
            let links = (0..<prepared.html.linkCount).map { decisions[$0 % 3] }
            #expect(prepared.html.linkCount == prepared.outline.links.count)
            if prepared.html.html(links: links, blocks: [:]) != rendered { mismatches.append(example.description) }
        }
        #expect(mismatches.isEmpty, "prepared HTML differs from rendering: \(mismatches)")
    }

    @Test func samsynSettingsLetNoScriptOrJavascriptLinkThrough() throws {
        var leaks: [String] = []
        for example in try SpecExample.all() {
            // The reference rendering and the prepared one pages are made from, links kept.
            let prepared = Markdown.prepare(example.markdown, reservedIDs: [], layout: { _ in ([], nil) }, isOwnBlock: { _ in false }).html
            for html in [Markdown.render(example.markdown).html, prepared.html(links: [], blocks: [:])].map({ $0.lowercased() })
            where UnsafeMarkupDetector.findings(in: html).isEmpty == false {
                leaks.append("\(example): \(UnsafeMarkupDetector.findings(in: html))")
            }
        }
        #expect(leaks.isEmpty, "\(leaks)")
    }

    @Test func detectorFindsWhatItLooksFor() {
        // The safety test above is only as good as this detector.
        #expect(!UnsafeMarkupDetector.findings(in: "<p><script>alert(1)</script></p>").isEmpty)
        #expect(!UnsafeMarkupDetector.findings(in: #"<a href="javascript:alert(1)">x</a>"#).isEmpty)
        #expect(!UnsafeMarkupDetector.findings(in: #"<img src="JaVaScRiPt:alert(1)">"#.lowercased()).isEmpty)
        #expect(!UnsafeMarkupDetector.findings(in: #"<a onclick="x()">x</a>"#).isEmpty)
        #expect(UnsafeMarkupDetector.findings(in: "<p>&lt;script&gt; javascript: is text</p>").isEmpty)
    }
}

/// Active content in rendered HTML: script elements, script URLs in attributes, event handlers.
enum UnsafeMarkupDetector {
    static let patterns = [
        #"<script"#,
        #"(href|src)\s*=\s*"?\s*(javascript|vbscript|data:text/html)"#,
        #"<[a-z][^>]*\son[a-z]+\s*="#,
        #"<(iframe|object|embed|style)"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    static func findings(in html: String) -> [String] {
        patterns.compactMap { pattern in
            pattern.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
                String(html[Range(match.range, in: html)!])
            }
        }
    }
}
