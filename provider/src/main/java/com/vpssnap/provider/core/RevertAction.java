package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.ActionSpec;

import java.util.ArrayList;
import java.util.List;

import static com.vpssnap.provider.core.SnapshotInputs.IDENTITY_ID;
import static com.vpssnap.provider.core.SnapshotInputs.SNAPSHOT_ID;

/**
 * Reverts (Locaweb) or restores (VPS.org) a server to one of its snapshots now, and waits until it
 * is done. The snapshot must be that server's. A lost answer is followed, not sent twice: the
 * resource's own revert does it.
 */
public final class RevertAction implements SnapshotAction {
    private final ActionSpec spec;
    private final SnapshotResource resource;

    public RevertAction(ActionSpec spec, SnapshotResource resource) {
        this.spec = spec;
        this.resource = resource;
    }

    @Override
    public ActionSpec spec() {
        return spec;
    }

    @Override
    public CheckResult check(Props config) {
        List<ValidationFailure> failures = new ArrayList<>(
                InputValidator.structural(spec.terraformType(), spec.config(), config).failures());
        if (failures.isEmpty()) {
            resource.checkIdentity(identity(config)).failures().forEach(f -> failures.add(
                    f.property().equals(IDENTITY_ID) ? new ValidationFailure(SNAPSHOT_ID, f.reason()) : f));
        }
        return new CheckResult(config, failures);
    }

    @Override
    public void invoke(Props config, Operation operation) {
        CheckResult checked = check(config);
        if (!checked.ok()) {
            throw new InvalidInputException(checked.failures());
        }
        resource.revertTo(identity(config), operation);
    }

    @Override
    public String server(Props config) {
        return SnapshotAction.serverOf(resource, config);
    }

    /** The snapshot's identity: the config's server, and its snapshot id as the identity's id. */
    private Props identity(Props config) {
        Props.Builder identity = Props.builder();
        resource.spec().identity().forEach(p -> identity.put(p.name(),
                config.get(p.name().equals(IDENTITY_ID) ? SNAPSHOT_ID : p.name())));
        return identity.build();
    }
}
