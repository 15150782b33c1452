package com.vpssnap.provider.docs;

import com.vpssnap.provider.core.PackageInfo;

/** Links from the registry pages to the guides: absolute, since a registry renders the pages away from the repository. */
final class Guides {
    private Guides() {
    }

    static String url(String guide) {
        return PackageInfo.REPOSITORY + "/blob/main/docs/guides/" + guide;
    }
}
