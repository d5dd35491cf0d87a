#!/usr/bin/env node
/**
 * A tiny service-status API for examples/http-tool-status-bedrock.yaml, with fixed data so that its
 * answers never change between runs (a replay with --live-tools runs the tool for real, and a changed
 * tool result would change the next model request). A plain replay does not need it: the cassette
 * holds the tool results. Node built-ins only.
 *
 *   node examples/local-api/status-api.mjs          # listens on http://127.0.0.1:8931
 *
 *   GET /services                      every service with its status
 *   GET /services/{name}/incidents     the open incidents of one service
 */
import http from 'node:http';
import { fileURLToPath } from 'node:url';

/** The address the example spec's `base_url` names. */
export const statusApiPort = 8931;

const services = [
  { name: 'api-gateway', status: 'operational', uptime_30d: 99.98 },
  { name: 'payments', status: 'degraded', uptime_30d: 99.71 },
  { name: 'search', status: 'operational', uptime_30d: 99.95 },
  { name: 'notifications', status: 'partial_outage', uptime_30d: 99.42 },
];

const incidents = {
  payments: [
    {
      id: 'INC-2041',
      title: 'Card authorizations slower than usual',
      severity: 'minor',
      status: 'monitoring',
      started_at: '2025-03-04T06:12:00Z',
      impact: 'p95 authorization latency 4.8 s (normally 0.9 s); no failed payments',
      last_update: 'A fix for the card network connection pool is deployed; latency is recovering.',
    },
  ],
  notifications: [
    {
      id: 'INC-2043',
      title: 'Push notifications delayed on Android',
      severity: 'major',
      status: 'investigating',
      started_at: '2025-03-04T07:35:00Z',
      impact: 'About 40% of Android push notifications arrive 10 to 25 minutes late',
      last_update: 'The delivery queue is backed up; the team is scaling out consumers.',
    },
  ],
};

/** Answers one request from the fixed data. */
function route(method, path) {
  if (method !== 'GET') return [405, { error: `method ${method} not allowed; this API is read-only` }];
  if (path === '/' || path === '/health') return [200, { service: 'status-api', ok: true }];
  if (path === '/services') return [200, { checked_at: '2025-03-04T08:00:00Z', services }];
  const match = /^\/services\/([a-z-]+)\/incidents$/.exec(path);
  if (match) {
    const name = match[1];
    if (!services.some((service) => service.name === name)) {
      return [404, { error: `unknown service '${name}'`, known: services.map((service) => service.name) }];
    }
    return [200, { service: name, open_incidents: incidents[name] ?? [] }];
  }
  return [404, { error: `no route for ${path}`, routes: ['/services', '/services/{name}/incidents'] }];
}

/**
 * Starts the API on 127.0.0.1. Responses carry no `Date` header, so identical requests get
 * byte-identical answers.
 *
 * @param {{ port?: number }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startStatusApi(options = {}) {
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const [status, body] = route(request.method ?? 'GET', path);
    const text = JSON.stringify(body);
    response.sendDate = false;
    response.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  });
  // Pinned, because the `Keep-Alive: timeout=5` header it produces is part of every tool result.
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? statusApiPort, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const api = await startStatusApi();
  console.log(`status API listening on ${api.url} (Ctrl-C to stop)`);
}
