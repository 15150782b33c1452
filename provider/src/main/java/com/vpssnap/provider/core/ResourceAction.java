package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.ActionSpec;
import com.vpssnap.provider.core.spec.PropertySpec;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.vpssnap.provider.core.SnapshotInputs.NAME_PREFIX;

/**
 * What every action over one snapshot resource shares: its spec, the server its configuration
 * names, and a check that runs before it does. Only a configuration of the right shape reaches
 * the action's own rules, which may lean on the resource's.
 */
abstract class ResourceAction implements SnapshotAction {
    protected final ActionSpec spec;
    protected final SnapshotResource resource;

    ResourceAction(ActionSpec spec, SnapshotResource resource) {
        this.spec = spec;
        this.resource = resource;
    }

    /** Adds the action's own rules for a configuration of the right shape. */
    protected abstract void checkValues(Props config, List<ValidationFailure> failures);

    /** Does the action, on a configuration that passed {@link #check}. */
    protected abstract void run(Props config, Operation operation);

    @Override
    public final ActionSpec spec() {
        return spec;
    }

    @Override
    public final CheckResult check(Props config) {
        List<ValidationFailure> failures = new ArrayList<>(
                InputValidator.structural(spec.terraformType(), spec.config(), config).failures());
        if (failures.isEmpty()) {
            checkValues(config, failures);
        }
        return new CheckResult(config, failures);
    }

    @Override
    public final void invoke(Props config, Operation operation) {
        CheckResult checked = check(config);
        if (!checked.ok()) {
            throw new InvalidInputException(checked.failures());
        }
        run(config, operation);
    }

    @Override
    public final String server(Props config) {
        return "server " + serverInputs().stream().map(p -> String.valueOf(config.get(p.name())))
                .collect(Collectors.joining(" "));
    }

    /** What names the server in the resource's listing query: every query input but the name prefix. */
    protected final List<PropertySpec> serverInputs() {
        return resource.spec().listQuery().stream().filter(p -> !p.name().equals(NAME_PREFIX)).toList();
    }
}
