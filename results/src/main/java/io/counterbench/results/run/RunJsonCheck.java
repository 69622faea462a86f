package io.counterbench.results.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.inputs.Limits;
import io.counterbench.inputs.Range;
import io.counterbench.results.util.JsonFields;
import java.nio.file.Path;
import java.util.List;

/**
 * The checks of a run.json tree before it becomes a {@link RunJson}: the type of every field that
 * reports and the gate read, and the range of every number among them (CPU counts
 * {@link Limits#CPUS}, topology counts {@link #DOMAINS}, profile numbers {@link #PROFILE_NUMBER}).
 * A run.json from an older suite without environment or hostTopology passes; one whose fields are
 * there with the wrong type or out of range is refused with the field's name.
 */
final class RunJsonCheck {
    /** A count of domains of one level of hostTopology (the machine itself: 1). */
    static final Range DOMAINS = new Range("a count of topology domains", 1, Limits.MAX_CPUS);
    /** Forks, iterations and milliseconds of the profile. */
    static final Range PROFILE_NUMBER =
            new Range("a profile's fork, iteration or millisecond count", 0, Integer.MAX_VALUE);

    /** Every message starts the way RunJson's own do. */
    private static final String R = "not a counterbench run record: ";

    private RunJsonCheck() {}

    static void check(Path file, JsonNode n) {
        for (String text : List.of("status", "reason", "started", "finished", "topology", "label")) {
            JsonFields.text(file, R, n, text);
        }
        for (String list : List.of("completed", "failed", "missing", "plan", "command")) {
            JsonFields.array(file, R, n, list);
        }
        JsonNode profile = JsonFields.object(file, R, n, "profile");
        if (profile != null) {
            for (String field : List.of(
                    "forks", "warmupIterations", "warmupMillis", "measurementIterations", "measurementMillis")) {
                JsonFields.whole(file, R + "profile.", profile, field, PROFILE_NUMBER, 0);
            }
        }
        JsonNode env = JsonFields.object(file, R, n, "environment");
        if (env != null) {
            JsonNode cpus = JsonFields.object(file, R + "environment.", env, "cpus");
            if (cpus != null) {
                JsonFields.whole(file, R + "environment.cpus.", cpus, "available", Limits.CPUS, -1);
                JsonFields.whole(file, R + "environment.cpus.", cpus, "onlineCount", Limits.CPUS, -1);
            }
            for (String text : List.of("cpuModel", "kernel", "gc", "governor", "host")) {
                JsonFields.text(file, R + "environment.", env, text);
            }
            JsonNode jdk = env.get("jdk");
            if (jdk != null && jdk.isObject()) {
                for (String text : List.of("version", "vendor", "vmName")) {
                    JsonFields.text(file, R + "environment.jdk.", jdk, text);
                }
            } else {
                JsonFields.text(file, R + "environment.", env, "jdk");
            }
            JsonNode vm = env.get("virtualMachine");
            if (vm != null && !vm.isNull() && !vm.isBoolean()) {
                throw io.counterbench.results.util.InputException.of(
                        file, R + "environment.virtualMachine is " + JsonFields.show(vm) + ", not true or false");
            }
        }
        JsonNode prov = JsonFields.object(file, R, n, "provenance");
        if (prov != null) {
            JsonFields.text(file, R + "provenance.", prov, "commit");
            JsonFields.array(file, R + "provenance.", prov, "jars");
        }
        JsonNode host = JsonFields.object(file, R, n, "hostTopology");
        if (host != null) {
            JsonFields.whole(file, R + "hostTopology.", host, "pus", Limits.CPUS, 1);
            JsonNode counts = JsonFields.object(file, R + "hostTopology.", host, "counts");
            if (counts != null) {
                counts.fields()
                        .forEachRemaining(e ->
                                JsonFields.whole(file, R + "hostTopology.counts." + e.getKey(), e.getValue(), DOMAINS));
            }
        }
    }
}
