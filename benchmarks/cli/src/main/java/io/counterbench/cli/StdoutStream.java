package io.counterbench.cli;

import io.counterbench.inputs.IoReasons;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Standard output that remembers its first write error: a PrintWriter swallows them, so a command
 * whose output goes to a full disk ({@code footprint > /dev/full}) would exit 0. Main asks at the
 * end and turns a failure into one line and a non-zero exit.
 */
final class StdoutStream extends FilterOutputStream {
    private volatile IOException failure;

    StdoutStream() {
        super(new FileOutputStream(FileDescriptor.out));
    }

    /** A PrintWriter over standard output in its encoding, flushed at every line as System.out's was. */
    PrintWriter writer() {
        String enc = System.getProperty("stdout.encoding");
        Charset cs = enc == null ? Charset.defaultCharset() : Charset.forName(enc, Charset.defaultCharset());
        return new PrintWriter(new OutputStreamWriter(this, cs), true);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            remember(e);
            throw e;
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            remember(e);
            throw e;
        }
    }

    private void remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** Why writing failed, in words ("the disk is full"), or null when every write went through. */
    String failure() {
        return failure == null ? null : IoReasons.of(failure);
    }
}
