package com.vpssnap.provider.pulumi;

import com.vpssnap.provider.core.DiffResult;
import com.vpssnap.provider.core.Props;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.PropertyDiff;

/** Renders the core's diff as Pulumi's detailed diff: one entry per changed input. */
final class PulumiDiffs {
    private PulumiDiffs() {
    }

    static DiffResponse toResponse(DiffResult diff, boolean deleteBeforeReplace, Props olds, Props news) {
        DiffResponse.Builder out = DiffResponse.newBuilder()
                .setChanges(diff.hasChanges() ? DiffResponse.DiffChanges.DIFF_SOME : DiffResponse.DiffChanges.DIFF_NONE)
                .addAllDiffs(diff.changed())
                .addAllReplaces(diff.replaces())
                .setDeleteBeforeReplace(deleteBeforeReplace)
                .setHasDetailedDiff(true);
        for (String key : diff.changed()) {
            boolean replace = diff.replaces().contains(key);
            PropertyDiff.Kind kind;
            if (!olds.has(key)) {
                kind = replace ? PropertyDiff.Kind.ADD_REPLACE : PropertyDiff.Kind.ADD;
            } else if (!news.has(key)) {
                kind = replace ? PropertyDiff.Kind.DELETE_REPLACE : PropertyDiff.Kind.DELETE;
            } else {
                kind = replace ? PropertyDiff.Kind.UPDATE_REPLACE : PropertyDiff.Kind.UPDATE;
            }
            out.putDetailedDiff(key, PropertyDiff.newBuilder().setKind(kind).setInputDiff(true).build());
        }
        return out.build();
    }
}
