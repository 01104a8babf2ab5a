import Foundation

/// The rules for the names of files and folders under content/: what a page id, a
/// translation's language code and a page's URL are made of.
enum ContentFileName {
    /// `^[a-z0-9][a-z0-9-]*$`, checked byte by byte rather than with a regular expression
    /// per file. Also what a target's name must be: it becomes a folder name.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, first != UInt8(ascii: "-") else { return false }
        return id.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
    }
    /// The folder under content/ that holds the CSV files and their sidecars.
    static let dataFolder = "data"
    /// Folders under content/ that hold other things than pages.
    static let nonPageFolders: Set<String> = [dataFolder]

    /// The languages translations are written in, from the file names alone.
    static func translationLanguages(of files: [String]) -> Set<String> {
        Set(files.compactMap(translationLanguage))
    }

    static func translationLanguage(of file: String) -> String? {
        let name = (file.split(separator: "/").last ?? "").dropLast(3) // ".md"
        let parts = name.split(separator: ".")
        guard parts.count == 2, isLanguageCode(parts[1].utf8) else { return nil }
        return String(parts[1])
    }

    /// A language code such as `en`, `ar`, `so`, `fi`, `fa-AF` in `slug.<lang>.md`:
    /// `^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$`, checked byte by byte rather than with a regular
    /// expression per file. Also what site.yml's language codes must be: they become folders.
    static func isLanguageCode(_ code: Substring.UTF8View) -> Bool {
        let dash = code.firstIndex(of: UInt8(ascii: "-")) ?? code.endIndex
        let language = code[..<dash]
        guard (2...3).contains(language.count), language.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return false }
        guard dash < code.endIndex else { return true }
        let region = code[code.index(after: dash)...]
        return (2...8).contains(region.count) && region.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
    }

    /// A page's URL path: its folders, then its id, a translation under its language's
    /// folder (`en/vardnadshavare/kontakt/`).
    static func urlPath(file: String, id: String, translationLanguage: String?) -> String {
        let folder = file.split(separator: "/").dropLast().joined(separator: "/")
        return (translationLanguage.map { $0 + "/" } ?? "") + (folder.isEmpty ? "" : folder + "/") + id + "/"
    }
}
