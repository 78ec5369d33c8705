/**
 * `npm run app`: build the page (build.ts), write it to app/dist/index.html, and serve it with
 * node:http on 127.0.0.1 (only this machine can connect), printing the URL. The port is $PORT
 * or 5173; when that one is taken, the next free one (up to 20 tries). Ctrl-C stops it.
 *
 *   GET /  or /index.html   the page (one self-contained HTML document)
 *   anything else           404; any method but GET and HEAD: 405
 * The page fetches nothing: the server answers that one document, and the data stay in the browser.
 * Reference: Node's http.createServer and server.listen (https://nodejs.org/api/http.html).
 */
import { readFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import { writeApp } from "./build.js";

/** Default port, Vite's. */
export const DEFAULT_PORT = 5173;
/** Ports tried after the first one is busy. */
const TRIES = 20;

/** A running server: its URL, its port, and close(). */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The handler: the page at / and /index.html, nothing else. */
function handler(html: string) {
  return (req: { method?: string; url?: string }, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("method not allowed\n");
      return;
    }
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (path !== "/" && path !== "/index.html") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not found: ${path} (the page is at /)\n`);
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html), "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : html);
  };
}

/** listen() on 127.0.0.1:port; rejects with the error (EADDRINUSE when taken). */
function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      server.off("listening", onListening);
      reject(e);
    };
    const onListening = () => {
      server.off("error", onError);
      const addr = server.address();
      resolve(typeof addr === "object" && addr !== null ? addr.port : port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, "127.0.0.1");
  });
}

/**
 * Serve `html` on 127.0.0.1 at `port`, or the next free port when it is taken.
 * @param html the page.
 * @param port the first port to try, an integer in [0, 65535] (0: any free port).
 * @throws RangeError for a bad port; the listen error when no port of the TRIES tried is free.
 */
export async function startServer(html: string, port = DEFAULT_PORT): Promise<RunningServer> {
  if (typeof html !== "string") throw new TypeError(`startServer: html must be a string, got ${typeof html}`);
  if (typeof port !== "number" || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError(`startServer: port must be an integer in [0, 65535], got ${String(port)}`);
  const server = createServer(handler(html));
  for (let p = port; ; p++) {
    try {
      const bound = await listen(server, p);
      return {
        url: `http://127.0.0.1:${bound}/`,
        port: bound,
        // a browser keeps its connection open: drop it, or close() would wait for it
        close: () =>
          new Promise<void>((resolve, reject) => {
            server.close((e) => (e ? reject(e) : resolve()));
            server.closeAllConnections();
          }),
      };
    } catch (e) {
      const busy = (e as NodeJS.ErrnoException).code === "EADDRINUSE";
      if (!busy || port === 0 || p >= Math.min(port + TRIES - 1, 65535)) throw e;
    }
  }
}

/** The port from $PORT (default 5173). @throws RangeError for a PORT that is not a port number. */
export function portFromEnv(env: Record<string, string | undefined> = process.env): number {
  const text = env.PORT;
  if (text === undefined || text === "") return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new RangeError(`npm run app: PORT must be a port number (0 to 65535), got ${JSON.stringify(text)}`);
  return port;
}

async function main(): Promise<void> {
  const port = portFromEnv();
  console.log("building the page…");
  const path = await writeApp();
  const server = await startServer(readFileSync(path, "utf8"), port);
  if (port !== 0 && server.port !== port) console.log(`port ${port} is busy; using ${server.port}`);
  console.log(`Sliderule page: ${server.url}   (also written to ${path}; Ctrl-C stops the server)`);
  process.once("SIGINT", () => {
    console.log("\nstopped");
    void server.close().finally(() => process.exit(0));
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
