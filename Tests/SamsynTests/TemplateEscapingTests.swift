import Mustache
import Testing
@testable import Samsyn

@Suite struct TemplateEscapingTests {
    @Test func escapesAsSwiftMustacheDoes() throws {
        let text = #"<a href="x">Tom & Jerry's</a> – åäö «»"#
        #expect(TemplateSet.HTMLEscaping.escape(text) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; – åäö «»")
        #expect(TemplateSet.HTMLEscaping.escape("inget att ändra") == "inget att ändra")
        // The same result through swift-mustache's own HTML content type (no pragma).
        let plain = try MustacheTemplate(string: "{{value}}")
        #expect(plain.render(["value": text]) == TemplateSet.HTMLEscaping.escape(text))
    }
}
