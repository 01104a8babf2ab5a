import ArgumentParser
import AsyncHTTPClient
import Foundation
import Samsyn
import NIOCore

/// `samsyn kolada`: downloads Kolada's data for some KPIs into content/data/, as Kolada's
/// API v2 returns it, where an indicator reads it (`data: kolada-n15419.json`). All the
/// files are downloaded before any is written: an error writes nothing.
struct KoladaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kolada",
        abstract: "Download Kolada data for KPIs into content/data/ (kolada-<kpi>.json, with the KPI's description beside it)."
    )

    @Argument(help: "KPI ids, such as N15419.")
    var kpis: [String]

    @Option(help: "The municipality or group id, such as 0581 (Norrköping).")
    var municipality: String

    @Option(help: "A municipality or group to show beside it (repeatable), such as 0000 (the whole country).")
    var compare: [String] = []

    @Option(help: "The years, FROM-TO, such as 2015-2024; all years when left out.")
    var years: String?

    @Option(name: .customLong("api-url"), help: "Kolada's API address.")
    var apiURL = "https://api.kolada.se/v2"

    @Option(help: "Seconds to wait for each answer.")
    var timeout = 30

    @Option(name: .long, help: "The site folder, holding content/.")
    var source = "."

    @Option(name: .long, help: "The language of the messages: sv or en (default: from the locale, LANG).")
    var lang: MessageLanguage?

    func validate() throws {
        for kpi in kpis where !Self.isKPI(kpi) {
            throw ValidationError("'\(kpi)' is not a KPI id; Kolada's look like N15419 (a capital letter and digits)")
        }
        for id in [municipality] + compare where !Self.isMunicipality(id) {
            throw ValidationError("'\(id)' is not a municipality or group id; Kolada's look like 0581, 0000 or G33968")
        }
        if let years, yearList(years) == nil {
            throw ValidationError("'\(years)' is not a span of years; write FROM-TO, such as 2015-2024")
        }
        guard (1...600).contains(timeout) else { throw ValidationError("--timeout is a number of seconds, from 1 to 600") }
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: source, isDirectory: true).appendingPathComponent("content/data")
        guard FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().path) else {
            fail("no content/ folder in '\(source)'; run this in the site folder, or give --source")
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var files: [(name: String, contents: Data)] = []
        var failure: String?
        do {
            for kpi in kpis {
                files += try await download(kpi, client: client)
            }
        } catch let error as KoladaError {
            failure = error.message
        } catch {
            failure = "could not read Kolada's answer: \(error)"
        }
        try? await client.shutdown()
        if let failure { fail("\(failure); nothing was written") }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files { try file.contents.write(to: folder.appendingPathComponent(file.name), options: .atomic) }
        } catch {
            fail("could not write into content/data/: \(error.localizedDescription)")
        }
        for file in files { print(say("Wrote content/data/\(file.name)", lang ?? .from())) }
    }

    /// The KPI's description and its data for the municipality and the comparisons, every
    /// page of the answer joined into one file.
    private func download(_ kpi: String, client: HTTPClient) async throws -> [(name: String, contents: Data)] {
        let description = try await get("\(apiURL)/kpi/\(kpi)", client: client)
        guard let values = (try? JSONSerialization.jsonObject(with: description) as? [String: Any])?["values"] as? [Any] else {
            throw KoladaError(message: "Kolada's answer for the KPI \(kpi) is not its API's JSON")
        }
        guard !values.isEmpty else { throw KoladaError(message: "Kolada has no KPI '\(kpi)'") }
        var url: String? = "\(apiURL)/data/kpi/\(kpi)/municipality/\(([municipality] + compare).joined(separator: ","))"
            + (years.flatMap(yearList).map { "/year/" + $0.map(String.init).joined(separator: ",") } ?? "")
        var entries: [Any] = []
        var pages = 0
        while let next = url {
            pages += 1
            guard pages <= 100 else { throw KoladaError(message: "Kolada's answer for \(kpi) goes on past 100 pages") }
            let page = try await get(next, client: client)
            guard let object = try? JSONSerialization.jsonObject(with: page) as? [String: Any], let values = object["values"] as? [Any] else {
                throw KoladaError(message: "Kolada's answer at \(next) is not its API's JSON")
            }
            entries += values
            url = (object["next_page"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        }
        guard !entries.isEmpty else {
            throw KoladaError(message: "Kolada has no values of \(kpi) for \(([municipality] + compare).joined(separator: ", "))\(years.map { " in \($0)" } ?? "")")
        }
        let data = try JSONSerialization.data(withJSONObject: ["count": entries.count, "values": entries], options: [.sortedKeys, .prettyPrinted])
        return [("kolada-\(kpi.lowercased()).json", data), ("kolada-\(kpi.lowercased())-kpi.json", description)]
    }

    private func get(_ url: String, client: HTTPClient) async throws -> Data {
        let response: HTTPClientResponse
        do {
            response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(Int64(timeout)))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw KoladaError(message: "Kolada did not answer within \(timeout) seconds (\(url))")
        } catch {
            throw KoladaError(message: "could not reach Kolada at \(url): \(error)")
        }
        guard (200..<300).contains(response.status.code) else {
            throw KoladaError(message: "Kolada answered \(response.status.code) \(response.status.reasonPhrase) for \(url)")
        }
        let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return Data(body.readableBytesView)
    }

    private func fail(_ message: String) -> Never {
        printError(message, lang ?? .from())
        Foundation.exit(1)
    }

    private func yearList(_ text: String) -> [Int]? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let from = Int(parts[0]), let to = Int(parts[1]), (1900...2200).contains(from), (from...min(from + 100, 2200)).contains(to) else {
            return nil
        }
        return Array(from...to)
    }

    static func isKPI(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isUppercase, text.count >= 2 else { return false }
        return text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func isMunicipality(_ text: String) -> Bool {
        let digits = text.first == "G" ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.count <= 8 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

struct KoladaError: Error {
    var message: String
}
