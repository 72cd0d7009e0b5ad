import net from 'node:net';
import { LocalSetupError } from './dynamodb-local';

/** Fails with a clear message when a port is taken, before anything else starts. */
export async function assertPortFree(port: number, what: string, envName: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new LocalSetupError(
          e.code === 'EADDRINUSE'
            ? `Port ${port} (${what}) is already in use. Stop whatever uses it (is another "npm start" running?) or choose another port with ${envName}=<port>.`
            : `Cannot listen on 127.0.0.1:${port} (${what}): ${e.message}`,
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** A free port on the loopback interface (tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
