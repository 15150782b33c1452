package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/vpssnap/vpssnap/sdk/go/vpssnap/locaweb"
	"github.com/vpssnap/vpssnap/sdk/go/vpssnap/vpsorg"
)

// snapshots takes one snapshot per cloud, each with a revert trigger from config:
//
//	pulumi config set rollbackTo rollback-1   reverts both servers in place
func snapshots(ctx *pulumi.Context) error {
	rollbackTo := pulumi.String(config.New(ctx, "").Get("rollbackTo"))
	web, err := locaweb.NewSnapshot(ctx, "web-before-upgrade", &locaweb.SnapshotArgs{
		Server: pulumi.String("cpro0299"), Name: pulumi.String("before-nginx-upgrade"),
		Description: pulumi.String("Taken before the nginx upgrade"), RevertTrigger: rollbackTo,
	})
	if err != nil {
		return err
	}
	db, err := vpsorg.NewSnapshot(ctx, "db-before-migration", &vpsorg.SnapshotArgs{
		ServerId: pulumi.Int(12345), Name: pulumi.String("before-schema-migration"),
		Description: pulumi.String("Taken before the schema migration"), RevertTrigger: rollbackTo,
	})
	if err != nil {
		return err
	}
	ctx.Export("webSnapshot", web.ID())
	ctx.Export("dbSnapshot", db.ID())
	return nil
}
