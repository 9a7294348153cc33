import { AppFailure } from './app-error';
import type { RecordSpace } from './board-port';

/**
 * One run per map at a time. A run that is about to write takes a lease on
 * the map, stored in the map's record space beside its journey: who holds it
 * and until when. A second panel that finds a live lease held by someone else
 * is told who is working on the map and to try again in a moment; a lease
 * whose holder closed the panel mid-run simply runs out.
 *
 * Record spaces are last-writer-wins (Miro board storage, FigJam plugin
 * data), so a lease is confirmed by reading it back after writing it: of two
 * panels that wrote at once, the one that reads the other's name gives way.
 * Whatever still slips through (two read-backs before either write lands) is
 * healed by the next run, which removes items doubled with nothing of their
 * own.
 */

/** Key of the lease in a map's record space. */
export const LEASE_KEY = 'lease';
/** The `format` of a stored lease. */
const LEASE_FORMAT = 'cjm-lease';
/**
 * How long a lease holds without being renewed: longer than one round of
 * writes of a large Miro map at its credit pace (a 400-item map takes about
 * a minute), short enough that a closed panel blocks the map only briefly.
 * Runs renew it before each round.
 */
export const LEASE_MS = 120_000;

/** The person a panel runs for. */
export interface LeaseHolder {
  /** A stable id of the person (host user id) or of this panel when the host does not tell. */
  id: string;
  /** The person's name as the host shows it; '' when unknown. */
  name: string;
}

/** A lease as stored. */
export interface MapLease extends LeaseHolder {
  /** Epoch milliseconds when it runs out. */
  until: number;
}

/** Reads the lease stored in `space`; undefined when there is none or it cannot be read (a damaged lease protects nothing). */
export async function readLeaseAsync(space: RecordSpace): Promise<MapLease | undefined> {
  return parseLease(await space.getAsync(LEASE_KEY));
}

/** A lease from its stored text; undefined for none or anything unreadable. */
export function parseLease(text: string | undefined): MapLease | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (value.format !== LEASE_FORMAT || typeof value.by !== 'string' || typeof value.name !== 'string' || typeof value.until !== 'number') return undefined;
    return { id: value.by, name: value.name.slice(0, 100), until: value.until };
  } catch {
    return undefined;
  }
}

// Every lease written is told apart from the last one, so a run that read the
// lease before planning sees that another run came and went meanwhile.
const formatLease = (lease: MapLease): string =>
  JSON.stringify({ format: LEASE_FORMAT, by: lease.id, name: lease.name, until: lease.until, run: Math.random().toString(36).slice(2, 10) });

/** Throws `map-busy` when `lease` is someone else's and still running at `now`. */
export function checkLease(lease: MapLease | undefined, holder: LeaseHolder, now: number, title: string): void {
  if (lease && lease.id !== holder.id && lease.until > now) {
    throw new AppFailure({ code: 'map-busy', title, name: lease.name, seconds: Math.max(1, Math.ceil((lease.until - now) / 1000)) });
  }
}

/**
 * Takes (or renews) the lease for `holder`: refuses with `map-busy` while
 * someone else holds a live one, writes it, and reads it back to confirm it
 * was not overwritten by another panel at the same moment. `current` is the
 * lease's text as the caller just read it, when it did.
 */
export async function takeLeaseAsync(space: RecordSpace, holder: LeaseHolder, now: number, title: string, options: { current?: { text: string | undefined } } = {}): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    // The lease as the caller read it a moment ago saves the first read.
    checkLease(attempt === 1 && options.current ? parseLease(options.current.text) : await readLeaseAsync(space), holder, now, title);
    try {
      await space.setAsync(LEASE_KEY, formatLease({ ...holder, until: now + LEASE_MS }));
      break;
    } catch (error) {
      // A host that keeps refusing the write cannot hold a lease: the run goes
      // on as runs did before leases, and heals what doubles next time.
      if (attempt >= LEASE_WRITE_ATTEMPTS) return;
      void error;
    }
  }
  checkLease(await readLeaseAsync(space), holder, now, title);
}

// Writes of a lease tried before a run goes on without one.
const LEASE_WRITE_ATTEMPTS = 3;

/**
 * Gives the lease back when `holder` holds it: it is left run out (not
 * removed), so a run that read it before this one took it knows the map
 * changed since. A lease someone else took meanwhile is theirs and stays.
 */
export async function releaseLeaseAsync(space: RecordSpace, holder: LeaseHolder): Promise<void> {
  const lease = await readLeaseAsync(space);
  if (lease?.id === holder.id) await space.setAsync(LEASE_KEY, formatLease({ ...holder, until: 0 }));
}
