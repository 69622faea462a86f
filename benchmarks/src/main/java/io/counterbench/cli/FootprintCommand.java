package io.counterbench.cli;

import picocli.CommandLine.Command;

/** Placeholder; the counters issue fills it in. */
@Command(name = "footprint", description = "Memory of one counter and of a group of 4, per counter id, measured with JOL.")
final class FootprintCommand implements Runnable {
    @Override
    public void run() {
        throw new UsageException("footprint: not built yet");
    }
}
