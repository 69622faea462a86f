package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XML reader never fetches a DTD, never resolves an entity and refuses entity declarations. */
class XmlHardeningTest {
    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "<!ENTITY leaked \"fetched\">".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void externalEntityFileIsNeverRead() {
        Path fixture = Fixtures.hwloc("external-entity.xml");
        assertTrue(Files.exists(fixture.resolveSibling("secret.txt")), "the bait exists next to the fixture");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new HwlocXmlSource(fixture).load());
        assertTrue(e.getMessage().contains("declares entity 'secret'"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    @Test
    void billionLaughsIsRefusedBeforeExpanding() {
        IllegalArgumentException e = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThrows(
                        IllegalArgumentException.class,
                        () -> new HwlocXmlSource(Fixtures.hwloc("billion-laughs.xml")).load()));
        assertTrue(e.getMessage().contains("declares entity 'lol'"), e.getMessage());
    }

    @Test
    void externalDtdIsNeverFetched(@TempDir Path dir) throws IOException {
        String xml = Files.readString(Fixtures.hwloc("two-socket-smt-split.xml"))
                .replace("SYSTEM \"hwloc2.dtd\"", "SYSTEM \"" + base + "hwloc2.dtd\"");
        Path file = Files.writeString(dir.resolve("remote-dtd.xml"), xml);
        assertEquals(16, new HwlocXmlSource(file).load().puCount());
        assertEquals(0, hits.get(), "the DTD was fetched");
    }

    @Test
    void externalEntityAndParameterEntityUrlsAreNeverFetched(@TempDir Path dir) throws IOException {
        String[] attacks = {
            "<!DOCTYPE topology [<!ENTITY x SYSTEM \"" + base + "x\">]><topology>&x;</topology>",
            "<!DOCTYPE topology [<!ENTITY % p SYSTEM \"" + base + "p\"> %p;]><topology/>",
            "<!DOCTYPE topology PUBLIC \"-//x//y\" \"" + base + "d.dtd\" [<!ENTITY y \"z\">]><topology>&y;</topology>",
            "<!DOCTYPE topology [<!NOTATION n SYSTEM \"n\"><!ENTITY u SYSTEM \"" + base + "u\" NDATA n>]><topology/>",
        };
        for (String attack : attacks) {
            Path file = Files.writeString(dir.resolve("attack.xml"), attack);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> new HwlocXmlSource(file).load());
            assertTrue(e.getMessage().contains("declares entity"), attack + " -> " + e.getMessage());
        }
        assertEquals(0, hits.get(), "an external entity was fetched");
    }

    @Test
    void undeclaredEntityReferenceIsAnError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("undeclared.xml"), "<topology>&nope;</topology>");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new HwlocXmlSource(file).load());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
