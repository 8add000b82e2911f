import { describe, expect, it } from 'vitest';
import { ancestors, currentSuccessors, currentSuccessorsChecked, existsOn, isVerifiedLink, findCycles, isHistorical, isLargerKind, levelOf, origins, PlaceCycleError, predecessors, type PlaceNode } from '../../src/lib/places/places.ts';

const reform = new Date('2025-07-01T00:00:00Z');
const today = new Date('2026-11-25T00:00:00Z');
const place = (id: string, extra: Partial<PlaceNode> = {}): PlaceNode => ({ id, name: id, kind: 'commune', successors: [], ...extra });

const places = [
  place('quang-ninh', { kind: 'province' }),
  place('huyen-tien-yen', { kind: 'district', parent: 'quang-ninh', validUntil: reform, successors: ['xa-tien-yen', 'xa-dong-ngu'] }),
  place('xa-dai-duc', { parent: 'huyen-tien-yen', validUntil: reform, successors: ['xa-tien-yen', 'xa-dong-ngu'] }),
  place('xa-dong-hai', { parent: 'huyen-tien-yen', validUntil: reform, successors: ['xa-dong-ngu'] }),
  place('xa-tien-yen', { parent: 'quang-ninh', validFrom: reform }),
  place('xa-dong-ngu', { parent: 'quang-ninh', validFrom: reform }),
];
const byId = new Map(places.map((p) => [p.id, p]));

describe('2025 reform', () => {
  it('knows which units exist on a day', () => {
    const daiDuc = byId.get('xa-dai-duc')!;
    expect(existsOn(daiDuc, new Date('2025-06-30T00:00:00Z'))).toBe(true);
    expect(existsOn(daiDuc, reform)).toBe(false);
    expect(existsOn(byId.get('xa-tien-yen')!, new Date('2025-06-30T00:00:00Z'))).toBe(false);
    expect(isHistorical(daiDuc, today)).toBe(true);
    expect(isHistorical(byId.get('xa-tien-yen')!, today)).toBe(false);
  });

  it('splits Đại Dực between its two successors', () => {
    expect(currentSuccessors('xa-dai-duc', byId, today)).toEqual(['xa-tien-yen', 'xa-dong-ngu']);
  });

  it('follows chains of successors to the units that exist now', () => {
    const chain = new Map(byId);
    chain.set('xa-tien-yen', place('xa-tien-yen', { validFrom: reform, validUntil: new Date('2026-01-01T00:00:00Z'), successors: ['xa-moi'] }));
    chain.set('xa-moi', place('xa-moi', { validFrom: new Date('2026-01-01T00:00:00Z') }));
    expect(currentSuccessors('xa-dai-duc', chain, today)).toEqual(['xa-moi', 'xa-dong-ngu']);
  });

  it('lists what a new commune was formed from', () => {
    expect(predecessors('xa-dong-ngu', places).map((p) => p.id)).toEqual(['huyen-tien-yen', 'xa-dai-duc', 'xa-dong-hai']);
  });

  it("words a new commune's origins right: formed from old communes, but it lay in the old district (issue 25)", () => {
    // Not "Được lập từ: Huyện Tiên Yên (cũ)": a district is not a predecessor of a commune.
    const { formedFrom, formerlyIn } = origins('xa-dong-ngu', places);
    expect(formedFrom.map((p) => p.id)).toEqual(['xa-dai-duc', 'xa-dong-hai']);
    expect(formerlyIn.map((p) => p.id)).toEqual(['huyen-tien-yen']);
    // A town (thị trấn) and a ward are a commune's equals; an unknown kind counts as one too.
    const withTown = [...places, place('thi-tran-tien-yen', { kind: 'town', validUntil: reform, successors: ['xa-tien-yen'] })];
    const tienYen = origins('xa-tien-yen', withTown);
    expect(tienYen.formedFrom.map((p) => p.id)).toEqual(['thi-tran-tien-yen', 'xa-dai-duc']);
    expect(tienYen.formerlyIn.map((p) => p.id)).toEqual(['huyen-tien-yen']);
    expect(origins('nowhere', places)).toEqual({ formedFrom: [], formerlyIn: [] });
  });

  it('orders kinds of unit from the province down', () => {
    expect(isLargerKind('district', 'commune')).toBe(true);
    expect(isLargerKind('province', 'district')).toBe(true);
    expect(isLargerKind('commune', 'town')).toBe(false);
    expect(isLargerKind('commune', 'district')).toBe(false);
    expect(levelOf('ward')).toBe(levelOf('commune'));
    expect(levelOf('something-new')).toBe(levelOf('commune'));
  });

  it('marks a successor "chưa đối chiếu" only when no checked chain of links leads to it (issue 24)', () => {
    const voNgai = place('xa-vo-ngai', { validUntil: reform, successors: ['xa-tien-yen', 'xa-binh-lieu'], unverifiedSuccessors: ['xa-binh-lieu'] });
    const map = new Map([...byId, ['xa-vo-ngai', voNgai], ['xa-binh-lieu', place('xa-binh-lieu', { validFrom: reform })]]);
    expect(isVerifiedLink(voNgai, 'xa-tien-yen')).toBe(true);
    expect(isVerifiedLink(voNgai, 'xa-binh-lieu')).toBe(false);
    expect(currentSuccessorsChecked('xa-vo-ngai', map, today)).toEqual([
      { id: 'xa-tien-yen', verified: true },
      { id: 'xa-binh-lieu', verified: false },
    ]);
    // A chain is only as sure as its weakest link: checked A → unchecked B → C leaves C unchecked…
    const chain = new Map(map);
    chain.set('xa-binh-lieu', place('xa-binh-lieu', { validFrom: reform, validUntil: new Date('2026-01-01T00:00:00Z'), successors: ['xa-moi'] }));
    chain.set('xa-moi', place('xa-moi', { validFrom: new Date('2026-01-01T00:00:00Z') }));
    expect(currentSuccessorsChecked('xa-vo-ngai', chain, today)).toContainEqual({ id: 'xa-moi', verified: false });
    // …unless another, checked chain reaches it too.
    chain.set('xa-tien-yen', place('xa-tien-yen', { validFrom: reform, validUntil: new Date('2026-01-01T00:00:00Z'), successors: ['xa-moi'] }));
    expect(currentSuccessorsChecked('xa-vo-ngai', chain, today)).toEqual([{ id: 'xa-moi', verified: true }]);
    // Nothing marked: everything is as before.
    expect(currentSuccessorsChecked('xa-dai-duc', byId, today)).toEqual([
      { id: 'xa-tien-yen', verified: true },
      { id: 'xa-dong-ngu', verified: true },
    ]);
  });

  it('gives the parent chain for breadcrumbs', () => {
    expect(ancestors('xa-dai-duc', byId)).toEqual(['quang-ninh', 'huyen-tien-yen']);
  });

  it('rejects cycles in successors and parents', () => {
    const cyclic = new Map([
      ['a', place('a', { validUntil: reform, successors: ['b'] })],
      ['b', place('b', { validUntil: reform, successors: ['a'] })],
    ]);
    expect(() => currentSuccessors('a', cyclic, today)).toThrow(PlaceCycleError);
    expect(findCycles(cyclic.values())).toEqual([['a', 'b', 'a']]);
    expect(findCycles([place('x', { parent: 'y' }), place('y', { parent: 'x' })])).toHaveLength(1);
    expect(findCycles(places)).toEqual([]);
  });
});
