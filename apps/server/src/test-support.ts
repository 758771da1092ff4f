import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { appRouter, type Services } from '@sarnakh/api';
import { createApp } from '@sarnakh/platform';
import { pino } from 'pino';

/** The origin the test services trust for sign-in (see createTestApi). */
export const TRUSTED_ORIGIN = 'http://localhost:3000';

export interface RunningServer {
  /** e.g. http://127.0.0.1:43121 */
  url: string;
  close(): Promise<void>;
}

/** The real app on a real socket: port 0 on loopback, the port the OS picked read back. */
export async function startServer(services: Services): Promise<RunningServer> {
  // A folder that does not exist: the admin web app is never served, whatever has been built.
  const app = createApp({ services, logger: pino({ level: 'silent' }), appRouter, plugins: [], adminDist: '/nonexistent/sarnakh-admin-dist' });
  let server!: Server;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port)) as Server;
  });
  expect0(port === (server.address() as AddressInfo).port, 'serve() reported another port than the socket has');
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function expect0(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** The `name=value` of one cookie among a response's Set-Cookie headers, with its attributes. */
export function findCookie(res: Response, name: string): { pair: string; attributes: string[] } | null {
  for (const header of res.headers.getSetCookie()) {
    const [pair = '', ...attributes] = header.split(';').map((p) => p.trim());
    if (pair.startsWith(`${name}=`) && pair.length > name.length + 1) return { pair, attributes };
  }
  return null;
}

export function signInRequest(url: string, email: string, password: string): Promise<Response> {
  return fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TRUSTED_ORIGIN },
    body: JSON.stringify({ email, password }),
  });
}
