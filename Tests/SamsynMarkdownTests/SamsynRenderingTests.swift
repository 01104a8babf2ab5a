import Foundation
import Testing
@testable import SamsynMarkdown

@Suite struct SamsynRenderingTests {
    /// A page prepared once gives what rendering it gives, with its own blocks, step
    /// anchors, reserved heading ids and a link resolved differently in two targets.
    @Test func preparedPageMatchesRenderingWithBlocksStepsAndLinks() {
        let markdown = """
        # Figur 1

        Se [rektor](../roller/rektor.md "Rektorns roll") och [Skolverket](https://www.skolverket.se/).

        ```chart
        type: bar
        ```

        ## Arbetsgång

        1. Ring [kuratorn](../roller/kurator.md).
        2. Skriv ner det.

        ```table
        data: x
        ```

        Text efter.
        """
        let reserved: Set<String> = ["figur-1", "steg-1", "steg-2"]
        let steps = StepAnchors(listIndex: 0, prefix: "steg-")
        let blocks = [5: "<figure>diagram</figure>\n", 14: "<table>utan radbrytning</table>"]
        let prepared = Markdown.prepare(markdown, reservedIDs: [], layout: { _ in (reserved, steps) }, isOwnBlock: { ["chart", "table"].contains($0.info) })
        #expect(prepared.outline.headings.map(\.id) == ["figur-1-2", "arbetsgang"])
        for links in [[LinkResolution.replace(with: "../../roller/rektor/"), .keep, .plainText], [.plainText, .keep, .replace(with: "../k/")]] {
            var ordinal = 0
            let rendered = Markdown.render(markdown, reservedIDs: reserved, stepAnchors: steps, resolveLink: { _ in
                defer { ordinal += 1 }
                return links[ordinal]
            }, renderBlock: { blocks[$0.position.line] }).html
            #expect(prepared.html.html(links: links, blocks: blocks) == rendered)
        }
    }

    @Test func headingIDsFoldSwedishLettersAndStayUnique() {
        let rendered = Markdown.render("# Åtgärder vid frånvaro\n\n## Steg\n\n## Steg\n\n## Ärende – **Öppet** nu!\n")
        #expect(rendered.outline.headings.map(\.id) == ["atgarder-vid-franvaro", "steg", "steg-2", "arende-oppet-nu"])
        #expect(rendered.html.contains(#"<h1 id="atgarder-vid-franvaro">Åtgärder vid frånvaro</h1>"#))
        #expect(rendered.html.contains(#"<h2 id="arende-oppet-nu">Ärende – <strong>Öppet</strong> nu!</h2>"#))
    }

    /// The fast path (Swedish letters on bytes) and the general one (Foundation's folding)
    /// give one id for one letter, whichever path the rest of the heading takes.
    @Test func headingIDsAreTheSameOnTheFastAndTheGeneralPath() {
        for (fast, general) in [("Åtgärd för Øystein", "Åtgärd för Øystein ß"), ("Ärende Ü é", "Ärende Ü é ß"), ("Ìí ô", "Ìí ô ß")] {
            #expect(HeadingSlugger.slug(fast) + "-ss" == HeadingSlugger.slug(general))
        }
        #expect(HeadingSlugger.slug("Åtgärd för Øystein") == "atgard-for-oystein")
    }

    @Test func headingsAvoidIDsThePageUsesElsewhere() {
        let markdown = "## Innehåll\n\n## Figur 1\n\n1. [Steg](a.md)\n"
        let rendered = Markdown.render(markdown, reservedIDs: ["innehall", "figur-1"])
        #expect(rendered.outline.headings.map(\.id) == ["innehall-2", "figur-1-2"])
        // Reserving ids after the parse gives what reserving them in the parse gives.
        let later = Markdown.outline(of: markdown).reserving(["innehall", "figur-1"])
        #expect(later.headings == Markdown.outline(of: markdown, reservedIDs: ["innehall", "figur-1"]).headings)
        #expect(later.orderedLists.first?.heading?.id == "figur-1-2")
    }

    @Test func headingWithoutLatinLettersGetsAFallbackID() {
        let rendered = Markdown.render("## الغياب\n\n## الغياب\n")
        #expect(rendered.outline.headings.map(\.id) == ["avsnitt", "avsnitt-2"])
    }

