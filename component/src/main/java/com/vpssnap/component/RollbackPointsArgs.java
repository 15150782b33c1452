package com.vpssnap.component;

import java.util.List;
import java.util.Objects;

/**
 * The inputs of {@link RollbackPoints}. They are plain values, not Outputs, because they decide
 * which snapshot resources exist, and Pulumi must know a program's resources when it registers them.
 */
public final class RollbackPointsArgs {
    private final ServerRef server;
    private final List<String> checkpoints;
    private final int keep;
    private final String rollbackTo;

    private RollbackPointsArgs(Builder builder) {
        this.server = Objects.requireNonNull(builder.server, "server: set locawebServer(...) or vpsorgServerId(...)");
        this.checkpoints = List.copyOf(Objects.requireNonNull(builder.checkpoints, "checkpoints"));
        this.keep = builder.keep;
        this.rollbackTo = builder.rollbackTo;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ServerRef server() {
        return server;
    }

    public List<String> checkpoints() {
        return checkpoints;
    }

    public int keep() {
        return keep;
    }

    public String rollbackTo() {
        return rollbackTo;
    }

    public static final class Builder {
        private ServerRef server;
        private List<String> checkpoints;
        private int keep = 3;
        private String rollbackTo;

        private Builder() {
        }

        public Builder locawebServer(String server) {
            this.server = ServerRef.locaweb(server);
            return this;
        }

        public Builder vpsorgServerId(int serverId) {
            this.server = ServerRef.vpsorg(serverId);
            return this;
        }

        /** One label per risky change, the newest last: append one before each change. */
        public Builder checkpoints(List<String> checkpoints) {
            this.checkpoints = checkpoints;
            return this;
        }

        /** How many of the newest checkpoints keep a snapshot (default 3; at most 5 on VPS.org). */
        public Builder keep(int keep) {
            this.keep = keep;
            return this;
        }

        /** A retained label to revert the server to, in place; empty or null for none. */
        public Builder rollbackTo(String label) {
            this.rollbackTo = label;
            return this;
        }

        public RollbackPointsArgs build() {
            return new RollbackPointsArgs(this);
        }
    }
}
