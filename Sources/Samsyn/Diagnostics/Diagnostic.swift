/// Where in the source tree something was found: a path relative to the site folder,
/// and a line and column counted from 1 (0 when unknown).
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

public enum Severity: String, Sendable, Comparable {
    case warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// One finding, printed the way compilers print them so that editors can jump to it:
/// `content/rutiner/x.md:7:9: error: unknown role 'kurtor' (did you mean 'kurator'?)`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public var description: String { text(in: .en) }

    /// `path:line:col`, or the path alone where the line is unknown.
    var place: String {
        location.line > 0 ? "\(location.path):\(location.line):\(max(location.column, 1))" : location.path
    }
}

/// Collects every diagnostic of a run, so the build can go on and report them all.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }

    public mutating func append(contentsOf other: DiagnosticLog) {
        diagnostics += other.diagnostics
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var hasErrors: Bool { errorCount > 0 }

    /// In file order, so that output is the same from run to run; duplicates dropped.
    public var sorted: [Diagnostic] {
        // Sorted first, then each repeat dropped among the ones with its location and
        // message, which the sort has put side by side: no set of every diagnostic to hash.
        let sorted = diagnostics.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
        var unique: [Diagnostic] = []
        unique.reserveCapacity(sorted.count)
        var runStart = 0
        for diagnostic in sorted {
            if let last = unique.last, last.location == diagnostic.location, last.message == diagnostic.message {
                if unique[runStart...].contains(diagnostic) { continue }
            } else {
                runStart = unique.count
            }
            unique.append(diagnostic)
        }
        return unique
    }
}
