package org.capillary.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy to the machine's Redis that can be told to swallow every byte from then on, as a
 * Redis that hangs would: connected, but never answering.
 */
final class SwitchableProxy implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean silent;

  SwitchableProxy(int redisPort) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket client = server.accept();
          Socket redis = new Socket(InetAddress.getLoopbackAddress(), redisPort);
          sockets.add(client);
          sockets.add(redis);
          pump(client, redis);
          pump(redis, client);
        }
      } catch (IOException closed) {
        // proxy closed
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String uri() {
    return "redis://127.0.0.1:" + server.getLocalPort();
  }

  void silence() {
    silent = true;
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (!silent) {
            out.write(buffer, 0, n);
            out.flush();
          }
        }
      } catch (IOException closed) {
        // connection over
      }
    });
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
