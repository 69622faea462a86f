package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PresetsTest {

    static List<String> presetNames() {
        return TopologySources.presetNames();
    }

    @ParameterizedTest
    @MethodSource("presetNames")
    void everyPresetLoadsWithTheCountItClaims(String name) {
        Preset p = TopologySources.preset(name);
        Topology t = TopologySources.load(name);
        assertEquals(p.claimedPus(), t.puCount(), name + ": " + p.synthetic());
        assertEquals(name, t.name());
        assertFalse(p.description().isBlank());
        assertTrue(t.source().startsWith("preset " + name), t.source());
    }

    @Test
    void theIndexListsExactlyThePresetFiles() throws IOException {
        Path dir = Path.of("presets");
        assertTrue(Files.isDirectory(dir), "tests run in topology/, where presets/ lives");
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".topo"))
                    .forEach(f -> files.add(f.substring(0, f.length() - 5)));
        }
        assertEquals(files, new TreeSet<>(presetNames()));
    }

    @Test
    void epycPresetMatchesTheHpccCoverLetterMachine() {
        Topology t = TopologySources.load("epyc-9654-2s");
        assertEquals(384, t.puCount());
        assertEquals(24, t.domainCount(Level.LLC));
        assertEquals(192, t.domainCount(Level.CORE));
        assertArrayEquals(new int[] {0, 192}, t.siblings(0, Level.CORE));
        assertArrayEquals(
                new int[] {0, 1, 2, 3, 4, 5, 6, 7, 192, 193, 194, 195, 196, 197, 198, 199}, t.siblings(0, Level.LLC));
    }

    @Test
    void presetFileFormatErrorsNameTheFile() {
        assertMessage("pack:1 pu:1", "must start with a '#' line");
        assertMessage("# box\n# pus: 2\npack:1 pu:2\npack:1 pu:2", "exactly one synthetic string line, found 2");
        assertMessage("# box\npack:1 pu:2", "no '# pus: N' line");
        assertMessage("# box\n# pus: many\npack:1 pu:2", "'# pus: many' is not a PU count");
    }

    private static void assertMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preset.parse("x", text));
        assertTrue(e.getMessage().startsWith("preset x (presets/x.topo): "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
