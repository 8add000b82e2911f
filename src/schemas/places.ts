import { z } from 'astro/zod';
import { contacts, day, pressCitations, type SchemaHelpers } from './helpers.ts';

/** Kinds of administrative unit, old and new (the 2025 reform abolished districts). */
export const PLACE_KINDS = ['province', 'district', 'commune', 'ward', 'town', 'village'] as const;

/** A place (content/places/<id>.yaml): province, district, commune, ward, town or village. */
export const PlaceSchema = <TImage, TRef>(helpers: SchemaHelpers<TImage, TRef>) =>
  z
    .strictObject({
      /** Vietnamese name without the kind, e.g. "Bình Liêu". */
      name: z.string().trim().min(2).max(60),
      /** province, district, commune, ward, town or village. */
      kind: z.enum(PLACE_KINDS),
      /** The unit this one belongs to (its district or province) while it existed. */
      parent: helpers.ref('places').optional(),
      /** Ethnic groups living here, with their share of the population when known. */
      ethnicGroups: z
        .array(
          z.strictObject({
            /** Name of the group, e.g. "Tày". */
            name: z.string().trim().min(2),
            /** Share of the population in percent. */
            share: z.number().min(0).max(100).optional(),
          }),
        )
        .default([]),
      /** Number of community digital technology teams (Tổ công nghệ số cộng đồng). */
      techTeams: z.number().int().min(0).optional(),
      /** Number of villages, hamlets and urban quarters. */
      villages: z.number().int().min(0).optional(),
      /** Population, with the year it was counted. */
      population: z.strictObject({ count: z.number().int().positive(), year: z.number().int().min(1900).max(2100) }).optional(),
      /** First day the unit existed in this form (e.g. 2025-07-01 for the new communes). */
      validFrom: day().optional(),
      /** First day it no longer existed (2025-07-01 for units merged by the reform). */
      validUntil: day().optional(),
      /** The units it became; several when it was split (Đại Dực → Tiên Yên and Đông Ngũ). */
      successors: z.array(helpers.ref('places')).default([]),
      /**
       * Successors not yet checked against the resolution's text (issue 24): the page marks them
       * "chưa đối chiếu" instead of stating them as fact. Each must also be in `successors`.
       */
      unverifiedSuccessors: z.array(helpers.ref('places')).default([]),
      /** A sentence on the change, e.g. which part went where. */
      changeNote: z.string().trim().max(300).optional(),
      /** A short description of the place, in plain words. */
      description: z.string().trim().max(400).optional(),
      /** Every source the facts on this place were checked against. */
      sources: pressCitations().optional(),
      /** Numbers residents of this place can call (commune police, public-administration centre, the Tổ công nghệ số), each with its source. */
      contacts: contacts(),
      /** Where the facts on this place come from. */
      source: z.string().trim().optional(),
    })
    .superRefine((place, ctx) => {
      if (place.successors.length > 0 && !place.validUntil) {
        ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'successors_need_valid_until' });
      }
      // References are strings under `npm run check` and { id } objects in Astro: compare ids.
      const idOf = (ref: unknown): unknown => (ref !== null && typeof ref === 'object' && 'id' in ref ? (ref as { id: unknown }).id : ref);
      const successorIds = new Set(place.successors.map(idOf));
      place.unverifiedSuccessors.forEach((ref, index) => {
        if (!successorIds.has(idOf(ref))) ctx.addIssue({ code: 'custom', path: ['unverifiedSuccessors', index], message: 'unverified_not_a_successor' });
      });
      if (place.validFrom && place.validUntil && place.validUntil <= place.validFrom) {
        ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'valid_until_before_from' });
      }
    });
