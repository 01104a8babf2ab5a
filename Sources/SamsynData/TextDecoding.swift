import Foundation

/// Text files as municipalities deliver them: UTF-8 with or without a byte-order mark,
/// or Windows-1252 from older spreadsheet exports.
public enum TextDecoding {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", windows1252 = "Windows-1252" }

    /// The text and the encoding it was read in. Bytes that are not valid UTF-8 are taken
    /// to be Windows-1252, which can decode any byte sequence.
    public static func decode(_ data: Data) -> (text: String, encoding: Encoding) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(windows1252[Int(byte)]) }
        return (String(scalars), .windows1252)
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F, where it has typographic characters.
    private static let windows1252: [Unicode.Scalar] = {
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return (0..<256).map { byte in
            Unicode.Scalar((0x80..<0xA0).contains(byte) ? high[byte - 0x80] : UInt32(byte))!
        }
    }()
}
