package com.vpssnap.provider.pulumi;

import com.vpssnap.component.ServerKind;
import com.vpssnap.provider.core.CloudModule;
import com.vpssnap.provider.core.Clouds;
import com.vpssnap.provider.core.ComponentServer;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The servers RollbackPoints can protect: one per registered cloud that offers a
 * {@link ComponentServer}, in {@link Clouds#ALL}'s order. The component's schema and its
 * Construct both read this list, so a new cloud reaches the component with no edit here.
 */
final class ComponentServers {
    private ComponentServers() {
    }

    static List<CloudModule<?>> clouds() {
        return Clouds.ALL.stream().filter(c -> c.componentServer().isPresent()).toList();
    }

    static List<ComponentServer> all() {
        return clouds().stream().map(c -> c.componentServer().orElseThrow()).toList();
    }

    /** The same, as the component module takes them. */
    static List<ServerKind> kinds() {
        // ComponentServer.NO_LIMIT and ServerKind.NO_LIMIT are both Integer.MAX_VALUE: the limit passes as it is.
        return all().stream().map(s -> new ServerKind(s.input(), s.cloud(), s.what(), s.numeric(),
                s.snapshot().token(), s.serverInput(), s.snapshotLimit())).toList();
    }

    /** "a", "a or b", "a, b or c". */
    static String either(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    static String codes(List<String> items, String separator) {
        return items.stream().map(i -> "`" + i + "`").collect(Collectors.joining(separator));
    }
}
