package main

import (
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/vpssnap/vpssnap/sdk/go/vpssnap"
)

// rollbackPoints keeps rollback points for a web server on Locaweb and a database server on
// VPS.org, one per risky change:
//
//	pulumi config set checkpoints before-nginx,before-php    (the newest last), then up
//	pulumi config set rollbackTo before-php                   reverts both servers in place
func rollbackPoints(ctx *pulumi.Context) error {
	cfg := config.New(ctx, "")
	var checkpoints []string
	for _, label := range strings.Split(cfg.Require("checkpoints"), ",") {
		checkpoints = append(checkpoints, strings.TrimSpace(label))
	}
	keep := cfg.GetInt("keep")
	if keep == 0 {
		keep = 3
	}
	rollbackTo := cfg.Get("rollbackTo")

	web, err := vpssnap.NewRollbackPoints(ctx, "web", &vpssnap.RollbackPointsArgs{
		LocawebServer: pulumi.StringRef("cpro0299"), Checkpoints: checkpoints,
		Keep: pulumi.IntRef(keep), RollbackTo: pulumi.StringRef(rollbackTo),
	})
	if err != nil {
		return err
	}
	db, err := vpssnap.NewRollbackPoints(ctx, "db", &vpssnap.RollbackPointsArgs{
		VpsorgServerId: pulumi.IntRef(12345), Checkpoints: checkpoints,
		Keep: pulumi.IntRef(keep), RollbackTo: pulumi.StringRef(rollbackTo),
	})
	if err != nil {
		return err
	}
	ctx.Export("webSnapshotIds", web.SnapshotIds)
	ctx.Export("dbSnapshotIds", db.SnapshotIds)
	ctx.Export("latest", web.Latest)
	return nil
}
