/// Recognises column headers that say a column holds people's names or identity numbers,
/// in Swedish, English and the languages Swedish municipalities write to families in,
/// however they are cased, accented, punctuated or run together (`firstname`, `Pers.nr`,
/// `Personal identity number`, `Nimi`, `Magaca`, `الاسم`).
public enum PersonalColumnNames {
    public enum Kind: String, Sendable { case names, identityNumbers = "identity numbers" }

    /// Why a header was recognised: the word found, its language and what it means.
    public struct Finding: Equatable, Sendable {
        public var word: String
        public var language: String
        public var meaning: String
        public var kind: Kind

        /// `'magaca' is Somali for 'the name'`, or the English word alone.
        public var explanation: String {
            language == "English" ? "'\(word)' means \(kind.rawValue)" : "'\(word)' is \(language) for '\(meaning)'"
        }
    }

    struct Term {
        var word: String
        var language: String
        var meaning: String
        var kind: Kind
        /// A word that means a name of anything (`namn`, `name`): a person's only when no
        /// other word of the header says whose (`skolnamn`, `School name` are not).
        var generic: Bool = false
    }

    static let terms: [Term] = {
        func names(_ language: String, _ pairs: [(String, String)], generic: Bool = false) -> [Term] {
            pairs.map { Term(word: fold($0.0), language: language, meaning: $0.1, kind: .names, generic: generic) }
        }
        func numbers(_ language: String, _ pairs: [(String, String)]) -> [Term] {
            pairs.map { Term(word: fold($0.0), language: language, meaning: $0.1, kind: .identityNumbers) }
        }
        var terms: [Term] = []
        terms += names("Swedish", [("namn", "name"), ("namnet", "the name"), ("namnen", "the names")], generic: true)
        terms += names("Swedish", [("förnamn", "first name"), ("efternamn", "surname"), ("tilltalsnamn", "given name"),
                                   ("mellannamn", "middle name"), ("släktnamn", "family name")])
        terms += numbers("Swedish", [("personnummer", "personal identity number"), ("personnumret", "the personal identity number"),
                                     ("personnr", "personal identity number"), ("persnr", "personal identity number"),
                                     ("pnr", "personal identity number"), ("samordningsnummer", "coordination number"),
                                     ("samordningsnr", "coordination number"), ("födelsedatum", "date of birth"),
                                     ("personid", "personal identity")])
        terms += names("English", [("name", "name"), ("names", "names")], generic: true)
        terms += names("English", [("firstname", "first name"), ("lastname", "last name"), ("surname", "surname"),
                                   ("forename", "forename"), ("fullname", "full name"), ("givenname", "given name"),
                                   ("familyname", "family name"), ("middlename", "middle name"), ("nickname", "nickname"),
                                   ("username", "user name")])
        terms += numbers("English", [("ssn", "social security number"), ("socialsecuritynumber", "social security number"),
                                     ("personalidentitynumber", "personal identity number"), ("personalnumber", "personal number"),
                                     ("personnumber", "person number"), ("personalid", "personal id"), ("nationalid", "national id"),
                                     ("nationalidnumber", "national id number"), ("identitynumber", "identity number"),
                                     ("idnumber", "id number"), ("dateofbirth", "date of birth"), ("birthdate", "date of birth"),
                                     ("dob", "date of birth")])
        terms += names("Finnish", [("nimi", "name"), ("nimet", "names")], generic: true)
        terms += names("Finnish", [("etunimi", "first name"), ("sukunimi", "surname"), ("kokonimi", "full name")])
        terms += numbers("Finnish", [("henkilötunnus", "personal identity code"), ("hetu", "personal identity code"),
                                     ("syntymäaika", "date of birth")])
        terms += names("Somali", [("magac", "name"), ("magaca", "the name"), ("magacyada", "the names"), ("magacii", "the name")], generic: true)
        terms += numbers("Somali", [("aqoonsi", "identification"), ("aqoonsiga", "the identification")])
        terms += names("Arabic", [("اسم", "name"), ("الاسم", "the name"), ("أسماء", "names"), ("الأسماء", "the names")], generic: true)
        terms += names("Arabic", [("اللقب", "surname"), ("الكنية", "family name")])
        terms += numbers("Arabic", [("رقم الهوية", "identity number"), ("الرقم الشخصي", "personal number"),
                                    ("الرقم الوطني", "national number"), ("تاريخ الميلاد", "date of birth")])
        terms += names("Persian", [("نام", "name")], generic: true)
        terms += names("Persian", [("نام خانوادگی", "family name")])
        terms += numbers("Persian", [("کد ملی", "national code"), ("شماره ملی", "national number")])
        terms += names("Pashto", [("نوم", "name")], generic: true)
        terms += names("Tigrinya", [("ስም", "name")], generic: true)
        terms += names("German", [("vorname", "first name"), ("nachname", "surname")])
        terms += names("French", [("nom", "name")], generic: true)
        terms += names("French", [("prénom", "first name")])
        terms += names("Spanish", [("nombre", "name")], generic: true)
        terms += names("Spanish", [("apellido", "surname"), ("apellidos", "surnames")])
        terms += names("Polish", [("imię", "first name"), ("nazwisko", "surname")])
        terms += numbers("Polish", [("pesel", "personal identity number")])
        terms += names("Bosnian, Croatian and Serbian", [("ime", "name")], generic: true)
        terms += names("Bosnian, Croatian and Serbian", [("prezime", "surname")])
        terms += numbers("Bosnian, Croatian and Serbian", [("jmbg", "personal identity number")])
        terms += names("Turkish", [("isim", "name"), ("adı", "name")], generic: true)
        terms += names("Turkish", [("soyad", "surname"), ("soyadı", "surname"), ("adsoyad", "name and surname")])
        terms += numbers("Turkish", [("tckimlikno", "identity number"), ("kimlikno", "identity number")])
        terms += names("Russian", [("имя", "first name"), ("фамилия", "surname")])
        terms += names("Ukrainian", [("імя", "first name"), ("прізвище", "surname")])
        terms += names("Kurdish", [("nav", "name")], generic: true)
        terms += names("Kurdish", [("paşnav", "surname")])
        return terms
    }()

