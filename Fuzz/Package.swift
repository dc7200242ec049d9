// swift-tools-version: 5.4
import PackageDescription

// libFuzzer targets for Shore. Build and run through scripts/fuzz.sh, which adds
// `-sanitize=fuzzer,address`; each target defines `LLVMFuzzerTestOneInput` and gets
// its `main` from libFuzzer. See docs/limits.md for what the targets check.
let package = Package(
    name: "ShoreFuzz",
    platforms: [.macOS("13.0")],
    dependencies: [.package(name: "Shore", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "ShorePolicy", package: "Shore"),
            .product(name: "CEL", package: "Shore"),
        ]),
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzPlan", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzRules", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzCEL", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzTemplate", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzBaseline", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzLSP", dependencies: ["FuzzSupport", .product(name: "ShoreLSP", package: "Shore")]),
    ],
    swiftLanguageVersions: [.v5]
)
