package dev.ponder.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A selector provider that writes down every network channel a JVM opens: installed with
 * {@code -Djava.nio.channels.spi.SelectorProvider=dev.ponder.e2e.NetworkGuard}, it sees every TCP and UDP channel,
 * the HTTP client's included, and lets Unix-domain channels (the engine child's) pass unremarked. Each opening is
 * one line in the file named by {@code -Dponder.network.log}, with the calls that led to it; the channel is then
 * opened as usual by the JDK's own provider.
 */
public final class NetworkGuard extends SelectorProvider {

    static final String LOG_PROPERTY = "ponder.network.log";

    private final SelectorProvider jdk;

    public NetworkGuard() {
        try {
            // Needs --add-exports java.base/sun.nio.ch=ALL-UNNAMED, which the test gives the JVM it guards.
            jdk = (SelectorProvider) Class.forName("sun.nio.ch.DefaultSelectorProvider").getMethod("get")
                    .invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the JDK's selector provider is out of reach", e);
        }
    }

    private static void network(String what) {
        String stack = Arrays.stream(new Throwable().getStackTrace()).skip(2).limit(12)
                .map(StackTraceElement::toString).collect(Collectors.joining(" < "));
        try {
            Files.writeString(Path.of(System.getProperty(LOG_PROPERTY)), what + " from " + stack + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(ProtocolFamily family, String what) {
        if (family != StandardProtocolFamily.UNIX) {
            network(what + " " + family);
        }
    }

    @Override
    public SocketChannel openSocketChannel() throws IOException {
        network("TCP socket");
        return jdk.openSocketChannel();
    }

    @Override
    public SocketChannel openSocketChannel(ProtocolFamily family) throws IOException {
        check(family, "TCP socket");
        return jdk.openSocketChannel(family);
    }

    @Override
    public ServerSocketChannel openServerSocketChannel() throws IOException {
        network("TCP server socket");
        return jdk.openServerSocketChannel();
    }

    @Override
    public ServerSocketChannel openServerSocketChannel(ProtocolFamily family) throws IOException {
        check(family, "TCP server socket");
        return jdk.openServerSocketChannel(family);
    }

    @Override
    public DatagramChannel openDatagramChannel() throws IOException {
        network("UDP socket");
        return jdk.openDatagramChannel();
    }

    @Override
    public DatagramChannel openDatagramChannel(ProtocolFamily family) throws IOException {
        check(family, "UDP socket");
        return jdk.openDatagramChannel(family);
    }

    @Override
    public Pipe openPipe() throws IOException {
        return jdk.openPipe();
    }

    @Override
    public AbstractSelector openSelector() throws IOException {
        return jdk.openSelector();
    }
}
