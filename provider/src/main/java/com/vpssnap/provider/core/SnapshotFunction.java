package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.FunctionSpec;

/** A read-only query: a Pulumi invoke, a Terraform data source. */
public interface SnapshotFunction {
    FunctionSpec spec();

    CheckResult check(Props arguments);

    Props invoke(Props arguments, Operation operation);
}
