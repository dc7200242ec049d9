import Foundation
import FuzzSupport

/// Baseline reading on arbitrary bytes, against Foundation's JSON parser: never a crash;
/// a failure is a coded diagnostic inside the file; what is accepted is a JSON object
/// with `"version": 1` and a `findings` list, and the fingerprints kept are exactly the
/// string `fingerprint`s of that list's objects.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch Baseline.parse(bytes: bytes, path: "baseline.json", limits: FuzzLimits.yaml) {
    case .failure(let diagnostic):
        require(diagnostic.code.area == "baseline", "baseline failure coded \(diagnostic.code)")
        checkLocations([diagnostic])
    case .success(let baseline):
        let parsed = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        guard let object = parsed as? [String: Any] else {
            // Foundation refuses a few inputs JSON allows (e.g. lone surrogate escapes): skip those.
            return 0
        }
        require((object["version"] as? NSNumber)?.intValue == 1, "accepted a baseline without version 1")
        let findings = object["findings"] as? [Any]
        require(findings != nil, "accepted a baseline without a findings list")
        let expected = Set((findings ?? []).compactMap { ($0 as? [String: Any])?["fingerprint"] as? String })
        require(expected == baseline.fingerprints,
                "fingerprints differ: \(expected.sorted().prefix(5)) vs \(baseline.fingerprints.sorted().prefix(5))")
    }
    return 0
}
