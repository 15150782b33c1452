package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.ArrayList;
import java.util.List;

/** The input comparison both clouds share: which inputs changed, and which of those force a replacement. */
public final class InputDiff {
    private InputDiff() {
    }

    public static DiffResult compare(ResourceSpec spec, Props oldState, Props newInputs) {
        List<String> changed = new ArrayList<>();
        List<String> replaces = new ArrayList<>();
        for (PropertySpec input : spec.inputs()) {
            if (!Props.sameValue(oldState, newInputs, input.name())) {
                changed.add(input.name());
                if (input.replaceOnChange()) {
                    replaces.add(input.name());
                }
            }
        }
        return new DiffResult(List.copyOf(changed), List.copyOf(replaces));
    }

    /**
     * Whether an update must revert: the trigger changed to a new non-empty value. Removing or
     * blanking it only forgets it, so deleting a line of config never overwrites a disk.
     */
    public static boolean revertRequested(Props oldState, Props newInputs, String triggerKey) {
        String next = newInputs.string(triggerKey);
        return next != null && !next.isEmpty() && !next.equals(oldState.string(triggerKey));
    }
}
