package io.atsbridge.provider.greenhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** Reads a request and hangs up without answering: the "sent, then the connection broke" case. */
final class ResettingServer implements AutoCloseable {
    private final ServerSocket socket;
    final AtomicInteger requests = new AtomicInteger();

    ResettingServer() {
        try {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    InputStream in = s.getInputStream();
                    byte[] buf = new byte[8192];
                    // read the head and whatever body arrived, then close without a status line
                    s.setSoTimeout(300);
                    try {
                        while (in.read(buf) > 0) { /* drain */ }
                    } catch (IOException timeout) {
                        // done reading
                    }
                    requests.incrementAndGet();
                } catch (IOException e) {
                    // closed
                }
            }
        }, "resetting-server");
        t.setDaemon(true);
        t.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
