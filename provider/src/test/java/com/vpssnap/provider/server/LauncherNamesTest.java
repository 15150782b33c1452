package com.vpssnap.provider.server;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launchers are a shell script and a Go program (Windows), so the Java names they run are
 * strings there: every class each names, per door where it builds the name from the door, must
 * exist with a main method, and their doors must be the ones the warm server opens
 * ({@link Doors#NAMES}). A rename on any side fails here, in make unit, instead of in an
 * installed package.
 */
class LauncherNamesTest {
    private static final Path LAUNCHER = Path.of("src/main/sh/vpssnap-launcher");
    private static final Path GO_LAUNCHER = Path.of("src/main/go/launcher/plan.go");
    /** A Go door: door{"terraform", "com.vpssnap.provider.terraform.TerraformMain"}. */
    private static final Pattern GO_DOOR = Pattern.compile("door\\{\"([a-z]+)\", \"(com\\.vpssnap\\.provider\\.[A-Za-z0-9_.]+)\"\\}");
    private static final String GO_TRAINING = "\"com.vpssnap.provider.\" + d.name + \".CdsTraining\"";
    private static final Pattern CLASS = Pattern.compile("com\\.vpssnap\\.provider\\.[A-Za-z0-9_.$]+[A-Za-z0-9_]");
    private static final Pattern DOOR = Pattern.compile("\\bdoor=([a-z]+)");

    @Test
    void theLaunchersDoorsAreTheServersDoors() throws Exception {
        assertEquals(new TreeSet<>(Doors.NAMES), new TreeSet<>(matches(DOOR, 1)));
    }

    @Test
    void everyClassTheLauncherRunsExistsWithAMainMethod() throws Exception {
        TreeSet<String> named = new TreeSet<>();
        for (String name : matches(CLASS, 0)) {
            if (name.contains("$door")) {
                Doors.NAMES.forEach(door -> named.add(name.replace("$door", door)));
            } else {
                named.add(name);
            }
        }
        assertTrue(named.size() >= 4, "the doors' mains, the trainers and the server: " + named);
        for (String name : named) {
            Method main = Class.forName(name, false, getClass().getClassLoader()).getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers()), name);
        }
    }

    @Test
    void theGoLaunchersDoorsAndClassesAreTheSame() throws Exception {
        String source = Files.readString(GO_LAUNCHER);
        Matcher m = GO_DOOR.matcher(source);
        TreeSet<String> doors = new TreeSet<>();
        TreeSet<String> named = new TreeSet<>();
        while (m.find()) {
            doors.add(m.group(1));
            named.add(m.group(2));
        }
        assertEquals(new TreeSet<>(Doors.NAMES), doors, "in " + GO_LAUNCHER);
        assertTrue(source.contains(GO_TRAINING), "the trainer's name is built from the door: " + GO_TRAINING);
        Doors.NAMES.forEach(door -> named.add("com.vpssnap.provider." + door + ".CdsTraining"));
        for (String name : named) {
            Method main = Class.forName(name, false, getClass().getClassLoader()).getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers()), name);
        }
    }

    /** Template names ("com.vpssnap.provider.$door.CdsTraining") are found as such, not cut at the $. */
    private static List<String> matches(Pattern pattern, int group) throws Exception {
        String script = Files.readString(LAUNCHER).replace("$door", "DOOR_");
        Matcher m = pattern.matcher(script);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(group).replace("DOOR_", "$door"));
        }
        assertFalse(out.isEmpty(), "nothing matched " + pattern + " in " + LAUNCHER);
        return out;
    }
}
