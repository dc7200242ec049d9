import FuzzSupport
import YAML

/// The YAML loader on arbitrary bytes: never a crash, and a failed load always says why.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = YAMLLoader(limits: FuzzLimits.yaml).load(bytes: bytes, path: "fuzz.yaml")
    if result.document == nil { require(!result.diagnostics.isEmpty, "YAML load failed without a diagnostic") }
    checkLocations(result.diagnostics, in: result.source)
    return 0
}
