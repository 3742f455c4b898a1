package io.pistonee.it.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback ports nobody listens on, asked of the operating system. Each server a test starts gets
 * ports of its own, so a test can never reach an earlier server, another execution's or another
 * checkout's: a fixed port answered by a server that was still shutting down is how a test once
 * saw a 404 from a Payara Micro that no longer served its deployment.
 */
public final class FreePorts {

    private FreePorts() {}

    /** {@code count} distinct ports, free on 127.0.0.1 when this returns. */
    public static List<Integer> take(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        } finally {
            held.forEach(FreePorts::close);
        }
    }

    /** One free port. */
    public static int take() {
        return take(1).get(0);
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // a socket that never accepted closes without lingering; nothing to do
        }
    }
}
