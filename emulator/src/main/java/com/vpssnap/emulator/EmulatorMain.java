package com.vpssnap.emulator;

import com.vpssnap.emulator.clouds.EmulatedCloud;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar vpssnap-emulator.jar [flags]}: flags win over environment variables. */
public final class EmulatorMain {
    private static final String USAGE = """
            usage: java -jar vpssnap-emulator.jar [flags]
              --port N            port to listen on, 0 for a free one   (VPSSNAP_EMULATOR_PORT, default 8080)
              --bind ADDR         address to bind                       (VPSSNAP_EMULATOR_BIND, default 127.0.0.1)
              --create-ms N       snapshot creation time                (VPSSNAP_EMULATOR_CREATE_MS, default 300)
              --delete-ms N       Locaweb deletion time                 (VPSSNAP_EMULATOR_DELETE_MS, default 300)
              --revert-ms N       Locaweb revert action time            (VPSSNAP_EMULATOR_REVERT_MS, default 300)
              --restore-ms N      VPS.org restore time                  (VPSSNAP_EMULATOR_RESTORE_MS, default 300)
              %s              --seed FILE         servers to start with, JSON           (VPSSNAP_EMULATOR_SEED)
              --state-file FILE   persist state there after each change (VPSSNAP_EMULATOR_STATE_FILE)
            See emulator/README.md for the APIs and the /_emulator control API.
            """.formatted(tokenUsage());
    private static final Map<String, String> FLAG_TO_VARIABLE = flags();

    private EmulatorMain() {
    }

    private static Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>(Map.of(
                "--port", "VPSSNAP_EMULATOR_PORT", "--bind", "VPSSNAP_EMULATOR_BIND",
                "--create-ms", "VPSSNAP_EMULATOR_CREATE_MS", "--delete-ms", "VPSSNAP_EMULATOR_DELETE_MS",
                "--revert-ms", "VPSSNAP_EMULATOR_REVERT_MS", "--restore-ms", "VPSSNAP_EMULATOR_RESTORE_MS",
                "--seed", "VPSSNAP_EMULATOR_SEED", "--state-file", "VPSSNAP_EMULATOR_STATE_FILE"));
        for (EmulatedCloud cloud : EmulatedClouds.ALL) {
            flags.put(tokenFlag(cloud), "VPSSNAP_EMULATOR_" + cloud.name().toUpperCase(Locale.ROOT) + "_TOKEN");
        }
        return flags;
    }

    private static String tokenFlag(EmulatedCloud cloud) {
        return "--" + cloud.name() + "-token";
    }

    /** One usage line per cloud: its token flag, variable and default. */
    private static String tokenUsage() {
        StringBuilder lines = new StringBuilder();
        for (EmulatedCloud cloud : EmulatedClouds.ALL) {
            String flag = String.format("%-19s", tokenFlag(cloud) + " T");
            String what = String.format("%-37s", "the token " + cloud.title() + " accepts");
            lines.append(lines.length() == 0 ? "" : "  ").append(flag).append(' ').append(what).append(" (VPSSNAP_EMULATOR_")
                    .append(cloud.name().toUpperCase(Locale.ROOT)).append("_TOKEN, default ").append(cloud.defaultToken()).append(")\n");
        }
        return lines.toString().stripTrailing();
    }

    public static void main(String[] args) throws Exception {
        EmulatorOptions options;
        try {
            options = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("vpssnap-emulator: " + e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(options);
        } catch (IOException e) {
            // A bad seed or state file, or a port in use: one line, no trace.
            System.err.println("vpssnap-emulator: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        System.out.println("vpssnap-emulator listening on " + emulator.url());
        System.out.flush();
        StringBuilder where = new StringBuilder("vpssnap-emulator: ");
        EmulatedClouds.ALL.forEach(cloud -> where.append(cloud.title()).append(" at ").append(emulator.url())
                .append(cloud.apiPrefix()).append(", "));
        System.err.println(where.append("control at ").append(emulator.url()).append("/_emulator"));
        stopped.await();
    }

    /** The options from flags, then variables, then defaults; null for --help. */
    static EmulatorOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new java.util.HashMap<>();
        FLAG_TO_VARIABLE.forEach((flag, variable) -> {
            if (env.get(variable) != null && !env.get(variable).isBlank()) {
                values.put(flag, env.get(variable));
            }
        });
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!FLAG_TO_VARIABLE.containsKey(flag)) {
                throw new IllegalArgumentException("unknown flag " + arg);
            }
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : (i + 1 < args.length ? args[++i] : null);
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            values.put(flag, value);
        }
        EmulatorOptions o = EmulatorOptions.defaults();
        if (values.containsKey("--port")) {
            o = o.port((int) number(values, "--port", 0, 65535));
        }
        if (values.containsKey("--bind")) {
            o = o.bind(values.get("--bind"));
        }
        if (values.containsKey("--create-ms")) {
            o = o.createMs(number(values, "--create-ms", 0, Long.MAX_VALUE));
        }
        if (values.containsKey("--delete-ms")) {
            o = o.deleteMs(number(values, "--delete-ms", 0, Long.MAX_VALUE));
        }
        if (values.containsKey("--revert-ms")) {
            o = o.revertMs(number(values, "--revert-ms", 0, Long.MAX_VALUE));
        }
        if (values.containsKey("--restore-ms")) {
            o = o.restoreMs(number(values, "--restore-ms", 0, Long.MAX_VALUE));
        }
        for (EmulatedCloud cloud : EmulatedClouds.ALL) {
            if (values.containsKey(tokenFlag(cloud))) {
                o = o.token(cloud.name(), values.get(tokenFlag(cloud)));
            }
        }
        if (values.containsKey("--seed")) {
            o = o.seedFile(Path.of(values.get("--seed")));
        }
        if (values.containsKey("--state-file")) {
            o = o.stateFile(Path.of(values.get("--state-file")));
        }
        return o;
    }

    private static long number(Map<String, String> values, String flag, long min, long max) {
        String value = values.get(flag);
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a whole number from " + min + " to " + max + "; got '" + value + "'");
    }
}
