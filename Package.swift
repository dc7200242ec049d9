// swift-tools-version: 6.0
import PackageDescription

// The module layout follows Shore's pipeline:
//   SourceText (files, locations, diagnostics)
//   YAML (libyaml → located node tree)        CEL (+ LinearRegex): a standalone CEL library
//   Reference (countries, languages, zones, named sets)
//   Policy (plan/rule model, loading, validation, evaluation → findings)
//   Reporters (every rendering: check findings → text, JSON, SARIF, JUnit, …; lint, explain, review)
//   ShoreLSP (`shore lsp`: LSP ↔ what the library computes; explain drawn by Reporters)
//   ShoreCLI (commands; thin) → shore (main.swift)
// Spelling (edit distance and the one did-you-mean choice) sits under SourceText, CEL and Reference.
let package = Package(
    name: "Shore",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shore", targets: ["shore"]),
        .library(name: "CEL", targets: ["CEL"]),
        .library(name: "ShorePolicy", targets: ["Policy", "Reporters"]),
        .library(name: "ShoreLSP", targets: ["ShoreLSP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "Spelling"),
        .target(name: "SourceText", dependencies: ["Spelling"]),
        .target(name: "YAML", dependencies: ["CYAML", "SourceText"]),
        .target(name: "LinearRegex"),
        .target(name: "CEL", dependencies: ["LinearRegex", "Spelling"]),
        .target(name: "Reference", dependencies: ["Spelling"]),
        .target(name: "SeededRandom"),
        .target(name: "PlanGenerator", dependencies: ["SeededRandom"]),
        .target(name: "Policy", dependencies: ["SourceText", "YAML", "CEL", "Reference", "CMalloc"]),
        .target(name: "Reporters", dependencies: ["Policy", "Reference", "SourceText"]),
        .target(name: "ShoreLSP", dependencies: ["Policy", "Reporters", "YAML", "CEL", "SourceText", "Reference"]),
        .target(
            name: "ShoreCLI",
            dependencies: [
                "Policy", "Reporters", "SourceText", "YAML", "CEL", "ShoreLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // glibc's allocator settings, for the executable's start.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .executableTarget(name: "shore", dependencies: ["ShoreCLI", "CMalloc"]),
        .executableTarget(
            name: "ShoreBenchmarks",
            dependencies: ["CYAML", "YAML", "CEL", "Policy", "SeededRandom", "PlanGenerator"],
            path: "Sources/ShoreBenchmarks"
        ),

        // Test support: the folder tests write their files in, removed at exit, and the
        // python3 that runs their JSON Schema checks (which must not skip under CI).
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(name: "SourceTextTests", dependencies: ["SourceText", "Spelling", "TestScratch"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "SourceText", "TestScratch"]),
        .testTarget(name: "LinearRegexTests", dependencies: ["LinearRegex", "SeededRandom"]),
        .testTarget(
            name: "CELTests",
            dependencies: ["CEL", "SeededRandom"],
            resources: [.copy("Conformance")]
        ),
        .testTarget(name: "ReferenceTests", dependencies: ["Reference"]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "YAML", "SourceText", "CEL", "ShoreCLI", "SeededRandom", "PlanGenerator", "TestScratch"]),
        .testTarget(
            name: "ReportersTests",
            dependencies: ["Reporters", "Policy", "YAML", "Reference", "SourceText", "TestScratch"],
            exclude: ["Golden", "Schemas", "ReviewGolden"]
        ),
        .testTarget(name: "ShoreLSPTests", dependencies: ["ShoreLSP", "Policy", "SourceText", "TestScratch"]),
        .testTarget(
            name: "ShoreCLITests",
            dependencies: ["ShoreCLI", "PlanGenerator", "TestScratch"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
