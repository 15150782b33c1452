package com.vpssnap.provider.core.spec;

import java.util.List;

/**
 * A day-two operation that changes the cloud without a resource in state (Terraform 1.14's
 * actions): taking a throwaway snapshot before a deploy, reverting a server now.
 */
public record ActionSpec(String terraformType, String description, List<PropertySpec> config) {
}
