/**
 * A TCP relay between an IMAP client and the test Dovecot that can misbehave on purpose, for
 * the fault specs: cut the connection while the server is sending a message (mid-FETCH), or hide
 * the IDLE capability so the client must fall back to polling. It also keeps what the clients
 * sent (`sent`), so a spec can tell which commands crossed the wire. Local only (127.0.0.1).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface ImapProxyOptions {
  /** Removes `IDLE` from every capability list the server sends. */
  hideIdle?: boolean;
}

interface Pair {
  client: Socket;
  server: Socket;
  /** Bytes of a FETCH response still let through before the cut; null when not cutting. */
  cutAfter: number | null;
  /** Cut: nothing more goes through. */
  dead: boolean;
}

export class ImapFaultProxy {
  private readonly pairs = new Set<Pair>();
  private cutArmed: { afterBytes: number; done: () => void } | null = null;
  /** Connections accepted so far (a reconnect makes it grow). */
  connections = 0;
  /** Connections cut in the middle of a FETCH response. */
  cuts = 0;
  /** Everything the clients sent, in order (commands and literals). */
  sent = '';

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly targetPort: number,
    private readonly options: ImapProxyOptions,
  ) {}

  static start(targetPort: number, options: ImapProxyOptions = {}): Promise<ImapFaultProxy> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        const proxy = new ImapFaultProxy(server, port, targetPort, options);
        server.on('connection', (socket) => proxy.relay(socket));
        resolve(proxy);
      });
    });
  }

  /**
   * Arms a cut: the next FETCH a client sends gets `afterBytes` bytes of its answer, then both
   * sides of that connection are destroyed (no goodbye). Resolves when the cut has happened.
   */
  cutNextFetch(afterBytes = 200): Promise<void> {
    return new Promise((done) => {
      this.cutArmed = { afterBytes, done };
    });
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.server.destroy();
    }
    this.pairs.clear();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private relay(client: Socket): void {
    this.connections++;
    const server = connect(this.targetPort, '127.0.0.1');
    const pair: Pair = { client, server, cutAfter: null, dead: false };
    this.pairs.add(pair);
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('error', end);
    server.on('error', end);
    client.on('close', end);
    server.on('close', end);

    client.on('data', (chunk: Buffer) => {
      this.sent += chunk.toString('latin1');
      if (this.cutArmed && /\bFETCH\b/i.test(chunk.toString('latin1'))) {
        pair.cutAfter = this.cutArmed.afterBytes;
      }
      server.write(chunk);
    });
    server.on('data', (chunk: Buffer) => {
      if (pair.dead) return;
      let data = chunk;
      if (this.options.hideIdle) {
        const text = data.toString('latin1');
        if (text.includes('CAPABILITY')) {
          data = Buffer.from(text.replace(/ IDLE(?=[\s\]])/g, ''), 'latin1');
        }
      }
      if (pair.cutAfter === null) {
        client.write(data);
        return;
      }
      const armed = this.cutArmed;
      if (data.length < pair.cutAfter) {
        pair.cutAfter -= data.length;
        client.write(data);
        return;
      }
      // Part of the message, then the line goes dead.
      pair.dead = true;
      client.write(data.subarray(0, pair.cutAfter), () => {
        this.cuts++;
        this.cutArmed = null;
        end();
        armed?.done();
      });
      pair.cutAfter = null;
    });
  }
}
