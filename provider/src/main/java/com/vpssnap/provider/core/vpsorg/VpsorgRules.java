package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.core.Props;

/** Input normalisation shared by the resource and the function. */
final class VpsorgRules {
    private VpsorgRules() {
    }

    /** An empty description means none: VPS.org answers "" for both, so state and inputs agree. */
    static Props normalise(Props inputs) {
        if ("".equals(inputs.get(VpsorgSpecs.DESCRIPTION))) {
            return inputs.toBuilder().remove(VpsorgSpecs.DESCRIPTION).build();
        }
        return inputs;
    }
}
