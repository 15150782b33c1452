// Server snapshots as rollback points on Locaweb Cloud and VPS.org, with an in-place revert trigger.
package vpssnap
