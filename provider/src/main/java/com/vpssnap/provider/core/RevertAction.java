package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.ActionSpec;

import java.util.List;

import static com.vpssnap.provider.core.SnapshotInputs.IDENTITY_ID;
import static com.vpssnap.provider.core.SnapshotInputs.SNAPSHOT_ID;

/**
 * Reverts (Locaweb) or restores (VPS.org) a server to one of its snapshots now, and waits until it
 * is done. The snapshot must be that server's. A lost answer is followed, not sent twice: the
 * resource's own revert does it.
 */
public final class RevertAction extends ResourceAction {
    public RevertAction(ActionSpec spec, SnapshotResource resource) {
        super(spec, resource);
        if (!resource.spec().identifiable() || !resource.spec().revertible()) {
            throw new IllegalArgumentException(spec.terraformType() + " needs a resource with an identity and a revert");
        }
    }

    @Override
    protected void checkValues(Props config, List<ValidationFailure> failures) {
        resource.checkIdentity(identity(config)).failures().forEach(f -> failures.add(
                f.property().equals(IDENTITY_ID) ? new ValidationFailure(SNAPSHOT_ID, f.reason()) : f));
    }

    @Override
    protected void run(Props config, Operation operation) {
        resource.revertTo(identity(config), operation);
    }

    /** The snapshot's identity: the config's server, and its snapshot id as the identity's id. */
    private Props identity(Props config) {
        Props.Builder identity = Props.builder();
        resource.spec().identity().forEach(p -> identity.put(p.name(),
                config.get(p.name().equals(IDENTITY_ID) ? SNAPSHOT_ID : p.name())));
        return identity.build();
    }
}
