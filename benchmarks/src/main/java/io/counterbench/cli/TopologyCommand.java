package io.counterbench.cli;

import picocli.CommandLine.Command;

/** Placeholder; the topology issue fills it in. */
@Command(name = "topology", description = "Print a CPU topology and where threads go under each placement policy.")
final class TopologyCommand implements Runnable {
    @Override
    public void run() {
        throw new UsageException("topology: not built yet");
    }
}
