import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logger } from './logger.js';
import { markClustered, type RealtimeServer } from './realtime.js';

/**
 * Several app nodes: Socket.IO broadcasts (rooms `dashboard`, `user:<id>`…) and node-to-node messages go
 * through Redis pub/sub, so an event raised on one node reaches the clients of every node. Returns the
 * function that closes the two Redis connections.
 */
export async function useRedisAdapter(
  io: RealtimeServer,
  url: string,
  logger: Logger,
): Promise<() => Promise<void>> {
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  for (const client of [publisher, subscriber]) {
    client.on('error', (error: unknown) => logger.error({ err: error }, 'redis connection error'));
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);
  io.adapter(createAdapter(publisher, subscriber));
  markClustered(io);
  logger.info({ redis: new URL(url).host }, 'Socket.IO uses the Redis adapter');
  return async () => {
    await Promise.allSettled([publisher.close(), subscriber.close()]);
  };
}
