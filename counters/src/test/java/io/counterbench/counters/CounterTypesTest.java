package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.counters.spi.ContributedType;
import io.counterbench.counters.testjars.CounterJarBuilder;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One registry for built-in and contributed counter types, and every way a --counter-jar can be wrong. */
class CounterTypesTest {
    @TempDir
    static Path dir;

    static Path good;

    /** A provider of two types: an exact one and one with a bound computed from the topology. */
    static final String PROVIDER = """
            package t;
            import io.counterbench.counters.Accuracy;
            import io.counterbench.counters.spi.*;
            import io.counterbench.topology.Topology;
            import java.util.List;
            import java.util.concurrent.atomic.AtomicLong;
            public final class P implements CounterProvider {
                static final ContributedType ONE = ContributedType.exact("one-cell", "an AtomicLong", One::new);
                static final ContributedType LAZY = ContributedType.bounded("Lazy", "adds land every other time",
                        (t, batch) -> new Accuracy(0, t.cpuIdLimit()), Lazy::new);
                public List<ContributedType> types() { return List.of(ONE, LAZY); }
                static final class One extends ContributedCounter {
                    final AtomicLong v = new AtomicLong();
                    One(Topology t, long batch) { super(ONE, t, batch); }
                    public void add(int cpu, int task, long d) { v.addAndGet(d); }
                    public long precise() { return v.get(); }
                    public long approximate() { return v.get(); }
                }
                static final class Lazy extends ContributedCounter {
                    final AtomicLong v = new AtomicLong();
                    Lazy(Topology t, long batch) { super(LAZY, t, batch); }
                    public void add(int cpu, int task, long d) { v.addAndGet(d); }
                    public long precise() { return v.get(); }
                    public long approximate() { return v.get() + 1; }
                }
            }
            """;

    @BeforeAll
    static void buildGoodJar() throws Exception {
        good = new CounterJarBuilder()
                .source("t/P.java", PROVIDER)
                .provider("t.P")
                .build(dir, "good.jar");
    }

    @AfterEach
    void noJars() {
        CounterTypes.use(List.of());
    }

    @Test
    void builtInsAndContributedTypesComeFromOneRegistry() {
        List<ContributedType> mine = CounterTypes.use(List.of(good));
        assertEquals(
                List.of("one-cell", "Lazy"),
                mine.stream().map(ContributedType::id).toList());
        List<CounterType> all = CounterTypes.all();
        assertEquals(
                Arrays.asList(CounterId.values()),
                all.subList(0, CounterId.values().length),
                "built-ins first, in order");
        assertEquals(mine, all.subList(CounterId.values().length, all.size()));
        assertSame(CounterId.TREE_TOPO, CounterTypes.parse("TREE_TOPO"));
        assertSame(CounterId.TREE_TOPO, CounterTypes.parse(" tree-topo "));
        assertSame(mine.get(1), CounterTypes.parse("lazy"), "contributed ids ignore case too");
        assertTrue(CounterTypes.all().stream().filter(t -> !t.builtIn()).allMatch(mine::contains));
    }

    @Test
    void aContributedCounterCarriesItsTypeAndDeclaredBound() {
        CounterTypes.use(List.of(good));
        Topology t = TopologySources.load("small-8");
        Counter lazy = CounterTypes.parse("lazy").create(t, 0);
        assertEquals("Lazy", lazy.id().id());
        assertEquals(new Accuracy(0, 8), lazy.accuracy(), "the bound the type declares for this topology");
        lazy.add(3, 1, 5);
        lazy.add(7);
        assertEquals(12, lazy.precise());
        lazy.set(-4);
        assertEquals(-4, lazy.precise(), "set() adds the difference");
        Counter[] group = CounterTypes.parse("one-cell").factory(t, 0).createGroup(4);
        assertEquals(4, Arrays.stream(group).distinct().count());
    }

    @Test
    void unknownIdsListTheContributedOnesToo() {
        CounterTypes.use(List.of(good));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CounterTypes.parse("nosuch"));
        assertTrue(e.getMessage().startsWith("unknown counter id 'nosuch' (known: atomic,"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; from --counter-jar: one-cell, Lazy)"), e.getMessage());
        CounterTypes.use(List.of());
        e = assertThrows(IllegalArgumentException.class, () -> CounterTypes.parse("lazy"));
        assertTrue(!e.getMessage().contains("--counter-jar"), "no jars, no contributed ids: " + e.getMessage());
    }

    @Test
    void aForkLoadsTheSameJarsFromTheSystemProperty() {
        CounterTypes.use(List.of(good));
        List<String> args = CounterTypes.forkJvmArgs();
        assertEquals(
                List.of("-D" + CounterTypes.JARS_PROPERTY + "="
                        + good.toAbsolutePath().normalize()),
                args);
        CounterTypes.forget();
        assertEquals("one-cell", CounterTypes.parse("ONE-CELL").id(), "read back from " + CounterTypes.JARS_PROPERTY);
        CounterTypes.use(List.of());
        assertEquals(List.of(), CounterTypes.forkJvmArgs());
        assertEquals(null, System.getProperty(CounterTypes.JARS_PROPERTY));
    }

