/**
 * Hybrid logical clock (SYNC.md §2), in the sortable `ISO-counter-node` form of Actual Budget's
 * HULC: `2026-12-03T08:02:00.000Z-0001-<node>`. Comparing two stamps as strings compares them in
 * time; the counter orders stamps within one millisecond, the node breaks ties between PCs.
 *
 * A clock never goes backwards: if the PC's wall time is behind the last stamp it issued or saw
 * (a server reply, a pulled record), it counts on from that stamp instead. That keeps "last
 * writer wins" honest on a PC whose clock was set back, without trusting any one clock.
 */
export interface HlcParts {
  millis: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;
const NODE_PATTERN = /^[0-9a-zA-Z_-]{1,40}$/;
const STAMP_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9A-F]{4})-([0-9a-zA-Z_-]{1,40})$/;

export function formatHlc({ millis, counter, node }: HlcParts): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).toUpperCase().padStart(4, '0')}-${node}`;
}

export function parseHlc(stamp: string): HlcParts | null {
  const m = STAMP_PATTERN.exec(stamp);
  if (!m) return null;
  const millis = Date.parse(m[1]!);
  return Number.isFinite(millis) ? { millis, counter: parseInt(m[2]!, 16), node: m[3]! } : null;
}

/** A node name the stamp format accepts, made from any id (a device UUID fits as it is). */
export function hlcNode(id: string): string {
  const cleaned = id.replace(/[^0-9a-zA-Z_-]/g, '').slice(0, 40);
  return NODE_PATTERN.test(cleaned) ? cleaned : 'pc';
}

export class HlcClock {
  private last: HlcParts;

  constructor(node: string, last?: string) {
    this.last = { millis: 0, counter: 0, node: hlcNode(node) };
    if (last) this.observe(last, 0);
  }

  get node(): string {
    return this.last.node;
  }

  set node(id: string) {
    this.last = { ...this.last, node: hlcNode(id) };
  }

  /** A new stamp for a local write at wall time `nowMs`, later than every stamp issued or seen. */
  tick(nowMs: number): string {
    const millis = Math.max(this.last.millis, nowMs);
    let counter = millis === this.last.millis ? this.last.counter + 1 : 0;
    let at = millis;
    if (counter > MAX_COUNTER) {
      // 65,536 writes in one millisecond: move on to the next millisecond rather than wrap.
      at += 1;
      counter = 0;
    }
    this.last = { millis: at, counter, node: this.last.node };
    return formatHlc(this.last);
  }

  /** Takes in a stamp from elsewhere (the server's reply): later local stamps sort after it. */
  observe(stamp: string, nowMs: number): void {
    const remote = parseHlc(stamp);
    if (!remote) return;
    const millis = Math.max(this.last.millis, remote.millis, nowMs);
    let counter = 0;
    if (millis === this.last.millis && millis === remote.millis) counter = Math.max(this.last.counter, remote.counter);
    else if (millis === this.last.millis) counter = this.last.counter;
    else if (millis === remote.millis) counter = remote.counter;
    this.last = { millis, counter, node: this.last.node };
  }
}
