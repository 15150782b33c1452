// Command install-go is a Go stack on the released module, run through the Automation API as an
// inline program:
//
//	GOPROXY=file:///path/to/dist/go,$(go env GOPROXY) GONOSUMDB=github.com/vpssnap/vpssnap go build -o stack .
//	./stack up|destroy
//
// Once the release is tagged (sdk/go/v0.1.0), the public module proxy serves the module and
// neither variable is needed. The engine downloads the plugin from the URL the SDK carries.
// Endpoints and tokens come from the environment (VPSSNAP_LOCAWEB_ENDPOINT, ...).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/vpssnap/vpssnap/sdk/go/vpssnap/locaweb"
	"github.com/vpssnap/vpssnap/sdk/go/vpssnap/vpsorg"
)

func program(ctx *pulumi.Context) error {
	web, err := locaweb.NewSnapshot(ctx, "web", &locaweb.SnapshotArgs{
		Server: pulumi.String("cpro0301"), Name: pulumi.String("installed-from-go-module")})
	if err != nil {
		return err
	}
	db, err := vpsorg.NewSnapshot(ctx, "db", &vpsorg.SnapshotArgs{
		ServerId: pulumi.Int(12347), Name: pulumi.String("installed-from-go-module")})
	if err != nil {
		return err
	}
	ctx.Export("web", web.ID())
	ctx.Export("db", db.ID())
	return nil
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 1 || (args[0] != "up" && args[0] != "destroy") {
		return fmt.Errorf("usage: stack up|destroy")
	}
	ctx := context.Background()
	workDir, err := os.Getwd()
	if err != nil {
		return err
	}
	stack, err := auto.UpsertStackInlineSource(ctx, "dev", "vpssnap-install-go", program, auto.WorkDir(workDir))
	if err != nil {
		return err
	}
	if args[0] == "up" {
		_, err = stack.Up(ctx, optup.ProgressStreams(os.Stdout))
	} else {
		_, err = stack.Destroy(ctx, optdestroy.ProgressStreams(os.Stdout))
	}
	return err
}
