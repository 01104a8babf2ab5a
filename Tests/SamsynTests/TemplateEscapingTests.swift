import Foundation
import Mustache
import Testing
@testable import Samsyn

@Suite struct TemplateEscapingTests {
    @Test func escapesAsSwiftMustacheDoes() throws {
        let text = #"<a href="x">Tom & Jerry's</a> – åäö «»"#
        #expect(TemplateSet.HTMLEscaping.escape(text) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; – åäö «»")
        #expect(TemplateSet.HTMLEscaping.escape("inget att ändra") == "inget att ändra")
        // A combining mark does not hide a '<' from the escaping (HTML's parser sees the '<').
        #expect(TemplateSet.HTMLEscaping.escape("a<\u{338}b") == "a&lt;\u{338}b")
        // The same result through swift-mustache's own HTML content type (no pragma).
        let plain = try MustacheTemplate(string: "{{value}}")
        #expect(plain.render(["value": text]) == TemplateSet.HTMLEscaping.escape(text))
    }
}

@Suite struct LocalizedTemplateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func interfaceTextIsWrittenIntoTheTemplatesOfEachLanguage() throws {
        var log = DiagnosticLog()
        let localization = try #require(Localization.load(languages: ["sv", "en"], defaultLanguage: "sv", sourceDirectory: Self.root, log: &log))
        let english = localization.strings(for: "en")
        let text = "<p>{{t.home}}|{{{t.home}}}|{{& t.home }}|{{t.section.rutiner}}|{{t.no_such_key}}|{{title}}</p>"
        #expect(TemplateSet.writingOut(english, in: text)
            == "<p>\(TemplateSet.HTMLEscaping.escape(english["home"]))|\(english["home"])|\(english["home"])|{{t.section.rutiner}}|{{t.no_such_key}}|{{title}}</p>")
    }

    @Test func aLocalizedTemplateRendersAsTheContextsInterfaceTextWould() throws {
        var log = DiagnosticLog()
        let localization = try #require(Localization.load(languages: ["sv", "en"], defaultLanguage: "sv", sourceDirectory: Self.root, log: &log))
        let templates = try #require(TemplateSet.load(tree: SourceTree(sourceDirectory: Self.root, log: &log), log: &log))
        let localized = templates.localized(with: localization)
        for language in ["sv", "en"] {
            let t = localization.strings(for: language)
            let context: [String: Any] = ["lang": language, "t": t.context, "title": "Sök", "nav": [[String: Any]](), "site": ["title": "S"],
                                          "root": "./", "homeHref": "./", "searchHref": "sok/"]
            #expect(localized.render(context, with: "partials/header") == templates.render(context, with: "partials/header"))
            // Written into the template itself: found even with no `t` on the context.
            var withoutText = context
            withoutText["t"] = nil
            #expect(localized.render(withoutText, with: "partials/header").contains(t["search_label"]))
        }
    }
}
