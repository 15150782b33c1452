// The stack's entry point for `pulumi up` (runtime: nodejs, needs pulumi-language-nodejs).
import { rollbackPoints } from "./stack";

const outputs = rollbackPoints();
export const webSnapshot = outputs.webSnapshot;
export const webSnapshotStatus = outputs.webSnapshotStatus;
export const dbSnapshot = outputs.dbSnapshot;
export const dbSnapshotSize = outputs.dbSnapshotSize;
export const snapshotsOnWebServer = outputs.snapshotsOnWebServer;
