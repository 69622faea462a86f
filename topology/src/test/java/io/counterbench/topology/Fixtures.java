package io.counterbench.topology;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the test fixtures under src/test/resources. */
final class Fixtures {
    private Fixtures() {}

    static Path resource(String path) {
        URL url = Fixtures.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing test fixture " + path);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sysfs root imitating a machine: sysfs/NAME (holding devices/system/...). */
    static Path sysfs(String name) {
        return resource("sysfs/" + name);
    }

    static Path hwloc(String file) {
        return resource("hwloc/" + file);
    }

    static Topology loadSysfs(String name) {
        return new SysfsSource(sysfs(name)).load(name);
    }
}
