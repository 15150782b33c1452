package com.vpssnap.provider.core.spec;

/**
 * What a Terraform configuration should ask for when a snapshot is replaced: Terraform deletes
 * first unless {@code lifecycle { create_before_destroy = true }}. The generated HCL examples
 * show the block where it is right and say why it is left out where it is not.
 *
 * @param createBeforeDestroy whether the examples set it
 * @param why one line for the example's comment
 */
public record ReplacementOrder(boolean createBeforeDestroy, String why) {
}
