/**
 * Places and Vietnam's 2025 local-government reform: districts were abolished and communes
 * merged on 2025-07-01. Old units keep their names and pages; they point at their successors.
 */

export interface PlaceNode {
  id: string;
  name: string;
  kind: string;
  parent?: string | undefined;
  validFrom?: Date | undefined;
  validUntil?: Date | undefined;
  successors: readonly string[];
  /** Successors not yet checked against the resolution's text (a subset of `successors`). */
  unverifiedSuccessors?: readonly string[] | undefined;
}

/** A unit a link leads to, and whether the link was checked against the source text. */
export interface CheckedLink {
  id: string;
  /** false: "chưa đối chiếu", the page must not state it as fact. */
  verified: boolean;
}

/** Was the link from `place` to its successor `to` checked against the resolution's text? */
export function isVerifiedLink(place: PlaceNode, to: string): boolean {
  return !(place.unverifiedSuccessors ?? []).includes(to);
}

export class PlaceCycleError extends Error {
  readonly chain: readonly string[];
  constructor(chain: readonly string[]) {
    super(`successor cycle: ${chain.join(' → ')}`);
    this.chain = chain;
  }
}

/** Does the unit exist on that day? */
export function existsOn(place: PlaceNode, day: Date): boolean {
  if (place.validFrom && day < place.validFrom) return false;
  if (place.validUntil && day >= place.validUntil) return false;
  return true;
}

/** Has the unit been abolished (merged, split or renamed)? */
export function isHistorical(place: PlaceNode, today: Date): boolean {
  return place.validUntil !== undefined && place.validUntil <= today;
}

/**
 * The units that exist now and took over this one, following chains of successors
 * (A → B → C gives C). A split gives several. Throws PlaceCycleError on a cycle.
 */
export function currentSuccessors(id: string, byId: ReadonlyMap<string, PlaceNode>, today: Date): string[] {
  const result: string[] = [];
  const walk = (current: string, chain: string[]): void => {
    if (chain.includes(current)) throw new PlaceCycleError([...chain, current]);
    const place = byId.get(current);
    if (!place) return;
    if (current !== id && (place.successors.length === 0 || !isHistorical(place, today))) {
      if (!result.includes(current)) result.push(current);
      return;
    }
    for (const next of place.successors) walk(next, [...chain, current]);
  };
  walk(id, []);
  return result;
}

/**
 * How far down the ladder a kind of unit sits: a province holds districts, a district holds
 * communes, wards and towns, a commune holds villages. Unknown kinds count as a commune's level.
 */
const LEVEL: Readonly<Record<string, number>> = { province: 1, district: 2, commune: 3, ward: 3, town: 3, village: 4 };

export function levelOf(kind: string): number {
  return LEVEL[kind] ?? 3;
}

/** Is `outer` a larger kind of unit than `inner` (a district and a commune)? */
export function isLargerKind(outer: string, inner: string): boolean {
  return levelOf(outer) < levelOf(inner);
}

/**
 * `currentSuccessors` with each result marked verified when at least one chain of links leading
 * to it was checked against the source text (one unchecked link makes a chain unchecked).
 */
export function currentSuccessorsChecked(id: string, byId: ReadonlyMap<string, PlaceNode>, today: Date): CheckedLink[] {
  const verified = new Map<string, boolean>();
  const walk = (current: string, chain: string[], sure: boolean): void => {
    if (chain.includes(current)) throw new PlaceCycleError([...chain, current]);
    const place = byId.get(current);
    if (!place) return;
    if (current !== id && (place.successors.length === 0 || !isHistorical(place, today))) {
      verified.set(current, (verified.get(current) ?? false) || sure);
      return;
    }
    for (const next of place.successors) walk(next, [...chain, current], sure && isVerifiedLink(place, next));
  };
  walk(id, [], true);
  return currentSuccessors(id, byId, today).map((successor) => ({ id: successor, verified: verified.get(successor) ?? false }));
}

/**
 * Where a unit came from, worded right (issue 25): `formedFrom`, the units of its own level or
 * below it was made of (old communes, a town); `formerlyIn`, larger units that handed it land
 * (an abolished district). A district is not a predecessor of a commune: the commune lay in it.
 */
export function origins(id: string, places: Iterable<PlaceNode>): { formedFrom: PlaceNode[]; formerlyIn: PlaceNode[] } {
  const all = [...places];
  const self = all.find((place) => place.id === id);
  const before = predecessors(id, all);
  if (!self) return { formedFrom: before, formerlyIn: [] };
  return {
    formedFrom: before.filter((place) => !isLargerKind(place.kind, self.kind)),
    formerlyIn: before.filter((place) => isLargerKind(place.kind, self.kind)),
  };
}

/** Units this one was formed from (the places that list it as a successor), in name order. */
export function predecessors(id: string, places: Iterable<PlaceNode>): PlaceNode[] {
  return [...places].filter((place) => place.successors.includes(id)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** Ids of the parent chain, outermost first (province, district, …), without the place itself. */
export function ancestors(id: string, byId: ReadonlyMap<string, PlaceNode>): string[] {
  const chain: string[] = [];
  let current = byId.get(id)?.parent;
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    current = byId.get(current)?.parent;
  }
  return chain;
}

/** Every cycle in successors or parents, as readable chains (for the content check). */
export function findCycles(places: Iterable<PlaceNode>): string[][] {
  const byId = new Map([...places].map((place) => [place.id, place]));
  const cycles: string[][] = [];
  const seen = new Set<string>();
  for (const place of byId.values()) {
    try {
      currentSuccessors(place.id, byId, new Date(8.64e15));
    } catch (error) {
      if (error instanceof PlaceCycleError) {
        const key = [...new Set(error.chain)].sort().join(',');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...error.chain]);
        }
      } else throw error;
    }
    const parents: string[] = [place.id];
    let current = place.parent;
    while (current) {
      if (parents.includes(current)) {
        const key = `parent:${[...parents].sort().join(',')}`;
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...parents, current]);
        }
        break;
      }
      parents.push(current);
      current = byId.get(current)?.parent;
    }
  }
  return cycles;
}
