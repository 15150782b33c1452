package com.vpssnap.component;

import java.util.Map;

/**
 * One retained checkpoint: the snapshot resource the component registers for it.
 *
 * @param label          the checkpoint's label, which is also the snapshot's name
 * @param resourceName   the child's Pulumi name; it holds the label, so a checkpoint keeps its
 *                       snapshot across updates while newer checkpoints are appended
 * @param snapshotType   the child's resource type, on the server's cloud
 * @param snapshotInputs the child's inputs, in the schema's names
 */
public record Checkpoint(String label, String resourceName, String snapshotType, Map<String, Object> snapshotInputs) {
}
