package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.core.Props;

/** Input normalisation shared by the resource and the function. */
final class LocawebRules {
    private LocawebRules() {
    }

    /** An empty description means none: Locaweb reports it as null, so state and inputs agree. */
    static Props normalise(Props inputs) {
        if ("".equals(inputs.get(LocawebSpecs.DESCRIPTION))) {
            return inputs.toBuilder().remove(LocawebSpecs.DESCRIPTION).build();
        }
        return inputs;
    }
}
