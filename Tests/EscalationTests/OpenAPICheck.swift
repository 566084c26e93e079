import Foundation
import TestSupport

/// Runs the OpenAPI checkers `scripts/setup` installs into `.tools/venv`: the document through
/// `openapi-spec-validator`, and each saved answer (`N-Schema.json`) against
/// `#/components/schemas/Schema` of it with jsonschema (Draft 2020-12, as OpenAPI 3.1 uses).
enum OpenAPICheck {
    static let python = LocalInfrastructure.repositoryRoot.appending(path: ".tools/venv/bin/python").path

    static let script = #"""
        import json, pathlib, sys
        from openapi_spec_validator import validate
        from jsonschema import Draft202012Validator
        folder = pathlib.Path(sys.argv[1])
        document = json.loads((folder / "openapi.json").read_text())
        validate(document)
        problems = []
        for sample in sorted(folder.glob("*-*.json")):
            name = sample.stem.split("-", 1)[1]
            schema = {"$ref": "#/components/schemas/" + name, "components": document["components"]}
            for error in Draft202012Validator(schema).iter_errors(json.loads(sample.read_text())):
                problems.append(f"{sample.name}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
        print("\n".join(problems) if problems else "ok")
        sys.exit(1 if problems else 0)
        """#

    struct Failed: Error, CustomStringConvertible {
        var output: String
        var description: String { "the OpenAPI check failed: \(output)" }
    }

    static func run(folder: URL) async throws {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Failed(output: "\(python) is missing: run scripts/setup")
        }
        let process = try ChildProcess.start([python, "-c", script, folder.path])
        let (status, output) = await process.wait()
        guard status == 0 else { throw Failed(output: output) }
    }
}
