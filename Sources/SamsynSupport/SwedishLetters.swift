/// The letters of Swedish text folded to ASCII, for heading ids (`åtgärd` → `atgard`) and
/// search terms alike, on UTF-8 bytes: Unicode's own folding is slow to ask about every
/// character, and Swedish text needs only these.
public enum SwedishLetters {
    /// The ASCII letter of the two-byte letter `0xC3 second` (U+00C0–U+00FF, the Latin-1
    /// letters Swedish text uses): `å ä Å Ä á à â` → `a`, `ö Ö ó ò ô ø Ø` → `o`, `é É è ê ë`
    /// → `e`, `ü Ü ú ù` → `u`, `í ì ï` → `i`; nil for any other, which a caller folds the
    /// general, slower way.
    @inlinable
    public static func asciiLetter(afterC3 second: UInt8) -> UInt8? {
        switch second {
        case 0xA5, 0xA4, 0x85, 0x84, 0xA1, 0xA0, 0xA2: UInt8(ascii: "a")
        case 0xB6, 0x96, 0xB3, 0xB2, 0xB4, 0xB8, 0x98: UInt8(ascii: "o")
        case 0xA9, 0x89, 0xA8, 0xAA, 0xAB: UInt8(ascii: "e")
        case 0xBC, 0x9C, 0xBA, 0xB9: UInt8(ascii: "u")
        case 0xAD, 0xAC, 0xAF: UInt8(ascii: "i")
        default: nil
        }
    }
}
