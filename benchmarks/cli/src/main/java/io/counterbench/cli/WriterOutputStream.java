package io.counterbench.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes to a PrintWriter, for libraries that print to a PrintStream (JMH's console output)
 * while the command's streams are writers (the tests capture them). A character split between two
 * writes is kept until its last byte arrives.
 */
final class WriterOutputStream extends OutputStream {
    private final PrintWriter out;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    WriterOutputStream(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, pending.remaining());
            pending.put(b, off, n);
            off += n;
            len -= n;
            drain();
        }
    }

    private void drain() {
        pending.flip();
        while (true) {
            boolean overflow = decoder.decode(pending, chars, false).isOverflow();
            chars.flip();
            out.append(chars);
            chars.clear();
            if (!overflow) {
                break;
            }
        }
        pending.compact();
    }

    @Override
    public synchronized void flush() {
        out.flush();
    }
}
