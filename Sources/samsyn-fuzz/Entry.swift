import Foundation

// libFuzzer calls `LLVMFuzzerTestOneInput` for every input; scripts/fuzz.sh builds this
// target with `-sanitize=fuzzer,address -DSAMSYN_FUZZING` and chooses the target with
// SAMSYN_FUZZ_TARGET. Built any other way it only says how to run it.
#if SAMSYN_FUZZING
private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["SAMSYN_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("SAMSYN_FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    target.run(bytes)
    return 0
}

/// libFuzzer's driver, which its own `main` would call: SwiftPM names an executable's entry
/// point `<module>_main` and points `main` at it, so this is that entry point.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("samsyn_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runDriver(&count, &arguments, { data, size in fuzzOneInput(data, size) })
}
#else
@main
enum FuzzEntry {
    static func main() {
        print("samsyn-fuzz is a libFuzzer target: run scripts/fuzz.sh \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) SECONDS")
        exit(2)
    }
}
#endif
