import ArgumentParser
import Foundation
import Samsyn

/// `samsyn`: the commands only parse their options and hand over to the Samsyn library.
@main
struct SamsynCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samsyn",
        abstract: "Builds the school-attendance sites of a municipality from Markdown and CSV.",
        version: SamsynVersion.current,
        subcommands: [InitCommand.self, BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, KoladaCommand.self]
    )

    /// Exit status per DESIGN.md: 0 success, 1 the content has errors, 2 the command was used wrongly.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let failure as ContentFailure {
            _ = failure
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// The content has errors; they have been printed.
struct ContentFailure: Error {}

struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder, holding content/ and templates/.")
    var source: String = "."

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: "The language of the messages: sv or en (default: from the locale, LANG).")
    var lang: MessageLanguage?

    var sourceURL: URL { URL(fileURLWithPath: source, isDirectory: true).standardizedFileURL }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build every target into the output folder.")

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: "Where the targets are written, one folder each.")
    var output: String = "public"

    @Option(name: .long, help: "Build only this target (repeatable).")
    var target: [String] = []

    @Flag(name: .customLong("no-pdf"), help: "Make no PDF of the reports (site.yml's 'pdf: false' does the same).")
    var noPDF = false

    func run() throws {
        let outputURL = URL(fileURLWithPath: output, isDirectory: true, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        let options = BuildOptions(sourceDirectory: sourceOptions.sourceURL, outputDirectory: outputURL, targets: target, strict: sourceOptions.strict,
                                   reportPDFs: !noPDF)
        try finish(SiteBuilder(options: options).build(releasingMemory: false), verb: .built, outputPath: output,
                   language: sourceOptions.lang ?? .from())
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Run every check and write nothing.")

    @OptionGroup var sourceOptions: SourceOptions

    func run() throws {
        let options = BuildOptions(sourceDirectory: sourceOptions.sourceURL, outputDirectory: sourceOptions.sourceURL, strict: sourceOptions.strict, writeOutput: false)
        try finish(SiteBuilder(options: options).build(releasingMemory: false), verb: .checked, outputPath: nil,
                   language: sourceOptions.lang ?? .from())
    }
}

/// Prints the diagnostics and the summary; throws if the build failed.
func finish(_ report: BuildReport, verb: Summary.Verb, outputPath: String?, language: MessageLanguage) throws {
    // A few large writes, not one per line: a large site may have tens of thousands of warnings.
    var text = ""
    for diagnostic in report.diagnostics {
        text += diagnostic.text(in: language) + "\n"
        if text.utf8.count > 1 << 16 {
            FileHandle.standardError.write(Data(text.utf8))
            text = ""
        }
    }
    FileHandle.standardError.write(Data(text.utf8))
    if let readability = Summary.readability(report, language: language) { print(readability) }
    print(Summary.text(for: report, verb: verb, outputPath: outputPath, language: language))
    if !report.succeeded { throw ContentFailure() }
}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a page of a kind (routine, role, intervention, page, report) with today's date."
    )

    @Argument(help: "routine (rutin), role (roll), intervention (insats), page (sida) or report (rapport).")
    var kind: String

    @Argument(help: "The page's title; its file name is made from it.")
    var title: String

    @Option(name: .long, help: "The site folder, holding content/.")
    var source: String = "."

    @Option(name: .long, help: "The language of the messages: sv or en (default: from the locale, LANG).")
    var lang: MessageLanguage?

    func run() throws {
        let language = lang ?? .from()
        do {
            let path = try NewPage(sourceDirectory: URL(fileURLWithPath: source, isDirectory: true)).create(kind: kind, title: title)
            print(path)
        } catch NewPage.Failure.exists(let id, let path) {
            printError(NewPage.Failure.exists(id: id, path: path).description, language)
            throw ContentFailure()
        } catch let failure as NewPage.Failure {
            // An unknown kind or an empty title is the command used wrongly: exit status 2.
            throw ValidationError(say(failure.description, language))
        }
    }
}

extension MessageLanguage: ExpressibleByArgument {}
