package com.vpssnap.provider.core;

import com.vpssnap.provider.core.locaweb.LocawebSpecs;
import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.core.vpsorg.VpsorgSpecs;

import java.util.List;

/** What the package offers, in one place: every front door and the schema read their lists here. */
public final class PackageInfo {
    public static final String NAME = "vpssnap";
    /** Kept equal to the Maven version by a test; the SDKs carry it so the engine loads this plugin. */
    public static final String VERSION = "0.1.0";
    /** The com.pulumi:pulumi version the generated Java SDK depends on (the parent pom's pulumi-java.version). */
    public static final String PULUMI_JAVA_VERSION = "1.16.0";
    public static final String DESCRIPTION =
            "Server snapshots as rollback points on Locaweb Cloud and VPS.org, with an in-place revert trigger.";

    public static final List<ResourceSpec> RESOURCES = List.of(LocawebSpecs.SNAPSHOT, VpsorgSpecs.SNAPSHOT);
    public static final List<FunctionSpec> FUNCTIONS = List.of(LocawebSpecs.GET_SNAPSHOTS, VpsorgSpecs.GET_SNAPSHOTS);

    private PackageInfo() {
    }
}
