// Command gen-sdk writes one language's SDK for a Pulumi package schema.
//
// It exists because the language hosts that `pulumi package gen-sdk` hands this job to
// (pulumi-language-nodejs, -python, -go) cannot be built from the Go module proxy (see
// ../../README.md). It calls the same code generators those hosts call,
// github.com/pulumi/pulumi/pkg/v3/codegen/{nodejs,python,go}, at the version pinned by this
// module's go.mod, so its output matches what gen-sdk would write.
//
// Usage: gen-sdk nodejs|python|go SCHEMA_JSON OUT_DIR
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// generators holds, per language, its schema importer and the call its language host makes.
var generators = map[string]struct {
	importer schema.Language
	generate func(pkg *schema.Package) (map[string][]byte, error)
}{
	"nodejs": {nodejs.Importer, func(pkg *schema.Package) (map[string][]byte, error) {
		return nodejs.GeneratePackage("pulumi-language-nodejs", pkg, nil, nil, false, noReferences{})
	}},
	"python": {python.Importer, func(pkg *schema.Package) (map[string][]byte, error) {
		return python.GeneratePackage("pulumi-language-python", pkg, nil, noReferences{})
	}},
	"go": {gogen.Importer, func(pkg *schema.Package) (map[string][]byte, error) {
		return gogen.GeneratePackage("pulumi-language-go", pkg, nil)
	}},
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: gen-sdk nodejs|python|go SCHEMA_JSON OUT_DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Args[3]); err != nil {
		fmt.Fprintln(os.Stderr, "gen-sdk:", err)
		os.Exit(1)
	}
}

func run(language, schemaPath, outDir string) error {
	generator, ok := generators[language]
	if !ok {
		return fmt.Errorf("unknown language %q; allowed: nodejs, python, go", language)
	}
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	languages := map[string]schema.Language{language: generator.importer}
	pkg, err := schema.ImportSpec(spec, languages, noReferences{}, schema.ValidationOptions{})
	if err != nil {
		return fmt.Errorf("binding %s: %w", schemaPath, err)
	}
	files, err := generator.generate(pkg)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(outDir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// noReferences is the loader for a schema that refers to no other package: any lookup is an error.
type noReferences struct{}

func (noReferences) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema refers to package %q; gen-sdk loads no other package", name)
}

func (l noReferences) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, d.Version)
}

func (l noReferences) LoadPackageReference(name string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the schema refers to package %q; gen-sdk loads no other package", name)
}

func (l noReferences) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return l.LoadPackageReference(d.Name, d.Version)
}