    @Test
    void aFactoryThatBuildsAnotherTypesCounterIsRefusedWhenItBuilds() {
        ContributedType other = ContributedType.exact("other", "x", (t, b) -> null);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> other.create(TopologySources.load("small-2"), 0));
        assertTrue(e.getMessage().contains("counter other: its constructor built nothing"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContributedType.exact("my counter", "x", (t, b) -> null));
        assertThrows(IllegalArgumentException.class, () -> ContributedType.exact("", "x", (t, b) -> null));
    }

    private static String provider(String cls, String typesBody) {
        return "package t;\nimport io.counterbench.counters.spi.*;\nimport java.util.List;\n"
                + "public final class " + cls + " implements CounterProvider {\n"
                + "    public List<ContributedType> types() { " + typesBody + " }\n}\n";
    }

    private static void assertRefused(Path jar, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CounterTypes.use(List.of(jar)));
        assertTrue(
                e.getMessage()
                        .startsWith("--counter-jar " + jar.toAbsolutePath().normalize() + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains(expected), expected + " in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        assertEquals(List.of(), CounterTypes.contributed(), "nothing loaded");
    }

    @Test
    void missingNotAFileNotAJar() throws Exception {
        assertRefused(dir.resolve("missing.jar"), "no such file");
        assertRefused(Files.createDirectories(dir.resolve("folder.jar")), "not a file");
        assertRefused(Files.writeString(dir.resolve("text.jar"), "hello"), "not a jar");
        assertRefused(Files.write(dir.resolve("empty.jar"), new byte[0]), "not a jar");
    }

    @Test
    void noProvider() throws Exception {
        Path plain = new CounterJarBuilder().file("README", "no classes").build(dir, "plain.jar");
        assertRefused(
                plain, "provides no counter: it has no META-INF/services/io.counterbench.counters.spi.CounterProvider");
        Path foreign = new CounterJarBuilder()
                .provider("io.counterbench.counters.CounterTypesTest")
                .build(dir, "foreign.jar");
        assertRefused(foreign, "cannot load its provider");
        Path missingClass = new CounterJarBuilder().provider("t.Nope").build(dir, "missing-class.jar");
        assertRefused(missingClass, "cannot load its provider: Provider t.Nope not found");
    }

    @Test
    void providersThatFailOrGiveNothing() throws Exception {
        assertRefused(
                new CounterJarBuilder()
                        .source("t/E.java", provider("E", "return List.of();"))
                        .provider("t.E")
                        .build(dir, "none.jar"),
                "t.E.types() returned no type");
        assertRefused(
                new CounterJarBuilder()
                        .source("t/F.java", provider("F", "throw new IllegalStateException(\"boom\");"))
                        .provider("t.F")
                        .build(dir, "fails.jar"),
                "t.F.types() failed: IllegalStateException: boom");
        assertRefused(
                new CounterJarBuilder()
                        .source(
                                "t/G.java",
                                provider(
                                        "G",
                                        "return List.of(ContributedType.exact(\"bad id!\", \"x\", (t, b) -> null));"))
                        .provider("t.G")
                        .build(dir, "badid.jar"),
                "counter id 'bad id!' must be");
    }

    @Test
    void idsMayNotClashWithBuiltInsOrEachOther() throws Exception {
        assertRefused(
                new CounterJarBuilder()
                        .source(
                                "t/C.java",
                                provider(
                                        "C",
                                        "return List.of(ContributedType.exact(\"Tree-Topo\", \"x\", (t, b) -> null));"))
                        .provider("t.C")
                        .build(dir, "clash.jar"),
                "counter id 'Tree-Topo' clashes with the built-in 'tree-topo'");
        assertRefused(
                new CounterJarBuilder()
                        .source(
                                "t/D.java",
                                provider(
                                        "D",
                                        "return List.of(ContributedType.exact(\"PER_THREAD\", \"x\", (t, b) -> null));"))
                        .provider("t.D")
                        .build(dir, "clash2.jar"),
                "clashes with the built-in 'per-thread'");
        Path twice = new CounterJarBuilder()
                .source(
                        "t/T.java",
                        provider(
                                "T",
                                "return List.of(ContributedType.exact(\"dup\", \"x\", (t, b) -> null), ContributedType.exact(\"DUP\", \"y\", (t, b) -> null));"))
                .provider("t.T")
                .build(dir, "twice.jar");
        assertRefused(twice, "counter id 'DUP' is contributed twice by this jar");
        Path copy = Files.copy(good, dir.resolve("good-copy.jar"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CounterTypes.use(List.of(good, copy)));
        assertTrue(e.getMessage().contains("counter id 'one-cell' is contributed twice (also by "), e.getMessage());
    }
}
