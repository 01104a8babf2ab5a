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

    func run() throws {
        let target = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        let starter: SiteStarter
        switch SiteStarter.locate() {
        case .success(let found): starter = found
        case .failure(let failure):
            FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
            throw ContentFailure()
        }
        do {
            let written = try starter.create(in: target, name: name, today: .today(), force: force)
            let shown = folder == "." ? "" : " --source \(folder)"
            print("""
                Created \(written.count) files in \(target.path) for \(name).
                Next:
                  1. Fill in everything marked [FYLL I: …] and the two base_url addresses in content/site.yml.
                  2. Preview:  samsyn serve\(shown)
                  3. Check:    samsyn check\(shown)   (lists what is still to fill in)
                  4. Publish:  samsyn build --strict\(shown)   (refuses while a placeholder is left)
                """)
        } catch .emptyName {
            throw ValidationError(SiteStarter.Failure.emptyName.description)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ContentFailure()
        }
    }
}
