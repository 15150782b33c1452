// Command rollback-points runs a program of this directory through Pulumi's Automation API, inline:
//
//	rollback-points [-program rollback-points|snapshots] up|preview|destroy [STACK]
//
// in the project directory (its stack, config and backend are the ones `pulumi` uses there). The
// engine talks to this process, so no pulumi-language-go is needed (tools/README.md).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

var programs = map[string]pulumi.RunFunc{
	"rollback-points": rollbackPoints,
	"snapshots":       snapshots,
}

func main() {
	program := flag.String("program", "rollback-points", "rollback-points or snapshots")
	flag.Parse()
	if err := run(flag.Arg(0), flag.Arg(1), *program); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(command, stackName, program string) error {
	fn, ok := programs[program]
	if !ok {
		return fmt.Errorf("unknown program %q: use rollback-points or snapshots", program)
	}
	if stackName == "" {
		stackName = "dev"
	}
	ctx := context.Background()
	stack, err := auto.SelectStackInlineSource(ctx, stackName, "vpssnap-rollback-points-go", fn, auto.WorkDir("."))
	if err != nil {
		return err
	}
	switch command {
	case "up":
		_, err = stack.Up(ctx, optup.ProgressStreams(os.Stdout))
	case "preview":
		_, err = stack.Preview(ctx, optpreview.ProgressStreams(os.Stdout), optpreview.ExpectNoChanges())
	case "destroy":
		_, err = stack.Destroy(ctx, optdestroy.ProgressStreams(os.Stdout))
	default:
		err = fmt.Errorf("unknown command %q: use up, preview or destroy", command)
	}
	return err
}