    /// Heads a compound can end in (`elevnamn`, `studentname`, `oppilasnimi`).
    static let compoundHeads = ["namn", "name", "nimi"]

    /// Words that say whose name it is when it is not a person's: a school, a municipality,
    /// a unit, a file. Compared as the start of a word, so inflected forms count (`skolans`).
    static let institutionalStems: [String] = [
        "skol", "kommun", "omrad", "enhet", "huvudman", "lan", "region", "forvaltning", "verksamhet", "insats", "kurs", "amne",
        "program", "fil", "kolumn", "variab", "indikator", "kpi", "grupp", "klass", "avdelning", "stadsdel", "ort", "land",
        "sprak", "rutin", "roll", "titel", "myndighet", "forening", "foretag", "projekt", "metod", "verktyg", "tjanst",
        "school", "municipal", "unit", "area", "district", "file", "column", "variable", "indicator", "group", "class",
        "course", "subject", "department", "country", "language", "city", "place", "product", "team", "organi", "company",
        "project", "method", "tool", "service", "site", "page", "role", "title", "category", "kategori",
        "kunta", "kunnan", "koulu", "alue", "yksik", "ryhm", "luok", "dugsi", "degmo", "gobol", "koox",
        "مدرس", "بلدي", "منطق", "مدرسه", "شهرداری",
    ]

    public static func finding(in header: String) -> Finding? {
        let words = split(header)
        guard !words.isEmpty else { return nil }
        // Every run of words read together: `first name`, `Pers.nr`, `Personal identity number`.
        var runs: [(text: String, range: Range<Int>)] = []
        for start in words.indices {
            for end in (start + 1)...min(words.count, start + 5) {
                runs.append((words[start..<end].joined(), start..<end))
            }
        }
        for run in runs {
            guard let term = terms.first(where: { $0.word == run.text || $0.word.replacingOccurrences(of: " ", with: "") == run.text }) else { continue }
            if term.generic {
                let others = words.indices.filter { !run.range.contains($0) }.map { words[$0] }
                guard !others.contains(where: isInstitutional) else { continue }
            }
            return Finding(word: run.text, language: term.language, meaning: term.meaning, kind: term.kind)
        }
        for word in words {
            for head in compoundHeads where word.count > head.count && word.hasSuffix(head) {
                let modifier = String(word.dropLast(head.count))
                guard !isInstitutional(modifier) else { continue }
                let term = terms.first { $0.word == head }!
                return Finding(word: word, language: term.language, meaning: "\(modifier)'s \(term.meaning)", kind: .names)
            }
        }
        return nil
    }

    static func isInstitutional(_ word: String) -> Bool {
        let bare = word.hasPrefix("ال") ? String(word.dropFirst(2)) : word
        return institutionalStems.contains { bare.hasPrefix($0) || word.hasPrefix($0) }
    }

    /// The header's words, folded: camel case split (`firstName`), then lower case without
    /// accents or marks, split at anything that is not a letter or a digit.
    static func split(_ header: String) -> [String] {
        var spaced = String.UnicodeScalarView()
        var previousWasLower = false
        for scalar in header.unicodeScalars {
            if previousWasLower, scalar.properties.isUppercase { spaced.append(" ") }
            previousWasLower = scalar.properties.isLowercase
            spaced.append(scalar)
        }
        return fold(String(spaced)).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// Lower case, compatibility forms, no accents or combining marks, and the Arabic
    /// letters that are written several ways taken as one (أ إ آ → ا, ي/ی, ك/ک, no tatweel).
    static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format: continue
            default: break
            }
            switch scalar.value {
            case 0x0640: continue
            case 0x0623, 0x0625, 0x0622: result.append("\u{0627}")
            case 0x064A, 0x0649: result.append("\u{06CC}")
            case 0x0643: result.append("\u{06A9}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
