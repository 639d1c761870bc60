/**
 * The first line of the Apps and Jobs views: which Marathon or Chronos we read, how fresh the
 * list is and how it is kept fresh (Marathon's event stream, or polling), or while it can not be
 * read, why, what to try and when the next attempt is. Stale rows stay listed under an error.
 */
import { Text } from 'ink';
import { truncate } from '../../cli/output/table.js';
import type { Feed } from '../feed.js';
import { formatAge } from './layout.js';

export interface ServiceHeaderProps {
  /** "Marathon", "Chronos". */
  title: string;
  url: string;
  feed: Feed<unknown>;
  /** "3 apps  1 deploying": the tally of what was read. */
  tally: string;
  now: number;
  width: number;
}

export function ServiceHeader({ title, url, feed, tally, now, width }: ServiceHeaderProps) {
  if (feed.state === 'loading') return <Text color="yellow" wrap="truncate">{truncate(`○ reading ${title} at ${url}…`, width)}</Text>;
  if (feed.state === 'ok') {
    const how = feed.live ? 'live (events)' : 'polling';
    return <Text color="green" wrap="truncate">{truncate(`● ${title} ${url}  ${tally}  ${how}`, width)}</Text>;
  }
  const wait = Math.max(0, Math.ceil((feed.retryAt - now) / 1000));
  const stale = feed.at === undefined ? '' : `; showing the list from ${formatAge(now - feed.at)} ago`;
  const text = `✕ retrying in ${wait}s: ${feed.error}${feed.hint ? ` (${feed.hint})` : ''}${stale}`;
  return <Text color="red" wrap="truncate">{truncate(text, width)}</Text>;
}
