import ArgumentParser
import Foundation
import Samsyn

/// `samsyn init [DIR] --name "Hudiksvalls kommun"`: a new site to adapt, with every
/// placeholder the municipality must fill in marked (`SiteStarter`).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site: the default templates, site.yml with the municipality's name and starter pages to adapt."
    )

    @Argument(help: "The folder to create the site in (default: the current folder).")
    var folder: String = "."

    @Option(name: .long, help: "The municipality's name, such as \"Hudiksvalls kommun\".")
    var name: String

    @Flag(name: .long, help: "Write into a folder that is not empty, without replacing any file that exists.")
    var force = false

    @Option(name: .long, help: "The language of the messages: sv or en (default: from the locale, LANG).")
    var lang: MessageLanguage?

    func run() throws {
        let language = lang ?? .from()
        let target = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        let starter: SiteStarter
        switch SiteStarter.locate() {
        case .success(let found): starter = found
        case .failure(let failure):
            printError(failure.description, language)
            throw ContentFailure()
        }
        do {
            let written = try starter.create(in: target, name: name, today: .today(), force: force)
            let shown = folder == "." ? "" : " --source \(folder)"
            print([
                say("Created \(written.count) files in \(target.path) for \(name).", language),
                say("Next:", language),
                say("  1. Fill in everything marked [FYLL I: …] and the two base_url addresses in content/site.yml.", language),
                say("  2. Preview:  samsyn serve\(shown)", language),
                say("  3. Check:    samsyn check\(shown)   (lists what is still to fill in)", language),
                say("  4. Publish:  samsyn build --strict\(shown)   (refuses while a placeholder is left)", language),
            ].joined(separator: "\n"))
        } catch .emptyName {
            throw ValidationError(say(SiteStarter.Failure.emptyName.description, language))
        } catch {
            printError(error.description, language)
            throw ContentFailure()
        }
    }
}
