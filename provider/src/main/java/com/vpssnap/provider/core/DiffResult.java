package com.vpssnap.provider.core;

import java.util.List;

/**
 * What a change of inputs means.
 *
 * @param changed every input whose value differs (canonical names)
 * @param replaces the changed inputs that force a replacement
 */
public record DiffResult(List<String> changed, List<String> replaces) {
    public boolean hasChanges() {
        return !changed.isEmpty();
    }
}
