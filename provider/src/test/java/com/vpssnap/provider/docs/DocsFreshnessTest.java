package com.vpssnap.provider.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/ is what the generator writes from the specs now: run `make docs` after changing a spec. */
class DocsFreshnessTest {
    @Test
    void everyGeneratedPageIsCurrent() throws Exception {
        Path docs = repositoryRoot().resolve("docs");
        Map<String, String> pages = DocsGenerator.pages();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = docs.resolve(page.getKey());
            assertTrue(Files.exists(file), "docs/" + page.getKey() + " is missing: run make docs");
            assertEquals(page.getValue(), Files.readString(file), "docs/" + page.getKey() + " is stale: run make docs");
        }
        assertTrue(Files.exists(docs.resolve("components/rollback_points.md")), "the component's hand-written page");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("schema.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no schema.json above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
