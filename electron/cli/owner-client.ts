/**
 * The command line's way into a running Factmark: the app (or browser mode) owns the data folder,
 * and answers the same API on 127.0.0.1 with the token its lock file holds. Calls go through the
 * app's own handler registry, so nothing writes the folder behind the app's back and the app's
 * windows see the change at once.
 */
import { request } from 'node:http';
import type { Channel } from '../../shared/api/contract';
import { ApiError, type ApiResult } from '../../shared/api/envelope';
import type { OwnerEndpoint } from '../services/library';

/** Sends one API call to the running app at `endpoint`. */
export function callOwner(endpoint: OwnerEndpoint, channel: Channel, input: unknown): Promise<ApiResult<unknown>> {
  const url = new URL(`api/${channel}`, endpoint.url);
  const body = JSON.stringify(input ?? {});
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-factmark-token': endpoint.token } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<unknown>);
          } catch {
            reject(new ApiError('unavailable', 'The running Factmark gave an answer the command line cannot read. Nothing was changed; try again.'));
          }
        });
      },
    );
    outgoing.on('error', () => reject(new ApiError('unavailable', 'Another Factmark holds the data folder but does not answer. Nothing was changed. Wait for it to start, or close it and try again.')));
    outgoing.end(body);
  });
}