    @Test func authorHTMLIsNotPassedThrough() {
        let html = Markdown.render("<div onclick=\"x()\">hej</div>\n\nText <b>fet</b>\n").html
        #expect(!html.contains("<div"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func javascriptLinksLoseTheirDestination() {
        let html = Markdown.render("[klicka](javascript:alert(1))\n").html
        #expect(html.contains(#"<a href="">klicka</a>"#))
    }

    @Test func gfmExtensionsAreOn() {
        let html = Markdown.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~bort~~ www.example.se\n\n- [x] klart\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>bort</del>"))
        #expect(html.contains(#"<a href="http://www.example.se">"#))
        #expect(html.contains(#"<li><span class="task-box" aria-hidden="true"></span> klart</li>"#) == false)
        #expect(html.contains(#"<li><span class="task-box task-done">✓</span> klart</li>"#))
        #expect(!html.contains("<input"), "no form control without a label")
    }

    @Test func tagfilterWorksWhenRawHTMLIsAllowed() {
        // tagfilter only acts if the parser's extension list reaches the renderer.
        let html = Markdown.renderPlain("<title>x</title>\n", extensions: GFMExtension.allCases, allowRawHTML: true)
        #expect(html.contains("&lt;title>"))
    }

    @Test func linksAreRewrittenOrUnwrapped() {
        let markdown = "Se [rektor](../roller/rektor.md) och [intern](../roller/hemlig.md#a) och [extern](https://skolverket.se).\n"
        let rendered = Markdown.render(markdown) { link in
            switch link.destination {
            case "../roller/rektor.md": return .replace(with: "../../roller/rektor/")
            case "../roller/hemlig.md#a": return .plainText
            default: return .keep
            }
        }
        #expect(rendered.html == #"<p>Se <a href="../../roller/rektor/">rektor</a> och intern och <a href="https://skolverket.se">extern</a>.</p>"# + "\n")
        #expect(rendered.outline.links.map(\.position) == [
            SourcePosition(line: 1, column: 4), SourcePosition(line: 1, column: 38), SourcePosition(line: 1, column: 74),
        ])
    }

    @Test func columnsCountCharactersNotBytes() {
        let outline = Markdown.outline(of: "Intro\n\nrad två [å](z.md) och [ä](w.md)\n")
        #expect(outline.links.map(\.position) == [SourcePosition(line: 3, column: 9), SourcePosition(line: 3, column: 23)])
    }

    @Test func linksInsideHeadingsAreRewrittenToo() {
        let rendered = Markdown.render("## Kontakta [kurator](kurator.md)\n") { _ in .replace(with: "../kurator/") }
        #expect(rendered.html == #"<h2 id="kontakta-kurator">Kontakta <a href="../kurator/">kurator</a></h2>"# + "\n")
    }

    @Test func fencedBlocksCanBecomeCustomHTMLThatSurvivesSafeMode() {
        let markdown = "Före\n\n```chart\ntype: bar\n```\n\n```swift\nlet x = 1\n```\n"
        let rendered = Markdown.render(markdown, renderBlock: { block in
            block.info == "chart" ? "<figure><svg role=\"img\"></svg></figure>" : nil
        })
        #expect(rendered.html.contains("<figure><svg role=\"img\"></svg></figure>"))
        #expect(rendered.html.contains(#"<code class="language-swift">"#))
        #expect(rendered.outline.fencedBlocks.first == FencedBlock(info: "chart", body: "type: bar\n", position: SourcePosition(line: 3, column: 1)))
    }

    @Test func outlineMatchesRender() {
        let markdown = "# A\n\n[x](y.md)\n\n## A\n"
        let outline = Markdown.outline(of: markdown)
        #expect(outline.headings.map(\.id) == ["a", "a-2"])
        #expect(outline.links.map(\.destination) == ["y.md"])
    }

    @Test func parsesGiveTheSameResultFromManyThreadsAtOnce() {
        // cmark-gfm shares a table of special characters between all parsers; without the
        // wrapper's lock, a parse that finishes clears '~' under one still parsing.
        let markdown = String(repeating: "Text ~~bort~~ och www.example.se och *betoning* i en lång rad.\n\n", count: 300)
        let expected = Markdown.render(markdown).html
        let mismatches = Counter()
        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            if Markdown.render(markdown).html != expected { mismatches.increment() }
        }
        #expect(mismatches.value == 0)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
